import type { TDemand } from "@tideway/contracts";
import { useParams } from "wouter";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { StandupPage } from "../standup/standup-page";
import { ChildProgressSummary } from "./business-demand-progress";
import { useBoardChildren, useChildProgress } from "./child-progress";
import { fetchPortfolio } from "./portfolio-api";
import { PortfolioFailure } from "./portfolio-failure";
import "./portfolio.css";

/**
 * The weekly business review: the team stand-up walked over the portfolio's
 * business board (right to left, same keys), each business demand shown with
 * its product demands by team, live as the teams move them.
 */
export function PortfolioStandupPage() {
  const { portfolioId = "" } = useParams();
  const t = useT();
  const portfolio = useResource(queryKeys.portfolio(portfolioId), () => fetchPortfolio(portfolioId), {
    failureMessage: t("portfolio.loadFailed"),
  });
  const businessBoardId = portfolio.data?.businessBoardId;
  useBoardChildren(businessBoardId);

  if (portfolio.error) return <PortfolioFailure message={portfolio.error} />;
  if (!businessBoardId) return <p className="page-message">{t("app.loading")}</p>;
  return (
    <StandupPage
      boardId={businessBoardId}
      title={t("portfolio.standup.title")}
      leaveTo={`/portfolios/${portfolioId}`}
      cardDetails={(demand) => <StandupChildren boardId={businessBoardId} demand={demand} />}
    />
  );
}

/** The business demand's product demands by team; titles only where the reader is on the team board. */
function StandupChildren({ boardId, demand }: { boardId: string; demand: TDemand }) {
  const t = useT();
  const progress = useChildProgress(boardId, demand.id);
  return (
    <section className="standup-children" aria-label={t("portfolio.standup.children")}>
      {progress ? (
        <ChildProgressSummary progress={progress} listChildren />
      ) : (
        <p className="standup-quiet">{t("portfolio.notSplit")}</p>
      )}
    </section>
  );
}
