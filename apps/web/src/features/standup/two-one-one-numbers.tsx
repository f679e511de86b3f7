import type { TMetrics, TMetricTile } from "@tideway/contracts";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { formatSeconds } from "../../ui/format";

const TILES = [
  { key: "delivery", name: "tiles.delivery" },
  { key: "development", name: "tiles.development" },
  { key: "release", name: "tiles.release" },
] as const satisfies readonly { key: string; name: MessageId }[];

function verdict(tile: TMetricTile): { word: MessageId; status: "met" | "missed" | "none" } {
  if (tile.goalMet === null) return { word: "goal.noData", status: "none" };
  return tile.goalMet ? { word: "goal.onGoal", status: "met" } : { word: "goal.missed", status: "missed" };
}

/** The three 2-1-1 numbers: each p85 against its target, with a word as well as a colour. */
export function TwoOneOneNumbers({ metrics }: { metrics: TMetrics | null }) {
  const t = useT();
  return (
    <ul className="standup-two-one-one" aria-label={t("standup.tilesLabel")}>
      {TILES.map(({ key, name }) => {
        const tile = metrics?.[key];
        const result = tile ? verdict(tile) : { word: "goal.loading" as const, status: "none" as const };
        return (
          <li key={key} data-tile={key} data-goal={result.status}>
            <span className="standup-label">{t("standup.tileLabel", { name: t(name) })}</span>
            <span className="standup-number">
              {tile?.p85 != null ? formatSeconds(tile.p85) : "–"}
              {tile && <span className="standup-target"> / {formatSeconds(tile.target)}</span>}
            </span>
            <span className="standup-goal">{t(result.word)}</span>
          </li>
        );
      })}
    </ul>
  );
}
