import type { TMetricTile, TPortfolioMetrics } from "@tideway/contracts";
import { isSmallSample, SMALL_SAMPLE_DEMANDS } from "@tideway/domain";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { formatPercent, formatSeconds } from "../../ui/format";

const COLUMNS = [
  { kind: "delivery", title: "portfolio.tiles.delivery", counted: "portfolio.tiles.delivered" },
  { kind: "development", title: "portfolio.tiles.development", counted: "portfolio.tiles.developed" },
  { kind: "release", title: "portfolio.tiles.release", counted: "portfolio.tiles.released" },
] as const satisfies readonly { kind: string; title: MessageId; counted: MessageId }[];

type Column = (typeof COLUMNS)[number];
type Row = { label: string; testId: string } & Partial<Record<Column["kind"], TMetricTile>>;

/**
 * The portfolio's 2-1-1 tiles: one row for the organisation (the union of
 * every team's demands), one for the business demands' delivery, one per
 * team board; columns delivery, development, release.
 */
export function PortfolioTiles({ metrics }: { metrics: TPortfolioMetrics }) {
  const t = useT();
  const rows: Row[] = [
    { label: t("portfolio.row.organisation"), testId: "row-organisation", ...metrics.organisation },
    { label: t("portfolio.row.business"), testId: "row-business", delivery: metrics.business.delivery },
    ...metrics.teams.map((team) => ({ label: team.name, testId: `row-team-${team.key}`, ...team })),
  ];
  return (
    <table className="portfolio-tiles">
      <caption>{t("portfolio.tiles.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("portfolio.tiles.who")}</th>
          {COLUMNS.map((column) => (
            <th key={column.kind} scope="col">
              {t(column.title)}
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
              return <td key={column.kind}>{tile ? <TileCell tile={tile} column={column} /> : "–"}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One tile: p85, the share within the target, the verdict and the count. On
 * fewer than 10 demands the verdict gives way to saying so: one slow demand
 * would turn it around (DESIGN "Metrics").
 */
function TileCell({ tile, column }: { tile: TMetricTile; column: Column }) {
  const t = useT();
  const small = isSmallSample(tile.count);
  const goal = tile.goalMet === null ? "none" : small ? "small" : tile.goalMet ? "met" : "missed";
  return (
    <div className="portfolio-tile" data-goal={goal}>
      <span className="portfolio-tile-p85">
        p85 <strong>{formatSeconds(tile.p85)}</strong>
      </span>
      <span>
        {t("portfolio.tiles.within", {
          share: formatPercent(tile.attainment),
          target: formatSeconds(tile.target),
        })}
      </span>
      <span data-testid="tile-goal">
        {goal === "met" && t("portfolio.tiles.goalMet")}
        {goal === "missed" && t("portfolio.tiles.goalMissed")}
        {goal === "small" && t("portfolio.smallSample", { minimum: SMALL_SAMPLE_DEMANDS })}
        {goal === "none" && t("portfolio.tiles.noData")}
      </span>
      <span data-testid="tile-count">{t(column.counted, { count: tile.count })}</span>
    </div>
  );
}
