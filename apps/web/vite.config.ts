import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@formatjs/icu-messageformat-parser";
import react from "@vitejs/plugin-react";
import type { CodeSplittingNameFunction } from "rolldown";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";
import { FIRST_PAGE, messageGroups } from "./build/message-groups.ts";

const apiTarget = process.env.TIDEWAY_API_URL ?? "http://localhost:3000";

/**
 * The catalogues (src/i18n/*.json) reach the app through `virtual:tideway-messages`. A
 * production build splits each into the ids the board's first page can show and one part per
 * page loaded through `withMessages` (build/message-groups.ts, docs/decisions/016), and ships
 * them already parsed into react-intl's message syntax trees, so the browser needs no ICU
 * parser: react-intl formats trees directly, and its formatting code gets the parser-free
 * build of @formatjs/icu-messageformat-parser. A message that does not parse fails the build.
 * The dev server and the tests get whole catalogues as written (the pseudo-locale parses
 * English at run time, and an edit needs no restart).
 */
export function messageCatalogues(): Plugin {
  const VIRTUAL = "virtual:tideway-messages";
  const formatter = /[\\/]node_modules[\\/](intl-messageformat|@formatjs[\\/]intl|react-intl)[\\/]/;
  let building = false;
  // This file's folder, not Vite's root: the tests run from the repository's.
  const sourceDir = fileURLToPath(new URL("./src/", import.meta.url));
  const catalogueFile = (locale: string) => path.join(sourceDir, "i18n", `${locale}.json`);
  const readCatalogue = (locale: string) =>
    JSON.parse(readFileSync(catalogueFile(locale), "utf8")) as Record<string, string>;
  const locales = () =>
    readdirSync(path.join(sourceDir, "i18n"))
      .filter((name) => name.endsWith(".json"))
      .map((name) => name.slice(0, -".json".length));
  let groups: Map<string, Set<string>> | null = null;
  function groupsOfIds(): Map<string, Set<string>> {
    const ids = Object.keys(readCatalogue("en"));
    if (!building) return new Map([[FIRST_PAGE, new Set(ids)]]);
    groups ??= messageGroups(sourceDir, path.join(sourceDir, "main.tsx"), ids);
    return groups;
  }
  return {
    name: "tideway:message-catalogues",
    enforce: "pre",
    configResolved(config) {
      building = config.command === "build";
    },
    async resolveId(source, importer, options) {
      if (source === VIRTUAL || source.startsWith(`${VIRTUAL}/`)) return `\0${source}`;
      if (
        !building ||
        source !== "@formatjs/icu-messageformat-parser" ||
        !importer ||
        !formatter.test(importer)
      )
        return null;
      return this.resolve("@formatjs/icu-messageformat-parser/no-parser.js", importer, {
        ...options,
        skipSelf: true,
      });
    },
    load(id) {
      if (id === `\0${VIRTUAL}`) {
        // Every part but English's first-page one loads on demand.
        const loaders = locales().map((locale) => {
          const parts = [...groupsOfIds().keys()]
            .filter((group) => locale !== "en" || group !== FIRST_PAGE)
            .map((group) => `${JSON.stringify(group)}: () => import("${VIRTUAL}/${locale}/${group}")`);
          return `${JSON.stringify(locale)}: { ${parts.join(", ")} }`;
        });
        return [
          `export { default as englishFirstPage } from "${VIRTUAL}/en/${FIRST_PAGE}";`,
          `export const loaders = { ${loaders.join(", ")} };`,
        ].join("\n");
      }
      const part = id.startsWith(`\0${VIRTUAL}/`) ? id.slice(`\0${VIRTUAL}/`.length).split("/") : null;
      if (!part) return null;
      const [locale = "", group = ""] = part;
      this.addWatchFile(catalogueFile(locale));
      const catalogue = readCatalogue(locale);
      const ids = [...(groupsOfIds().get(group) ?? [])].filter((messageId) => messageId in catalogue);
      const messages = Object.fromEntries(
        ids.map((messageId) => {
          const text = catalogue[messageId] ?? "";
          return [messageId, building ? parse(text) : text];
        }),
      );
      return { code: `export default ${JSON.stringify(messages)};`, map: null };
    },
  };
}

/**
 * Names every module the entry (src/main.tsx) imports statically, directly or through others,
 * except those a higher-priority group takes (React), as one chunk: the board's first page then
 * loads as the entry, React and this, instead of two dozen chunks cut by which lazily loaded
 * page shares which module, each a request before the board can paint (issue 19). A lazy page
 * imports what it shares with the first page from this chunk, which is loaded by then.
 */
function firstPageChunk(): CodeSplittingNameFunction {
  const entry = fileURLToPath(new URL("./src/main.tsx", import.meta.url));
  let firstPage: Set<string> | null = null;
  return (moduleId, context) => {
    if (!firstPage) {
      firstPage = new Set();
      const pending = [entry];
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        if (firstPage.has(id)) continue;
        firstPage.add(id);
        pending.push(...(context.getModuleInfo(id)?.importedIds ?? []));
      }
    }
    return firstPage.has(moduleId) ? "first-page" : null;
  };
}

/**
 * The server's bundle of the web app (src/entry-server.tsx, docs/decisions/021), built after
 * the browser's into dist/server/, which the API loads to render the pages people wait on.
 * Self-contained: production installs no React or other front-end package (the Dockerfile's
 * runtime), so every dependency is bundled in. Not under dist/assets/, so never served.
 */
const serverBuild = defineConfig({
  plugins: [messageCatalogues(), react()],
  ssr: { noExternal: true, target: "node" },
  // The browser's build is React's production one; the server renders with the same.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    ssr: "src/entry-server.tsx",
    outDir: "dist/server",
    emptyOutDir: false,
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: { output: { entryFileNames: "entry-server.js" } },
  },
});

const browserBuild = defineConfig({
  plugins: [
    messageCatalogues(),
    react(),
    // A Brotli and a gzip copy of every script and style, which the API serves to browsers that
    // accept them (@fastify/static's preCompressed), so no request compresses anything.
    compression({ algorithms: ["brotliCompress", "gzip"], include: /\.(js|css|svg)$/, threshold: 1024 }),
  ],
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
    // .vite/manifest.json: the chunks each lazily loaded page needs, which the API preloads
    // with the page (apps/api/src/web-app/page-shell.ts, docs/decisions/020).
    manifest: true,
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
            // Ahead of "charts", which would otherwise pull React in as a dependency of recharts,
            // and with it use-sync-external-store, which the router (wouter) and recharts share:
            // the first page would then load the charts. Only what the first page runs: react-is
            // serves the charts alone and stays with them.
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|wouter|regexparam|use-sync-external-store)[\\/]/,
              priority: 2,
            },
            { name: firstPageChunk(), debugName: "first-page", priority: 0 },
          ],
        },
      },
    },
  },
});

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? serverBuild : browserBuild));
