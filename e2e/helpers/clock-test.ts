import { test as base } from "@playwright/test";

/**
 * The base of every browser test. Under `npm run test:at` (scripts/test-at.mjs) libfaketime
 * sets every process's clock to the pinned time, but Chromium crashes with libfaketime
 * loaded and runs on the real clock (see chromiumEnv in ./chromium.ts). So each browser context gets the
 * runner's clock from Playwright at creation, and it then advances in real time: the pages
 * and the server agree on "now", as they do for a person using the app.
 */
export const test = base.extend<object, object>({
  browser: [
    async ({ browser }, use) => {
      if (!process.env.TIDEWAY_TEST_AT) return use(browser);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        await context.clock.install({ time: Date.now() });
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
});
