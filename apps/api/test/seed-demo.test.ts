import { DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type SeededDemo, seedDemo } from "../src/seed/seed-demo";
import { getBoardMetrics } from "../src/services/metrics/get-board-metrics";
import { useTestApp } from "./test-app";

describe("the demo seed", () => {
  const ctx = useTestApp();

  const now = new Date("2026-03-04T08:20:00Z");
  let seeded: SeededDemo;
  beforeAll(async () => {
    seeded = await seedDemo(ctx.db, now);
  });

  it("writes a history that ends at the `now` it is given (DEMO_NOW), not at the real time", async () => {
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

  it("shows believable flow: real waiting in the Ready for dev queue and blocked spells, as teams see it", async () => {
    const demo = await ctx.db.user.findUniqueOrThrow({ where: { email: seeded.credentials.email } });
    const metrics = await getBoardMetrics(ctx.db, demo.id, seeded.boardId, {}, now);
    // Real teams see roughly 15-45%; before the queue and the blocked spells the demo read 95-99%.
    expect(metrics.flowEfficiency.efficiency).toBeGreaterThan(0.15);
    expect(metrics.flowEfficiency.efficiency).toBeLessThan(0.45);
    expect(
      await ctx.db.transition.count({ where: { boardId: seeded.boardId, kind: "blocked" } }),
    ).toBeGreaterThan(30);
    const stageNames = new Map(metrics.timeInStage.map((stage) => [stage.stageId, stage.name]));
    expect(stageNames.get(metrics.whereWorkWaits ?? "")).toBe("Ready for dev");
    // The 2-1-1 numbers stay those of a team near its goal.
    expect(metrics.delivery.count).toBeGreaterThanOrEqual(30);
    expect(metrics.delivery.p85).toBeLessThan(20 * (DAY / 1000));
  });
});
