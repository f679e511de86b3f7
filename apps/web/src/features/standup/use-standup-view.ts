import type { TDemand, TStage } from "@tideway/contracts";
import { locatePlace, type StandupColumn } from "@tideway/domain";
import { useMemo } from "react";
import { useBoardStore } from "../board/board-store";
import { useStandup } from "./standup-store";
import { currentWalk } from "./standup-walk";

export type StandupView =
  | { kind: "loading" }
  | { kind: "summary"; walk: StandupColumn[] }
  | {
      kind: "card";
      walk: StandupColumn[];
      stage: TStage;
      /** 0 is the rightmost stage before Done. */
      stageIndex: number;
      /** The cards of the stage in the order discussed. */
      lineup: TDemand[];
      /** -1: the stage is empty. */
      cardIndex: number;
      demand: TDemand | null;
    };

/** What the stand-up shows now, derived from the live board and the walk's place. */
export function useStandupView(): StandupView {
  const stages = useBoardStore((s) => s.stages);
  const demands = useBoardStore((s) => s.demands);
  const seen = useStandup((s) => s.seen);
  const place = useStandup((s) => s.place);
  const walk = useMemo(() => currentWalk(stages, demands, seen), [stages, demands, seen]);

  return useMemo((): StandupView => {
    if (place === null) return { kind: "loading" };
    const at = locatePlace(walk, place);
    const column = at ? walk[at.stageIndex] : undefined;
    const stage = column && stages.find((s) => s.id === column.stageId);
    if (!at || !column || !stage) return { kind: "summary", walk };
    const lineup = column.demandIds.flatMap((id) => demands[id] ?? []);
    return {
      kind: "card",
      walk,
      stage,
      stageIndex: at.stageIndex,
      lineup,
      cardIndex: at.cardIndex,
      demand: lineup[at.cardIndex] ?? null,
    };
  }, [walk, place, stages, demands]);
}
