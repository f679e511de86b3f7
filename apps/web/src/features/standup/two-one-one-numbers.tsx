import type { TMetrics, TMetricTile } from "@tideway/contracts";
import { fromSeconds } from "@tideway/domain";
import { formatDuration } from "./format-duration";

const TILES = [
  { key: "delivery", name: "Delivery" },
  { key: "development", name: "Development" },
  { key: "release", name: "Release" },
] as const;

function seconds(value: number): string {
  return formatDuration(fromSeconds(value));
}

function verdict(tile: TMetricTile): { word: string; status: "met" | "missed" | "none" } {
  if (tile.goalMet === null) return { word: "no data", status: "none" };
  return tile.goalMet ? { word: "on goal", status: "met" } : { word: "missed", status: "missed" };
}

/** The three 2-1-1 numbers: each p85 against its target, with a word as well as a colour. */
export function TwoOneOneNumbers({ metrics }: { metrics: TMetrics | null }) {
  return (
    <ul className="standup-two-one-one" aria-label="2-1-1 goals, p85 against target">
      {TILES.map(({ key, name }) => {
        const tile = metrics?.[key];
        const result = tile ? verdict(tile) : { word: "loading", status: "none" as const };
        return (
          <li key={key} data-tile={key} data-goal={result.status}>
            <span className="standup-label">{name} p85</span>
            <span className="standup-number">
              {tile?.p85 != null ? seconds(tile.p85) : "–"}
              {tile && <span className="standup-target"> / {seconds(tile.target)}</span>}
            </span>
            <span className="standup-goal">{result.word}</span>
          </li>
        );
      })}
    </ul>
  );
}
