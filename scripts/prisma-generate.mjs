// Generates the Prisma client offline, then points it at Tideway's query compiler loader.
//
// Every Prisma CLI command first tries to download a schema-engine binary that
// `prisma generate` never uses. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file skips that download, so generation works without internet.
// This is the one place that knows about it.
//
// The generated client loads its query compiler (WebAssembly) from a 4.5 MB base64
// JavaScript module and compiles it synchronously on its first query. After generating,
// this script makes it call apps/api/src/db/query-compiler.ts instead, which compiles the
// same WebAssembly off the main thread, from a binary file in the built server (issue 20).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const GENERATED_CLASS = fileURLToPath(
  new URL("../apps/api/src/generated/prisma/internal/class.ts", import.meta.url),
);
const QUERY_COMPILER_LOADER = "../../../db/query-compiler";
const GENERATED_LOADER = `  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs")
    return await decodeBase64AsWasm(wasm)
  },`;
const TIDEWAY_LOADER = `  // Tideway (scripts/prisma-generate.mjs): compiled off the main thread, once per process.
  getQueryCompilerWasmModule: queryCompilerModule,`;
const RUNTIME_IMPORT = `import * as runtime from "@prisma/client/runtime/client"`;

const result = spawnSync("npx", ["prisma", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.status !== 0) process.exit(result.status ?? 1);

const generated = readFileSync(GENERATED_CLASS, "utf8");
if (!generated.includes(GENERATED_LOADER) || !generated.includes(RUNTIME_IMPORT)) {
  // A Prisma upgrade changed how the client loads its compiler: the loader in
  // apps/api/src/db/query-compiler.ts must follow it (it names the base64 module too).
  console.error(`prisma-generate: ${GENERATED_CLASS} no longer loads the query compiler as expected`);
  process.exit(1);
}
writeFileSync(
  GENERATED_CLASS,
  generated
    .replace(
      RUNTIME_IMPORT,
      `${RUNTIME_IMPORT}\nimport { queryCompilerModule } from "${QUERY_COMPILER_LOADER}"`,
    )
    .replace(GENERATED_LOADER, TIDEWAY_LOADER),
);
