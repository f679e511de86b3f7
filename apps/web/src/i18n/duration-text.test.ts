import { SECONDS_PER_DAY } from "@tideway/domain";
import { afterEach, describe, expect, it } from "vitest";
import { formatSeconds } from "../ui/format";
import { applyLocale, translate } from "./intl";

/**
 * One rounding rule for durations (issue 16): a p50 of 6.94 days reads the
 * same on the dashboard's tile, the stand-up, a card's badge and a
 * notification, built here exactly as those views build their text
 * (headline-tile.tsx, focused-card.tsx, sle-badge.tsx, notification-bell.tsx).
 */
const P50_SECONDS = 6.94 * SECONDS_PER_DAY;
const AGE_SECONDS = 7.25 * SECONDS_PER_DAY;

function everyView() {
  return {
    dashboard: formatSeconds(P50_SECONDS),
    standup: translate("standup.age.pastP50", { p50: formatSeconds(P50_SECONDS) }),
    badge: translate("sle.badgeP50", { threshold: formatSeconds(P50_SECONDS, "narrow") }),
    bell: translate("bell.sle", {
      threshold: "p50",
      thresholdAge: formatSeconds(P50_SECONDS, "narrow"),
      age: formatSeconds(AGE_SECONDS),
      board: "Payments",
    }),
  };
}

describe("a duration reads the same in every view", () => {
  afterEach(() => {
    applyLocale("en", []);
  });

  it("in English: 6.9 days everywhere, with no stray space inside the brackets", () => {
    applyLocale("en", []);
    const views = everyView();
    expect(views).toEqual({
      dashboard: "6.9 days",
      standup: "past the p50 of 6.9 days",
      badge: "Past p50 (6.9d)",
      bell: "Past p50 (6.9d): 7.3 days since commitment · Payments",
    });
    for (const text of Object.values(views)) expect(text).not.toMatch(/\(\s|\s\)/);
  });

  it("in Chinese: 6.9天 everywhere", () => {
    applyLocale("zh-CN", []);
    const views = everyView();
    for (const text of Object.values(views)) expect(text).toContain("6.9");
    expect(views.badge).toBe("超过 p50（6.9天）");
    expect(views.bell.startsWith("已超过 p50（6.9天）")).toBe(true);
  });
});
