import { isInProgressStage, type StageRule, wipVerdict } from "./move-rules";

/**
 * WIP limits over a CSV import: each row is admitted like a move into its
 * stage and lane, counting what is on the board and the rows admitted
 * before it. Lane limits count work in progress only, as on the board.
 */
export class ImportWipTally {
  private readonly byStage: Map<string, number>;
  private readonly inProgressByLane: Map<string, number>;

  constructor(
    private readonly stages: readonly StageRule[],
    counts: { byStage: ReadonlyMap<string, number>; inProgressByLane: ReadonlyMap<string, number> },
  ) {
    this.byStage = new Map(counts.byStage);
    this.inProgressByLane = new Map(counts.inProgressByLane);
  }

  /**
   * Admits one demand and counts it, or names the hard limit it would pass
   * (and counts nothing). `overWip`: a soft limit is exceeded.
   */
  admit(
    stage: StageRule,
    lane: { id: string; name: string; wipLimit: number | null; wipPolicy: "hard" | "soft" },
  ): { refused: { place: "stage" | "lane"; message: string } | null; overWip: boolean } {
    const inProgress = isInProgressStage(stage, this.stages);
    const verdicts = [
      { place: "stage" as const, verdict: wipVerdict(stage, this.byStage.get(stage.id) ?? 0) },
      ...(inProgress
        ? [
            {
              place: "lane" as const,
              verdict: wipVerdict(lane, this.inProgressByLane.get(lane.id) ?? 0, "lane"),
            },
          ]
        : []),
    ];
    for (const { place, verdict } of verdicts) {
      if (verdict.outcome === "refused") {
        return {
          refused: {
            place,
            message: `${verdict.message} Counting the board and the rows above, this row would go past it.`,
          },
          overWip: false,
        };
      }
    }
    this.byStage.set(stage.id, (this.byStage.get(stage.id) ?? 0) + 1);
    if (inProgress) this.inProgressByLane.set(lane.id, (this.inProgressByLane.get(lane.id) ?? 0) + 1);
    return { refused: null, overWip: verdicts.some(({ verdict }) => verdict.outcome === "over-soft-limit") };
  }
}
