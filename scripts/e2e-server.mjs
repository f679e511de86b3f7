// Starts the API for the browser tests on a throw-away data folder (so the
// demo data in .data is never touched) and removes it when the server exits.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = process.argv[2] ?? "3199";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "tideway-e2e-"));
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "apps/api/src/server.ts")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // Cheap password hashes for the many sign-ups of a test run (apps/api/src/auth/password.ts).
    FAST_PASSWORD_HASHING_FOR_TESTS: "1",
    // Mail goes to the SMTP server that e2e/password-reset.spec.ts starts on this port
    // (e2e/helpers/mailbox.ts); while none listens, a send fails and is only logged.
    SMTP_URL: `smtp://127.0.0.1:${Number(port) + 1000}`,
    PUBLIC_URL: `http://localhost:${port}`,
  },
});
const stop = (signal) => server.kill(signal);
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
