import { useT } from "../../i18n/use-t";
import { useBoardStore } from "../board/board-store";
import { useStandup } from "./standup-store";

/** The last move made during the stand-up (on any screen), read out politely as it happens. */
export function MoveTicker() {
  const t = useT();
  const lastMove = useStandup((s) => s.lastMove);
  const demand = useBoardStore((s) => (lastMove ? s.demands[lastMove.demandId] : undefined));
  const stages = useBoardStore((s) => s.stages);
  const from = stages.find((s) => s.id === lastMove?.stageIds.at(-2))?.name;
  const to = stages.find((s) => s.id === lastMove?.stageIds.at(-1))?.name;
  return (
    <p className="standup-ticker" role="status">
      {demand &&
        from &&
        to &&
        t("standup.justMoved", {
          b: (chunks) => <strong>{chunks}</strong>,
          key: demand.key,
          title: demand.title,
          from,
          to,
        })}
    </p>
  );
}
