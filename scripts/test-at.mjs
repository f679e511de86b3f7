// Runs the test suite (or any command) with every clock it reads set to another time of day:
//   npm run test:at -- 23:50                  the whole `npm test`, as if started at 23:50 UTC
//   npm run test:at -- 00:30 npx vitest run   any command instead
// libfaketime (Debian's `faketime` package) shifts the real clock of this process tree by a
// fixed offset, so Node, the servers the tests start and the embedded PostgreSQL all read the
// pinned time and it keeps moving (a run started at 23:50 crosses midnight). Chromium crashes
// with libfaketime loaded, so it is launched without it and its pages get the same clock from
// Playwright (e2e/helpers/clock-test.ts, which reads TIDEWAY_TEST_AT).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const LIBFAKETIME_PATHS = [
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1",
  "/usr/lib/faketime/libfaketimeMT.so.1",
];

const [when, ...command] = process.argv.slice(2);
if (!when) {
  console.error("usage: npm run test:at -- <HH:MM, UTC> [command...]  (default command: npm test)");
  process.exit(2);
}
const library = LIBFAKETIME_PATHS.find((candidate) => existsSync(candidate));
if (!library) {
  console.error("libfaketime is missing: install Debian's faketime package (apt-get install faketime)");
  process.exit(2);
}

// The next such time, not the last: PostgreSQL reads its clock in a signal handler to fire
// its lock and idle timeouts, and libfaketime answers there with the real time (it does not
// fake the clock inside the epoll_wait PostgreSQL sleeps in). Behind the real time, a pending
// alarm would end a healthy transaction at once; ahead of it, a timeout that falls due while
// PostgreSQL sleeps fires late, when the real clock gets there.
const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(when ?? "");
if (!time) {
  console.error(`test:at takes a UTC time of day like 08:20, got "${when}"`);
  process.exit(2);
}
const pinned = new Date();
pinned.setUTCHours(Number(time[1]), Number(time[2]), 0, 0);
if (pinned.getTime() <= Date.now()) pinned.setUTCDate(pinned.getUTCDate() + 1);
const offsetSeconds = Math.round((pinned.getTime() - Date.now()) / 1000);
const [program, ...args] = command.length > 0 ? command : ["npm", "test"];
console.log(
  `test:at: the clock reads ${pinned.toISOString()} now (offset ${offsetSeconds} s): ${[program, ...args].join(" ")}`,
);

const started = Date.now();
const child = spawn(program, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    LD_PRELOAD: [library, process.env.LD_PRELOAD].filter(Boolean).join(" "),
    // A relative offset, not a start time: every process started later agrees on the time.
    FAKETIME: `${offsetSeconds >= 0 ? "+" : ""}${offsetSeconds}`,
    // Monotonic clocks count from boot; shifting them by hours would make them negative.
    FAKETIME_DONT_FAKE_MONOTONIC: "1",
    TIDEWAY_TEST_AT: pinned.toISOString(),
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`test:at ${pinned.toISOString()}: ${signal ?? `exit ${code}`} after ${minutes} min`);
  process.exit(code ?? 1);
});
