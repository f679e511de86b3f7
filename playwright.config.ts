import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./e2e/helpers/chromium";

const port = Number(process.env.E2E_PORT ?? 3199);
// On a machine busy with other work everything is slower: E2E_TIMEOUT_SCALE=4 gives every
// test and every expectation four times the time, without changing what they check.
const timeoutScale = Number(process.env.E2E_TIMEOUT_SCALE ?? 1);
if (!(timeoutScale >= 1))
  throw new Error(`E2E_TIMEOUT_SCALE must be a number of at least 1, got "${process.env.E2E_TIMEOUT_SCALE}"`);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
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
