import os from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import { messageCatalogues } from "./apps/web/vite.config.ts";

// One runner for every layer: pure domain, contract and client-logic tests, and the API's
// integration tests against a real PostgreSQL (see apps/api/test/global-setup.ts).
export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the cores: a single one on a 2-core
    // machine, which then leaves a core idle while a file waits on PostgreSQL or a child server.
    // Two on such a machine (every file builds its own database, servers take free ports);
    // the default where there are more cores. Measured on a loaded 2-core machine: three were no
    // faster than one, and a timing-bound test failed; two were about 10% faster, all green.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: "domain",
          include: ["packages/*/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // The app's catalogues come through the build's virtual module (whole, outside a build).
        plugins: [messageCatalogues()],
        test: {
          name: "web",
          // Pure client logic (cell order, formatting); pages are covered by e2e/.
          include: ["apps/web/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // The web app's server entry renders pages in web-app-server-render.test.ts.
        plugins: [messageCatalogues()],
        test: {
          name: "api",
          include: ["apps/api/src/**/*.test.ts", "apps/api/test/**/*.test.ts"],
          // Under `npm run test:at` (scripts/test-at.mjs) libfaketime moves every clock but the one
          // PostgreSQL reads when its own lock and idle timeouts fall due, so those fire hours late
          // and this file, which tests exactly those timeouts, would hang. It reads no date itself.
          exclude: process.env.TIDEWAY_TEST_AT
            ? [...configDefaults.exclude, "apps/api/test/transaction-timeout.test.ts"]
            : configDefaults.exclude,
          environment: "node",
          globalSetup: ["apps/api/test/global-setup.ts"],
          // Cheap password hashes (apps/api/src/auth/password.ts); servers the tests start inherit it.
          // password.test.ts checks production's parameters are the default.
          env: { FAST_PASSWORD_HASHING_FOR_TESTS: "1" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
