/**
 * Sign-in under a flood (issue 17, F2): how much longer a real user's sign-in
 * takes while anonymous sign-ins pour in, against the same sign-in on a quiet
 * server, measured in one run on the real server process (`npm start`'s,
 * on a throw-away embedded database).
 *
 * - spoofed: FLOOD sign-ins from one address, each with a fresh
 *   X-Forwarded-For (before the fix every one was hashed, and a real sign-in
 *   waited 214 s behind 150 of them);
 * - distributed: FLOOD sign-ins from FLOOD different loopback addresses
 *   (127.0.1.x), which no per-address limit stops; only the bounded hash
 *   queue (apps/api/src/auth/password.ts) does. The real user retries a
 *   503 SIGN_IN_BUSY after RETRY_MS, as a person pressing the button again
 *   would, and the time to the successful sign-in is reported.
 *
 * Not a test: prints medians of BENCH_RUNS runs and the delay as a multiple
 * of one quiet sign-in. Run with `npm run bench:sign-in-flood`.
 */
import { request } from "node:http";
import { findFreePort } from "../apps/api/src/db/embedded-postgres";
import { startAppUnderTest } from "./app-under-test";
import { median, round1 } from "./bench-stats";

const FLOOD = Number(process.env.BENCH_FLOOD ?? 150);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RETRY_MS = 250;
const PASSWORD = "bench sign-in flood password";

interface Answer {
  status: number;
  ms: number;
}

function post(url: string, path: string, body: unknown, localAddress: string, headers = {}): Promise<Answer> {
  const started = performance.now();
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(
      `${url}${path}`,
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: { "content-type": "application/json", origin: url, ...headers },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
        );
      },
    );
    call.on("error", reject);
    call.end(text);
  });
}

/** A real user's sign-in from its own address, retried while the server says it is busy. */
async function realSignIn(url: string, email: string, address: string): Promise<Answer> {
  const started = performance.now();
  for (;;) {
    const answer = await post(url, "/api/auth/sign-in", { email, password: PASSWORD }, address);
    if (answer.status !== 503) return { status: answer.status, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

function tally(answers: Answer[]): string {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count}x${status}`).join(" ");
}

async function main(): Promise<void> {
  // Its accounts sign up through the API, which the default without mail (SIGNUP=invite) refuses.
  const app = await startAppUnderTest(await findFreePort(), [], { SIGNUP: "open" });
  try {
    const quiet: number[] = [];
    const spoofed: number[] = [];
    const distributed: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Fresh accounts and addresses each run, so no earlier run's limit counts.
      const email = `real-${run}@bench.test`;
      const address = `127.0.2.${run + 1}`;
      const signUp = await post(app.url, "/api/auth/sign-up", { email, password: PASSWORD }, address);
      if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}`);
      quiet.push((await realSignIn(app.url, email, address)).ms);

      const spoof = Array.from({ length: FLOOD }, (_, index) =>
        post(
          app.url,
          "/api/auth/sign-in",
          { email: `spoof-${run}-${index}@bench.test`, password: "x" },
          `127.0.3.${run + 1}`,
          {
            "x-forwarded-for": `198.51.100.${index % 250}`,
          },
        ),
      );
      const underSpoof = await realSignIn(app.url, email, address);
      const spoofAnswers = await Promise.all(spoof);
      spoofed.push(underSpoof.ms);

      const crowd = Array.from({ length: FLOOD }, (_, index) =>
        post(
          app.url,
          "/api/auth/sign-in",
          { email: `crowd-${run}-${index}@bench.test`, password: "x" },
          `127.1.${run}.${index + 1}`,
        ),
      );
      const underCrowd = await realSignIn(app.url, email, address);
      const crowdAnswers = await Promise.all(crowd);
      distributed.push(underCrowd.ms);
      console.log(
        `run ${run + 1}: quiet ${Math.round(quiet[run] ?? 0)} ms; ` +
          `spoofed flood ${Math.round(underSpoof.ms)} ms (${underSpoof.status}; flood ${tally(spoofAnswers)}); ` +
          `distributed flood ${Math.round(underCrowd.ms)} ms (${underCrowd.status}; flood ${tally(crowdAnswers)})`,
      );
    }
    const base = median(quiet);
    const row = (name: string, values: number[]) =>
      `${name.padEnd(22)} ${String(Math.round(median(values))).padStart(7)} ms  ` +
      `${String(round1(median(values) / base)).padStart(5)}x quiet  (+${Math.round(median(values) - base)} ms)`;
    console.log(`\nreal user's sign-in, median of ${RUNS} runs, flood of ${FLOOD}:`);
    console.log(row("quiet", quiet));
    console.log(row("spoofed X-Forwarded-For", spoofed));
    console.log(row("distributed", distributed));
  } finally {
    await app.stop();
  }
}

await main();
