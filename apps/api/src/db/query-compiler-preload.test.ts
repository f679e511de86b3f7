import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUERY_COMPILER_MODULE } from "./prisma";

describe("preloading Prisma's query compiler", () => {
  it("names the module the generated client imports on its first query", () => {
    // A Prisma upgrade that renames it would leave the preload loading a module nothing uses.
    const generated = readFileSync(new URL("../generated/prisma/internal/class.ts", import.meta.url), "utf8");
    expect(generated).toContain(`import("${QUERY_COMPILER_MODULE}")`);
  });
});
