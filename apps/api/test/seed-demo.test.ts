import { DAY } from "@tideway/domain";
import { describe, expect, it } from "vitest";
import { seedDemo } from "../src/seed/seed-demo";
import { useTestApp } from "./test-app";

describe("the demo seed", () => {
  const ctx = useTestApp();

  it("writes a history that ends at the `now` it is given (DEMO_NOW), not at the real time", async () => {
    const now = new Date("2026-03-04T08:20:00Z");
    const seeded = await seedDemo(ctx.db, now);
    const span = await ctx.db.transition.aggregate({
      where: { boardId: seeded.boardId },
      _min: { at: true },
      _max: { at: true },
    });
    expect(span._max.at?.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(span._max.at?.getTime()).toBeGreaterThan(now.getTime() - DAY);
    expect(span._min.at?.getTime()).toBeGreaterThanOrEqual(now.getTime() - 91 * DAY);
    const latestEntry = await ctx.db.demand.aggregate({
      where: { boardId: seeded.boardId },
      _max: { enteredStageAt: true, createdAt: true },
    });
    expect(latestEntry._max.enteredStageAt?.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(latestEntry._max.createdAt?.getTime()).toBeLessThanOrEqual(now.getTime());
  });
});
