import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../../src/config";
import { findFreePort } from "../../src/db/embedded-postgres";

export interface ServerProcess {
  process: ChildProcess;
  url: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real server (`apps/api/src/server.ts`) as a child process and waits until it listens.
 * `port` defaults to a free one; `nodeArgs` go to node (the benchmarks pass `--cpu-prof`).
 */
export async function startServerProcess(
  env: Record<string, string | undefined>,
  options: { port?: number; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await findFreePort());
  const { DATABASE_URL: _inherited, ...base } = process.env;
  const args = [
    ...(options.nodeArgs ?? []),
    "--import",
    "tsx",
    path.join(repoRoot, "apps/api/src/server.ts"),
  ];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...base, LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return superviseServer(child, port);
}

/**
 * Collects a started server's output, waits for its start-up banner (failing
 * with the output when it exits or takes longer than `startTimeoutMs`), and
 * stops it by signal.
 */
export async function superviseServer(
  child: ChildProcess,
  port: number,
  startTimeoutMs = 120_000,
): Promise<ServerProcess> {
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const started = Date.now();
  while (!output.includes("Tideway is running at")) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited early:\n${output}`);
    if (Date.now() - started > startTimeoutMs) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    process: child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        // A process killed by a signal has a signalCode and no exitCode.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** Signs in over HTTP and returns the session cookie header. */
export async function signInOver(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.get("set-cookie")?.split(";")[0] ?? "";
}
