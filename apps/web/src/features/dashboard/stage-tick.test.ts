import { describe, expect, it } from "vitest";
import { abbreviated, textWidthPx } from "./stage-tick";

describe("stage names under a chart", () => {
  it("count Chinese characters as full width and Latin ones as about 0.6 em", () => {
    expect(textWidthPx("开发", 10)).toBe(20);
    expect(textWidthPx("Dev", 10)).toBeCloseTo(18.6);
  });

  it("are cut with an ellipsis only when they do not fit", () => {
    expect(abbreviated("Design", 60, 10)).toBe("Design");
    expect(abbreviated("Development", 60, 10)).toBe("Developm…");
    expect(textWidthPx(abbreviated("Development", 60, 10), 10)).toBeLessThanOrEqual(60);
    expect(abbreviated("开发进行中", 40, 10)).toBe("开发进…");
  });
});
