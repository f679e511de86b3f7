import type { TPortfolioMetrics, TStuckFlowStage } from "@tideway/contracts";
import { useT } from "../../i18n/use-t";
import { formatNumber, formatSeconds } from "../../ui/format";
import { PortfolioPanel } from "./portfolio-panel";

type Constraint = TPortfolioMetrics["constraint"];

/**
 * Which team's stage is the constraint: where work waited longest across
 * the team boards over the last two weeks (the board insight's rule), said
 * in one sentence, with each team's longest wait beside it as the evidence.
 */
export function PortfolioConstraint({ metrics }: { metrics: TPortfolioMetrics }) {
  const t = useT();
  const { constraint } = metrics;
  const teamName = new Map(metrics.teams.map((team) => [team.boardId, team.name]));
  const rows = constraint.teams.filter((team) => team.longestWait !== null);
  return (
    <PortfolioPanel name="constraint" title={t("portfolio.constraint.title")}>
      <p className="portfolio-constraint-sentence" data-testid="constraint-conclusion">
        {constraint.stage && constraint.boardId
          ? t("portfolio.constraint.found", {
              team: teamName.get(constraint.boardId) ?? "",
              stage: constraint.stage.name,
              p85: formatSeconds(constraint.stage.p85Time),
              median: formatSeconds(constraint.stage.medianTime),
              count: constraint.stage.demandCount,
              b: (chunks) => <strong>{chunks}</strong>,
            })
          : t("portfolio.constraint.none", { days: constraint.windowDays })}
      </p>
      {constraint.stage && (
        <p className="portfolio-panel-note">{queueSentence(t, constraint.stage, constraint)}</p>
      )}
      {rows.length > 0 && (
        <table className="portfolio-constraint-table">
          <caption>{t("portfolio.constraint.caption", { days: constraint.windowDays })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("portfolio.constraint.team")}</th>
              <th scope="col">{t("portfolio.constraint.stage")}</th>
              <th scope="col">{t("portfolio.constraint.p85")}</th>
              <th scope="col">{t("portfolio.constraint.median")}</th>
              <th scope="col">{t("portfolio.constraint.inOut")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ boardId, longestWait: stage }) =>
              stage ? (
                <tr
                  key={boardId}
                  data-constraint={boardId === constraint.boardId}
                  data-testid="constraint-team"
                >
                  <th scope="row">{teamName.get(boardId)}</th>
                  <td>{stage.name}</td>
                  <td>{formatSeconds(stage.p85Time)}</td>
                  <td>{formatSeconds(stage.medianTime)}</td>
                  <td>
                    {t("portfolio.constraint.movement", {
                      arrivals: stage.arrivals,
                      departures: stage.departures,
                    })}
                  </td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      )}
    </PortfolioPanel>
  );
}

/** Whether the constraint's queue is growing: arrivals, departures and the change per day. */
function queueSentence(t: ReturnType<typeof useT>, stage: TStuckFlowStage, constraint: Constraint): string {
  const perDay = formatNumber(stage.netGrowthPerDay, 2);
  return t("portfolio.constraint.queue", {
    arrivals: stage.arrivals,
    departures: stage.departures,
    days: constraint.windowDays,
    stillThere: stage.stillThere,
    perDay: stage.netGrowthPerDay > 0 ? `+${perDay}` : perDay,
  });
}
