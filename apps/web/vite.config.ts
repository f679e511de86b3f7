import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "@formatjs/icu-messageformat-parser";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const apiTarget = process.env.TIDEWAY_API_URL ?? "http://localhost:3000";

/**
 * The catalogues (src/i18n/*.json) ship already parsed into react-intl's message syntax
 * trees, so the browser needs no ICU parser: react-intl formats trees directly, and its
 * formatting code gets the parser-free build of @formatjs/icu-messageformat-parser. A
 * message that does not parse fails the build. Production builds only: the dev server and
 * the tests keep the JSON as written (the pseudo-locale parses English at run time).
 */
function precompiledCatalogues(): Plugin {
  const catalogue = /[\\/]src[\\/]i18n[\\/][^\\/]+\.json$/;
  const formatter = /[\\/]node_modules[\\/](intl-messageformat|@formatjs[\\/]intl|react-intl)[\\/]/;
  return {
    name: "tideway:precompiled-catalogues",
    apply: "build",
    enforce: "pre",
    load(id) {
      if (!catalogue.test(id)) return null;
      const messages = JSON.parse(readFileSync(id, "utf8")) as Record<string, string>;
      // Still JSON: Vite's own JSON plugin turns it into a module afterwards.
      const trees = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, parse(text)]));
      return { code: JSON.stringify(trees), map: null };
    },
    async resolveId(source, importer, options) {
      if (source !== "@formatjs/icu-messageformat-parser" || !importer || !formatter.test(importer))
        return null;
      return this.resolve("@formatjs/icu-messageformat-parser/no-parser.js", importer, {
        ...options,
        skipSelf: true,
      });
    },
  };
}

/**
 * react-router's package exports name only its development build (with its warnings and
 * invariant messages); the production build beside it is what a release should ship.
 */
const reactRouterProduction = fileURLToPath(
  import.meta.resolve("react-router").replace("/dist/development/", "/dist/production/"),
);

export default defineConfig(({ command }) => ({
  plugins: [precompiledCatalogues(), react()],
  resolve: {
    alias: command === "build" ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  server: {
    port: 5173,
    proxy: {
      "/api": apiTarget,
      "/socket.io": { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The dashboard's charts library and React change rarely: separate chunks
        // keep every chunk under Vite's 500 kB warning and stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: "charts",
              test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light)[\\/]/,
              priority: 1,
            },
            // Ahead of "charts", which would otherwise pull React in as a dependency of recharts.
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-is|scheduler|react-router|use-sync-external-store)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
}));
