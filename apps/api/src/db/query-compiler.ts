import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import v8 from "node:v8";

/**
 * The query compiler as plain WebAssembly, which `npm run build` (scripts/build.mjs) writes
 * beside the bundle. The sources (tests, development) have no such file beside them.
 */
const QUERY_COMPILER_FILE = new URL("./query-compiler.wasm", import.meta.url);

/**
 * What Prisma ships for Node: the same WebAssembly as a 4.5 MB base64 string in a JavaScript
 * module (query-compiler.test.ts checks that the generated client still names it).
 */
export const QUERY_COMPILER_BASE64_MODULE =
  "@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs";

/** A compiled WebAssembly.Module: what Prisma's runtime instantiates. */
export type CompiledWebAssembly = object;

/**
 * The part of WebAssembly's JavaScript API used here: Node has all of it, TypeScript declares
 * it only in its DOM library, which the server's code does not load.
 */
const { WebAssembly: webAssembly } = globalThis as typeof globalThis & {
  WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWebAssembly> };
};

let compiling: Promise<CompiledWebAssembly> | undefined;

/**
 * Prisma's query compiler, compiled once per process. The generated client calls this
 * (scripts/prisma-generate.mjs points it here) where it would parse the base64 module,
 * decode it and compile it synchronously: a few hundred milliseconds of the main thread on
 * `npm start`'s critical path (issue 20). Here the built server reads the binary file and
 * V8 compiles it on background threads; server.ts starts that first thing.
 */
export function queryCompilerModule(): Promise<CompiledWebAssembly> {
  compiling ??= compileQueryCompiler();
  return compiling;
}

async function compileQueryCompiler(): Promise<CompiledWebAssembly> {
  if (existsSync(QUERY_COMPILER_FILE)) {
    // The built server compiles every function of the module now, on V8's threads. By default
    // V8 compiles each function of a WebAssembly module on its first call, on the main thread:
    // the client's first use calls enough of this one to take 0.1-0.3 s there. The flag holds
    // for WebAssembly compiled from now on in this process, which is only this module. Not
    // from the sources: each test file's fresh modules would compile all of it again, where a
    // test uses a small part.
    v8.setFlagsFromString("--no-wasm-lazy-compilation");
    return compileKeepingProcessAlive(await readFile(QUERY_COMPILER_FILE));
  }
  const { wasm } = (await import(QUERY_COMPILER_BASE64_MODULE)) as { wasm: string };
  return compileKeepingProcessAlive(Buffer.from(wasm, "base64"));
}

/**
 * A compilation on V8's threads does not keep Node's event loop alive: a process with nothing
 * else to wait for would exit with the compilation's promise pending.
 */
async function compileKeepingProcessAlive(bytes: Uint8Array): Promise<CompiledWebAssembly> {
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    return await webAssembly.compile(bytes);
  } finally {
    clearInterval(keepAlive);
  }
}
