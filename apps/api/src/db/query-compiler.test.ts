import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUERY_COMPILER_BASE64_MODULE, queryCompilerModule } from "./query-compiler";

/** WebAssembly.Module's static method (TypeScript declares WebAssembly only in its DOM library). */
const { Module } = (
  globalThis as unknown as { WebAssembly: { Module: { exports(module: object): { name: string }[] } } }
).WebAssembly;

describe("Prisma's query compiler loader", () => {
  it("is what the generated client loads its query compiler with", () => {
    // scripts/prisma-generate.mjs points the client here; without it, every process would
    // parse the base64 module and compile it on the main thread again.
    const generated = readFileSync(new URL("../generated/prisma/internal/class.ts", import.meta.url), "utf8");
    expect(generated).toContain('import { queryCompilerModule } from "../../../db/query-compiler"');
    expect(generated).toContain("getQueryCompilerWasmModule: queryCompilerModule,");
  });

  it("compiles the WebAssembly Prisma ships, once per process", async () => {
    const compiled = queryCompilerModule();
    expect(queryCompilerModule()).toBe(compiled);
    const exported = Module.exports(await compiled).map(({ name }) => name);
    // What Prisma's runtime calls on the instance (runtime/client.js, loadQueryCompiler).
    expect(exported).toContain("__wbindgen_start");
    expect(exported).toContain("querycompiler_new");
  });

  it("names the module Prisma ships the WebAssembly in", async () => {
    const { wasm } = (await import(QUERY_COMPILER_BASE64_MODULE)) as { wasm: string };
    expect(wasm.length).toBeGreaterThan(1_000_000);
  });
});
