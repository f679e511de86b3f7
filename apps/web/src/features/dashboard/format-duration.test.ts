import { SECONDS_PER_DAY } from "@tideway/domain";
import { describe, expect, it } from "vitest";
import { formatDuration, formatShare, inDays, inMinutes } from "./format-duration";

describe("formatDuration", () => {
  it("uses the unit a person would say", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(41 * 60)).toBe("41 min");
    expect(formatDuration(3600)).toBe("60 min");
    expect(formatDuration(5.3 * 3600)).toBe("5.3 hours");
    expect(formatDuration(6.2 * SECONDS_PER_DAY)).toBe("6.2 days");
  });

  it("drops a zero decimal and shows missing values as a dash", () => {
    expect(formatDuration(14 * SECONDS_PER_DAY)).toBe("14 days");
    expect(formatDuration(null)).toBe("–");
  });
});

describe("units", () => {
  it("converts seconds for charts and tables", () => {
    expect(inDays(798522.715)).toBe(9.24);
    expect(inMinutes(3259.222)).toBe(54.3);
    expect(formatShare(0.8548)).toBe("85%");
    expect(formatShare(null)).toBe("–");
  });
});
