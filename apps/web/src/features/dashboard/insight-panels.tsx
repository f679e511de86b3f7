import { useT } from "../../i18n/use-t";
import { InsightStuckFlow } from "./insight-stuck-flow";
import { InsightWipAdvice } from "./insight-wip-advice";
import "./insights.css";
import { useBoardInsights } from "./use-board-insights";

/** What the team could do next, from its own history: where flow is stuck and what WIP limits would fit. */
export function InsightPanels(props: { boardId: string | undefined; csvPrefix: string }) {
  const t = useT();
  const { insights, failure } = useBoardInsights(props.boardId);
  return (
    <section className="flow" aria-labelledby="insights-title">
      <h2 id="insights-title">{t("dashboard.insights")}</h2>
      {failure && <p role="alert">{failure}</p>}
      {!insights && !failure && <p className="page-message">{t("dashboard.insights.loading")}</p>}
      {insights && (
        <div className="chart-grid">
          <InsightStuckFlow stuck={insights.stuckFlow} csvPrefix={props.csvPrefix} />
          <InsightWipAdvice advice={insights.wipAdvice} csvPrefix={props.csvPrefix} />
        </div>
      )}
    </section>
  );
}
