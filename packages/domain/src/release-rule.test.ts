import { describe, expect, it } from "vitest";
import { countsAsRelease, lastReopenedAt, releaseMayMoveToDone } from "./release-rule";
import { DAY, epochMs } from "./units";

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

describe("a release and a reopened demand", () => {
  const day = (n: number) => epochMs(n * DAY);
  const DONE = 5;

  it("finds the last move out of Done (or beyond) to a stage before it", () => {
    const moves = [
      { at: day(2), fromPosition: 4, toPosition: DONE },
      { at: day(3), fromPosition: DONE, toPosition: 3 },
      { at: day(4), fromPosition: 3, toPosition: DONE },
      { at: day(6), fromPosition: 6, toPosition: 2 },
      { at: day(7), fromPosition: 4, toPosition: 3 },
    ];
    expect(lastReopenedAt(moves, DONE)).toBe(day(6));
    expect(lastReopenedAt(moves.slice(0, 1), DONE)).toBeNull();
  });

  it("lets only a release after the reopening move the demand to Done", () => {
    expect(releaseMayMoveToDone(day(2), null)).toBe(true);
    expect(releaseMayMoveToDone(day(2), day(3))).toBe(false);
    expect(releaseMayMoveToDone(day(3), day(3))).toBe(false);
    expect(releaseMayMoveToDone(day(4), day(3))).toBe(true);
  });
});
