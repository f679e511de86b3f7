import { DAY, HOUR, MINUTE, millis, SECONDS_PER_DAY } from "@tideway/domain";
import { afterEach, describe, expect, it } from "vitest";
import {
  formatClock,
  formatDay,
  formatDayShort,
  formatDuration,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatTimeAgo,
  inDays,
  inMinutes,
  setFormatLocale,
} from "./format";

const days = (count: number) => millis(count * DAY);
const NOW = Date.parse("2026-11-29T12:00:00Z");
const ago = (ms: number) => formatTimeAgo(new Date(NOW - ms).toISOString(), NOW);

afterEach(() => setFormatLocale("en"));

describe("formatDuration in English", () => {
  it("uses the unit a person would say, with plurals", () => {
    expect(formatDuration(millis(42_000))).toBe("42 seconds");
    expect(formatDuration(millis(1000))).toBe("1 second");
    expect(formatDuration(millis(41 * MINUTE))).toBe("41 minutes");
    expect(formatDuration(millis(HOUR))).toBe("60 minutes");
    expect(formatDuration(millis(HOUR * 1.5))).toBe("1.5 hours");
    expect(formatDuration(millis(5.3 * HOUR))).toBe("5.3 hours");
    expect(formatDuration(days(3.2))).toBe("3.2 days");
    expect(formatDuration(days(14))).toBe("14 days");
  });

  it("rounds to the nearest tenth everywhere: 6.96 days is 7 days, 14.3 days keeps its tenth", () => {
    expect(formatDuration(days(6.96))).toBe("7 days");
    expect(formatDuration(days(6.94))).toBe("6.9 days");
    expect(formatDuration(days(5.55))).toBe("5.6 days");
    expect(formatDuration(days(14.3))).toBe("14.3 days");
  });

  it("is compact on a badge, and the same number", () => {
    expect(formatDuration(days(6.96), "narrow")).toBe("7d");
    expect(formatDuration(days(5.55), "narrow")).toBe("5.6d");
  });

  it("reads the API's seconds the same way, and shows a missing value as a dash", () => {
    expect(formatSeconds(6.2 * SECONDS_PER_DAY)).toBe("6.2 days");
    expect(formatSeconds(null)).toBe("–");
    expect(formatDuration(null)).toBe("–");
  });
});

describe("formatDuration in Chinese", () => {
  it("uses Chinese units with the same rounding", () => {
    setFormatLocale("zh-CN");
    expect(formatDuration(days(3.2))).toBe("3.2天");
    expect(formatDuration(days(6.96))).toBe("7天");
    expect(formatDuration(days(1), "long")).not.toContain("day");
    expect(formatDuration(millis(5.3 * HOUR))).toBe("5.3小时");
    expect(formatDuration(millis(41 * MINUTE))).toBe("41分钟");
    expect(formatDuration(days(5.55), "narrow")).toBe("5.6天");
  });
});

describe("numbers and percentages", () => {
  it("groups digits and rounds shares in each language", () => {
    expect(formatNumber(1234.56)).toBe("1,234.6");
    expect(formatPercent(0.8548)).toBe("85%");
    expect(formatPercent(null)).toBe("–");
    setFormatLocale("zh-CN");
    expect(formatNumber(1234.56)).toBe("1,234.6");
    expect(formatPercent(0.8548)).toBe("85%");
    setFormatLocale("de");
    expect(formatNumber(1234.56)).toBe("1.234,6");
  });

  it("keeps plain numbers for charts and CSV", () => {
    expect(inDays(798522.715)).toBe(9.24);
    expect(inMinutes(3259.222)).toBe(54.3);
  });

  it("shows a countdown as minutes and seconds", () => {
    expect(formatClock(millis(12 * MINUTE + 5000))).toBe("12:05");
  });
});

describe("dates", () => {
  it("writes a UTC day in each language's own order", () => {
    expect(formatDay("2026-11-07")).toBe("Nov 7, 2026");
    expect(formatDayShort("2026-11-07T23:30:00Z")).toBe("Nov 7");
    setFormatLocale("zh-CN");
    expect(formatDay("2026-11-07")).toBe("2026年11月7日");
    expect(formatDayShort("2026-11-07T23:30:00Z")).toBe("11月7日");
  });
});

describe("formatTimeAgo", () => {
  it("says now under a minute, and for a moment slightly in the future", () => {
    expect(ago(0)).toBe("now");
    expect(ago(59_999)).toBe("now");
    expect(ago(-5_000)).toBe("now");
  });

  it("counts whole units of the largest unit that fits, with plurals", () => {
    expect(ago(MINUTE)).toBe("1 minute ago");
    expect(ago(59 * MINUTE)).toBe("59 minutes ago");
    expect(ago(2 * HOUR + 59 * MINUTE)).toBe("2 hours ago");
    expect(ago(DAY + HOUR)).toBe("yesterday");
    expect(ago(3 * DAY)).toBe("3 days ago");
    expect(ago(14 * DAY)).toBe("2 weeks ago");
    expect(ago(65 * DAY)).toBe("2 months ago");
    expect(ago(400 * DAY)).toBe("last year");
  });

  it("speaks Chinese", () => {
    setFormatLocale("zh-CN");
    expect(ago(0)).toBe("现在");
    expect(ago(2 * HOUR)).toBe("2小时前");
    expect(ago(DAY + HOUR)).toBe("昨天");
  });
});
