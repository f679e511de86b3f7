// Browser tests and benchmarks drive Debian's Chromium (Playwright's own
// browser download is unreachable here); CHROMIUM_PATH overrides the binary.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Without the networking flags Chromium floods the closed network. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Chromium's environment: the runner's, without libfaketime, which crashes Chromium's
 * helper processes. Under `npm run test:at` the pages get the pinned clock from Playwright
 * instead (./clock-test.ts).
 */
export const chromiumEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== "LD_PRELOAD" && !name.startsWith("FAKETIME")),
);
