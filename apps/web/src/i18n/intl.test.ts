import { days, SECONDS_PER_DAY } from "@tideway/domain";
import { afterEach, describe, expect, it } from "vitest";
import { formatDay, formatDuration, formatList, formatSeconds } from "../ui/format";
import { applyLocale, translate, translateToEnglish } from "./intl";

/**
 * The messages and the formatter together, in both shipped languages (issue
 * #22): ICU plurals pick the right form, durations, dates and lists arrive
 * in the sentence in the interface language.
 */
afterEach(() => {
  applyLocale("en", []);
});

describe("messages in English", () => {
  it("choose the plural form by count", () => {
    applyLocale("en", ["en-US"]);
    expect(translate("lane.cards", { count: 1 })).toBe("1 card");
    expect(translate("lane.cards", { count: 2 })).toBe("2 cards");
    expect(translate("comments.title", { count: 0 })).toBe("Comments");
    expect(translate("comments.title", { count: 3 })).toBe("Comments (3)");
  });

  it("carry durations, dates and lists written by the formatter", () => {
    applyLocale("en", ["en-US"]);
    expect(translate("dashboard.tile.target", { target: formatSeconds(14 * SECONDS_PER_DAY) })).toBe(
      "85% within 14 days",
    );
    expect(translate("standup.inStageFor", { duration: formatDuration(days(3.2)) })).toBe("for 3.2 days");
    expect(translate("dashboard.window.datesToNow", { from: formatDay("2026-11-07") })).toBe(
      "Nov 7, 2026 – now (UTC)",
    );
    expect(translate("dashboard.forecast.notOnBoard", { keys: formatList(["PAY-1", "PAY-2"]) })).toBe(
      "Not on this board: PAY-1 and PAY-2.",
    );
  });
});

describe("messages in Chinese", () => {
  it("have no plural forms but still count", () => {
    applyLocale("zh-CN", ["zh-CN"]);
    expect(translate("lane.cards", { count: 1 })).toBe("1 张卡片");
    expect(translate("lane.cards", { count: 2 })).toBe("2 张卡片");
    expect(translate("comments.title", { count: 0 })).toBe("评论");
    expect(translate("comments.title", { count: 3 })).toBe("评论（3）");
  });

  it("carry durations, dates and lists written by the formatter in Chinese", () => {
    applyLocale("zh-CN", ["zh-CN"]);
    expect(translate("dashboard.tile.target", { target: formatSeconds(14 * SECONDS_PER_DAY) })).toBe(
      "85% 在 14天 内",
    );
    expect(translate("standup.inStageFor", { duration: formatDuration(days(3.2)) })).toBe("已 3.2天");
    expect(translate("dashboard.window.datesToNow", { from: formatDay("2026-11-07") })).toBe(
      "2026年11月7日 至今（UTC）",
    );
    expect(translate("dashboard.forecast.notOnBoard", { keys: formatList(["PAY-1", "PAY-2"]) })).toBe(
      "不在此看板上：PAY-1和PAY-2。",
    );
  });

  it("leave machine formats in English: CSV headers do not follow the interface", () => {
    applyLocale("zh-CN", ["zh-CN"]);
    expect(translate("dashboard.column.stage")).toBe("阶段");
    expect(translateToEnglish("dashboard.column.stage")).toBe("Stage");
    expect(translateToEnglish("dashboard.trend.p85", { metric: "Delivery cycle time", unit: "days" })).toBe(
      "Delivery cycle time: p85 (days)",
    );
  });
});
