import type { TBoardInsights } from "@tideway/contracts";
import { useMemo } from "react";
import { useBoardStore } from "../board/board-store";
import { useBoardInsights } from "../dashboard/use-board-insights";

export type StageWipAdvice = TBoardInsights["wipAdvice"]["stages"][number];

/** The WIP limit advice of each stage, by stage id, fetched again when the stages change (a settings event). */
export function useWipAdvice(): Map<string, StageWipAdvice> {
  const boardId = useBoardStore((s) => s.boardId) ?? undefined;
  const { insights } = useBoardInsights(boardId);
  return useMemo(
    () => new Map((insights?.wipAdvice.stages ?? []).map((stage) => [stage.stageId, stage])),
    [insights],
  );
}

/** "Advised: 5" beside a stage's WIP limit field: Little's law from the team's history, never applied. */
export function WipAdviceHint({ advice }: { advice: StageWipAdvice | undefined }) {
  if (!advice || advice.advisedLimit === null) return null;
  return (
    <span
      className="hint"
      data-testid="wip-advice-hint"
      title="Little's law: throughput a day x the stage's share of the 2-1-1 cycle-time target (see the dashboard's WIP limit advice)"
    >
      Advised: {advice.advisedLimit}
    </span>
  );
}
