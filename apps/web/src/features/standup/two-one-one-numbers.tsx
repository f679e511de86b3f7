import type { TMetrics } from "@tideway/contracts";
import { type GoalVerdict, goalReading, SMALL_SAMPLE_DEMANDS } from "@tideway/domain";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { formatSeconds } from "../../ui/format";

const TILES = [
  { key: "delivery", name: "tiles.delivery" },
  { key: "development", name: "tiles.development" },
  { key: "release", name: "tiles.release" },
] as const satisfies readonly { key: string; name: MessageId }[];

const VERDICT_WORD: Record<GoalVerdict, MessageId> = {
  met: "goal.onGoal",
  missed: "goal.missed",
  none: "goal.noData",
};

/**
 * The three 2-1-1 numbers: each p85 against its target, with a word as well
 * as a colour, and, as on the dashboard (`goalReading`), a warning when the
 * verdict rests on fewer than 10 demands.
 */
export function TwoOneOneNumbers({ metrics }: { metrics: TMetrics | null }) {
  const t = useT();
  return (
    <ul className="standup-two-one-one" aria-label={t("standup.tilesLabel")}>
      {TILES.map(({ key, name }) => {
        const tile = metrics?.[key];
        const reading = tile ? goalReading(tile) : null;
        return (
          <li key={key} data-tile={key} data-goal={reading?.verdict ?? "none"}>
            <span className="standup-label">{t("standup.tileLabel", { name: t(name) })}</span>
            <span className="standup-number">
              {tile?.p85 != null ? formatSeconds(tile.p85) : "–"}
              {tile && <span className="standup-target"> / {formatSeconds(tile.target)}</span>}
            </span>
            <span className="standup-goal">
              {t(reading ? VERDICT_WORD[reading.verdict] : "goal.loading")}
              {reading?.smallSample && (
                <span
                  className="standup-small-sample"
                  data-testid={`standup-small-sample-${key}`}
                  title={t("tile.smallSample", { count: reading.count, minimum: SMALL_SAMPLE_DEMANDS })}
                >
                  {t("standup.smallSample", { count: reading.count })}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
