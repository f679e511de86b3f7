import { defineConfig } from "vitest/config";
import { messageCatalogues } from "./apps/web/vite.config.ts";

// One runner for every layer: pure domain, contract and client-logic tests, and the API's
// integration tests against a real PostgreSQL (see apps/api/test/global-setup.ts).
export default defineConfig({
  test: {
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
        test: {
          name: "api",
          include: ["apps/api/src/**/*.test.ts", "apps/api/test/**/*.test.ts"],
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
