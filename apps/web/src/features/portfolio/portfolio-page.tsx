import type { TBoard, TBusinessDemandProgress, TPortfolio } from "@tideway/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "wouter";
import { ApiError } from "../../api/api-request";
import { boardEventCache } from "../../api/board-event-cache";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { notify } from "../../ui/notice-stack";
import { fetchBoard, fetchBoards } from "../board/board-api";
import { subscribeToBoardEvents } from "../dashboard/board-event-subscription";
import type { LiveState } from "../dashboard/use-live-dashboard";
import { fetchBoardChildren } from "./board-children-api";
import { ChildProgressSummary } from "./business-demand-progress";
import {
  addTeamBoard,
  createChildDemand,
  fetchPortfolio,
  fetchPortfolioMetrics,
  fetchPortfolios,
} from "./portfolio-api";
import { PortfolioConstraint } from "./portfolio-constraint";
import { PortfolioFailure } from "./portfolio-failure";
import { PortfolioThroughput } from "./portfolio-throughput";
import { PortfolioTiles } from "./portfolio-tiles";
import { PortfolioTrends } from "./portfolio-trends";
import "./portfolio.css";

const LIVE_LABELS: Record<LiveState, MessageId> = {
  live: "portfolio.live.live",
  connecting: "portfolio.live.connecting",
  offline: "portfolio.live.offline",
};

/**
 * A portfolio for its leads: the 2-1-1 tiles of the organisation, the
 * business demands and each team, their 12-week trends, throughput per
 * team, the constraint across the team boards, and the business demands
 * with their children by team. Live: every change on a team board or the
 * business board refreshes it, through the business board's room (the
 * board dashboard's subscription).
 */
export function PortfolioPage() {
  const { portfolioId = "" } = useParams();
  const t = useT();
  const [live, setLive] = useState<LiveState>("connecting");
  const portfolio = useResource(queryKeys.portfolio(portfolioId), () => fetchPortfolio(portfolioId), {
    failureMessage: t("portfolio.loadFailed"),
  });
  const metrics = useResource(
    queryKeys.portfolioMetrics(portfolioId),
    () => fetchPortfolioMetrics(portfolioId),
    {
      failureMessage: t("portfolio.metricsFailed"),
    },
  );
  const businessBoardId = portfolio.data?.businessBoardId;

  useEffect(() => {
    document.title = `${portfolio.data?.name ?? t("portfolio.documentTitle")} · Tideway`;
  }, [portfolio.data?.name, t]);

  useEffect(() => {
    if (!businessBoardId) return;
    // The cache refetches the children's progress itself, and the portfolio's numbers and
    // the business board with the business board's flow, a burst of changes at once.
    const unfollow = boardEventCache.followFlow(businessBoardId, [
      queryKeys.portfolio(portfolioId),
      queryKeys.boardSnapshot(businessBoardId),
    ]);
    const leave = subscribeToBoardEvents(businessBoardId, {
      onLiveState: setLive,
      onRefused: (message) => notify(message),
    });
    return () => {
      unfollow();
      leave();
    };
  }, [portfolioId, businessBoardId]);

  if (portfolio.error) return <PortfolioFailure message={portfolio.error} />;
  if (!portfolio.data) return <p className="page-message">{t("app.loading")}</p>;
  const current = portfolio.data;
  return (
    <main className="portfolio-page">
      <header className="portfolio-header">
        <h1>{current.name}</h1>
        <Link to={`/boards/${current.businessBoardId}`}>
          {t("portfolio.businessBoardLink", { key: current.businessBoardKey })}
        </Link>
        <Link to={`/portfolios/${current.id}/standup`}>{t("portfolio.standupLink")}</Link>
        <output className="live-status" data-live={live} aria-live="polite">
          {t(LIVE_LABELS[live])}
        </output>
      </header>
      <section aria-labelledby="portfolio-numbers" data-testid="portfolio-dashboard">
        <h2 id="portfolio-numbers">{t("portfolio.numbers.title")}</h2>
        {metrics.error && <p role="alert">{metrics.error}</p>}
        {metrics.data && (
          <>
            <PortfolioTiles metrics={metrics.data} />
            <div className="portfolio-panels">
              <PortfolioTrends metrics={metrics.data} />
              <div className="portfolio-panels-side">
                <PortfolioThroughput metrics={metrics.data} />
                <PortfolioConstraint metrics={metrics.data} />
              </div>
            </div>
          </>
        )}
      </section>
      <BusinessDemands portfolio={current} />
      <TeamBoards portfolio={current} onChange={portfolio.replace} />
    </main>
  );
}

