import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../config";
import {
  FAST_PASSWORD_HASHING_VARIABLE,
  hashPassword,
  PRODUCTION_SCRYPT_PARAMS,
  scryptParams,
  verifyPassword,
} from "./password";

// The test runner sets FAST_PASSWORD_HASHING_FOR_TESTS=1 (vitest.config.ts); these tests
// check what a server gets without it, and that production refuses it.
describe("password hashing cost", () => {
  it("hashes with OWASP's scrypt parameters (N=2^17, r=8, p=1) unless a test run asks otherwise", async () => {
    expect(PRODUCTION_SCRYPT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(scryptParams({})).toBe(PRODUCTION_SCRYPT_PARAMS);
    expect(scryptParams({ [FAST_PASSWORD_HASHING_VARIABLE]: "yes" })).toBe(PRODUCTION_SCRYPT_PARAMS);

    vi.stubEnv(FAST_PASSWORD_HASHING_VARIABLE, undefined);
    try {
      const stored = await hashPassword("correct horse battery staple");
      expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("refuses the test runs' cheap hashes under NODE_ENV=production, at boot and at hashing time", () => {
    const testRun = { [FAST_PASSWORD_HASHING_VARIABLE]: "1" };
    expect(scryptParams(testRun).N).toBeLessThan(PRODUCTION_SCRYPT_PARAMS.N);
    expect(() => scryptParams({ ...testRun, NODE_ENV: "production" })).toThrow(/test runs only/);
    expect(() => loadConfig({ ...testRun, NODE_ENV: "production" })).toThrow(FAST_PASSWORD_HASHING_VARIABLE);
    expect(loadConfig({ ...testRun, NODE_ENV: "development" }).production).toBe(false);
  });
});
