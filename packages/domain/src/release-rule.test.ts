import { describe, expect, it } from "vitest";
import { countsAsRelease } from "./release-rule";

describe("countsAsRelease", () => {
  const settings = { releaseMovesToDone: false, productionEnvironments: ["production", "prod-eu"] };

  it("counts releases and deploys to a production environment, case-insensitively", () => {
    expect(countsAsRelease({ kind: "release", environment: null }, settings)).toBe(true);
    expect(countsAsRelease({ kind: "release", environment: "Production" }, settings)).toBe(true);
    expect(countsAsRelease({ kind: "deploy", environment: "PROD-EU" }, settings)).toBe(true);
  });

  it("does not count deploys elsewhere or without an environment, nor commits and merges", () => {
    expect(countsAsRelease({ kind: "deploy", environment: "staging" }, settings)).toBe(false);
    expect(countsAsRelease({ kind: "deploy", environment: null }, settings)).toBe(false);
    expect(countsAsRelease({ kind: "release", environment: "staging" }, settings)).toBe(false);
    expect(countsAsRelease({ kind: "commit", environment: null }, settings)).toBe(false);
    expect(countsAsRelease({ kind: "merge", environment: null }, settings)).toBe(false);
  });
});
