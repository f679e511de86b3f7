import type { TMetricTile, TPortfolioMetrics } from "@tideway/contracts";
import { isSmallSample, SMALL_SAMPLE_DEMANDS } from "@tideway/domain";
import { useT } from "../../i18n/use-t";
import { formatPercent, formatSeconds } from "../../ui/format";

const COLUMNS = [
  { kind: "delivery", title: "Delivery", counted: "delivered" },
  { kind: "development", title: "Development", counted: "developed" },
  { kind: "release", title: "Release", counted: "released" },
] as const;

type Row = { label: string; testId: string } & Partial<Record<(typeof COLUMNS)[number]["kind"], TMetricTile>>;

/**
 * The portfolio's 2-1-1 tiles: one row for the organisation (the union of
 * every team's demands), one for the business demands' delivery, one per
 * team board; columns delivery, development, release.
 */
export function PortfolioTiles({ metrics }: { metrics: TPortfolioMetrics }) {
  const rows: Row[] = [
    { label: "Organisation", testId: "row-organisation", ...metrics.organisation },
    { label: "Business demands", testId: "row-business", delivery: metrics.business.delivery },
    ...metrics.teams.map((team) => ({ label: team.name, testId: `row-team-${team.key}`, ...team })),
  ];
  return (
    <table className="portfolio-tiles">
      <caption>2-1-1 over the last 30 days: p85 against the target, share within it, and how many</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          {COLUMNS.map((column) => (
            <th key={column.kind} scope="col">
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.testId} data-testid={row.testId}>
            <th scope="row">{row.label}</th>
            {COLUMNS.map((column) => {
              const tile = row[column.kind];
              return (
                <td key={column.kind}>{tile ? <TileCell tile={tile} counted={column.counted} /> : "–"}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TileCell({ tile, counted }: { tile: TMetricTile; counted: string }) {
  const t = useT();
  const goal = tile.goalMet === null ? "none" : tile.goalMet ? "met" : "missed";
  return (
    <div className="portfolio-tile" data-goal={goal}>
      <span className="portfolio-tile-p85">
        p85 <strong>{formatSeconds(tile.p85)}</strong>
      </span>
      <span>
        {formatPercent(tile.attainment)} within {formatSeconds(tile.target)}
        {goal === "met" ? " ✔ goal met" : goal === "missed" ? " ✘ goal missed" : ""}
      </span>
      <span data-testid="tile-count">
        {tile.count} {counted}
        {isSmallSample(tile.count) && ` ${t("portfolio.smallSample", { minimum: SMALL_SAMPLE_DEMANDS })}`}
      </span>
    </div>
  );
}
