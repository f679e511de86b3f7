import type { TBoardInsights } from "@tideway/contracts";
import { useMemo } from "react";
import { useT } from "../../i18n/use-t";
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
  const t = useT();
  if (!advice || advice.advisedLimit === null) return null;
  return (
    <span className="hint" data-testid="wip-advice-hint" title={t("settings.wipAdvice.title")}>
      {t("settings.wipAdvice.advised", { limit: advice.advisedLimit })}
    </span>
  );
}
