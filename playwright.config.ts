import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumEnv, chromiumPath } from "./e2e/helpers/chromium";
import { resolvePinnedNow } from "./e2e/helpers/pinned-now";

const port = Number(process.env.E2E_PORT ?? 3199);
// On a machine busy with other work everything is slower: E2E_TIMEOUT_SCALE=4 gives every
// test and every expectation four times the time, without changing what they check.
const timeoutScale = Number(process.env.E2E_TIMEOUT_SCALE ?? 1);
if (!(timeoutScale >= 1))
  throw new Error(`E2E_TIMEOUT_SCALE must be a number of at least 1, got "${process.env.E2E_TIMEOUT_SCALE}"`);

// E2E_NOW pins "now" for the whole run: "08:20" (UTC time of day) or an instant with a zone.
// Every server the run starts (the webServer below, and the ones specs start themselves)
// inherits DEMO_NOW and seeds the demo board's history as of then. Resolved once here in
// the runner and written back, so the workers, which read this file again, agree.
if (process.env.E2E_NOW) {
  process.env.E2E_NOW = resolvePinnedNow(process.env.E2E_NOW);
  process.env.DEMO_NOW = process.env.E2E_NOW;
}
// Two workers on a 2-core machine: each test builds its own boards and users, the demo
// board is only read, and the run signs in once (e2e/global-setup.ts).
const workers = Number(process.env.E2E_WORKERS ?? 2);
if (!(Number.isInteger(workers) && workers >= 1))
  throw new Error(`E2E_WORKERS must be a whole number of at least 1, got "${process.env.E2E_WORKERS}"`);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers,
  retries: 0,
  timeout: 30_000 * timeoutScale,
  expect: { timeout: 5_000 * timeoutScale },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // The suite reads English; the interface language follows the browser's on a first visit.
        locale: "en-US",
        launchOptions: {
          executablePath: chromiumPath,
          args: chromiumArgs,
          env: chromiumEnv,
        },
      },
    },
  ],
  webServer: {
    // A fresh embedded database seeded with the demo board, never .data.
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
