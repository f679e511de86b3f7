import { DAY, HOUR, MINUTE } from "@tideway/domain";
import { describe, expect, it } from "vitest";
import { timeAgo } from "./time-ago";

const NOW = Date.parse("2026-11-29T12:00:00Z");
const ago = (ms: number) => timeAgo(new Date(NOW - ms).toISOString(), NOW);

describe("timeAgo", () => {
  it("says just now under a minute, and for a moment slightly in the future", () => {
    expect(ago(0)).toBe("just now");
    expect(ago(59_999)).toBe("just now");
    expect(ago(-5_000)).toBe("just now");
  });

  it("counts whole units of the largest unit that fits", () => {
    expect(ago(MINUTE)).toBe("1 minute ago");
    expect(ago(59 * MINUTE)).toBe("59 minutes ago");
    expect(ago(2 * HOUR + 59 * MINUTE)).toBe("2 hours ago");
    expect(ago(DAY + HOUR)).toBe("yesterday");
    expect(ago(3 * DAY)).toBe("3 days ago");
    expect(ago(14 * DAY)).toBe("2 weeks ago");
    expect(ago(65 * DAY)).toBe("2 months ago");
    expect(ago(400 * DAY)).toBe("last year");
  });
});