function BusinessDemands({ portfolio }: { portfolio: TPortfolio }) {
  const t = useT();
  const boardId = portfolio.businessBoardId;
  const board = useResource(queryKeys.boardSnapshot(boardId), () => fetchBoard(boardId), {
    failureMessage: t("portfolio.business.loadFailed"),
  });
  const children = useResource(queryKeys.boardChildren(boardId), () => fetchBoardChildren(boardId), {
    failureMessage: t("portfolio.children.loadFailed"),
  });
  const progress = new Map((children.data?.demands ?? []).map((demand) => [demand.demandId, demand]));
  const demands = board.data ? rightToLeft(board.data) : [];
  const canSplit = portfolio.role !== "viewer";
  return (
    <section aria-labelledby="business-demands">
      <h2 id="business-demands">{t("portfolio.business.title")}</h2>
      {board.error && <p role="alert">{board.error}</p>}
      {board.data && demands.length === 0 && (
        <p>
          {t("portfolio.business.empty", {
            link: (chunks) => <Link to={`/boards/${boardId}`}>{chunks}</Link>,
          })}
        </p>
      )}
      <ul className="business-demands">
        {demands.map(({ demand, stageName }) => (
          <li key={demand.id} className="business-demand" data-testid="business-demand">
            <h3>
              <span className="card-key">{demand.key}</span> {demand.title}{" "}
              <span className="business-stage">{stageName}</span>
            </h3>
            <BusinessDemandChildren progress={progress.get(demand.id)} />
            {canSplit && <SplitForm demandId={demand.id} portfolio={portfolio} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Right to left, as the stand-up reads a board: closest to release first. */
function rightToLeft(board: TBoard) {
  const position = new Map(board.stages.map((stage) => [stage.id, stage.position]));
  const name = new Map(board.stages.map((stage) => [stage.id, stage.name]));
  return [...board.demands]
    .sort(
      (a, b) =>
        (position.get(b.stageId) ?? 0) - (position.get(a.stageId) ?? 0) || a.rank.localeCompare(b.rank),
    )
    .map((demand) => ({ demand, stageName: name.get(demand.stageId) ?? "" }));
}

function BusinessDemandChildren({ progress }: { progress: TBusinessDemandProgress | undefined }) {
  const t = useT();
  if (!progress) return <p className="quiet">{t("portfolio.notSplit")}</p>;
  return <ChildProgressSummary progress={progress} listChildren />;
}

function SplitForm({ demandId, portfolio }: { demandId: string; portfolio: TPortfolio }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const teams = portfolio.boards.filter((board) => board.member);
  if (teams.length === 0) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(null);
    try {
      await createChildDemand(demandId, {
        boardId: String(form.get("boardId") ?? ""),
        title: String(form.get("title") ?? ""),
        type: "feature",
      });
      formElement.reset();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("portfolio.split.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="split-form"
      aria-label={t("portfolio.split.form")}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        {t("portfolio.split.team")}
        <select name="boardId" required>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("portfolio.split.title")}
        <input name="title" required maxLength={200} />
      </label>
      <button type="submit" disabled={busy}>
        {t("portfolio.split.submit")}
      </button>
      <FormError error={error} />
    </form>
  );
}

function TeamBoards({
  portfolio,
  onChange,
}: {
  portfolio: TPortfolio;
  onChange: (next: TPortfolio) => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const boards = useResource(portfolio.role === "admin" ? queryKeys.boardList() : null, fetchBoards, {
    failureMessage: t("portfolio.teams.boardsFailed"),
  });
  const portfolios = useResource(
    portfolio.role === "admin" ? queryKeys.portfolioList() : null,
    fetchPortfolios,
    {
      failureMessage: t("portfolios.loadFailed"),
    },
  );
  // Business boards are never team boards; a board in another portfolio is refused with the reason.
  const businessBoards = (portfolios.data ?? []).map((other) => other.businessBoardId);
  const inPortfolio = new Set([...businessBoards, ...portfolio.boards.map((board) => board.id)]);
  const addable = (boards.data ?? []).filter((board) => board.role === "admin" && !inPortfolio.has(board.id));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const boardId = String(new FormData(event.currentTarget).get("boardId") ?? "");
    setError(null);
    try {
      onChange(await addTeamBoard(portfolio.id, boardId));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("portfolio.teams.addFailed"));
    }
  }

  return (
    <section aria-labelledby="team-boards">
      <h2 id="team-boards">{t("portfolio.teams.title")}</h2>
      {portfolio.boards.length === 0 && <p>{t("portfolio.teams.empty")}</p>}
      <ul className="team-boards">
        {portfolio.boards.map((board) => (
          <li key={board.id}>
            {board.member ? (
              <Link to={`/boards/${board.id}`}>
                <span className="board-key">{board.key}</span> {board.name}
              </Link>
            ) : (
              <span>
                <span className="board-key">{board.key}</span> {board.name} {t("portfolio.teams.numbersOnly")}
              </span>
            )}
          </li>
        ))}
      </ul>
      {addable.length > 0 && (
        <form
          className="add-team-board"
          aria-label={t("portfolio.teams.add")}
          onSubmit={(event) => void submit(event)}
        >
          <label>
            {t("portfolio.teams.board")}
            <select name="boardId">
              {addable.map((board) => (
                <option key={board.id} value={board.id}>
                  {board.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("portfolio.teams.addSubmit")}</button>
          <FormError error={error} />
        </form>
      )}
    </section>
  );
}
