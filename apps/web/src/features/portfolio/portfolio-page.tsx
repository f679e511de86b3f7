import type { TBoard, TBusinessDemandProgress, TPortfolio } from "@tideway/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/api-request";
import { useResource } from "../../api/use-resource";
import { FormError } from "../../ui/form-error";
import { notify } from "../../ui/notice-stack";
import { fetchBoard, fetchBoards } from "../board/board-api";
import { subscribeToBoardEvents } from "../dashboard/board-event-subscription";
import type { LiveState } from "../dashboard/dashboard-store";
import { fetchBoardChildren } from "./board-children-api";
import { ChildProgressSummary } from "./business-demand-progress";
import {
  addTeamBoard,
  createChildDemand,
  fetchPortfolio,
  fetchPortfolioMetrics,
  fetchPortfolios,
} from "./portfolio-api";
import { PortfolioFailure } from "./portfolio-failure";
import { PortfolioTiles } from "./portfolio-tiles";
import "./portfolio.css";

/** A burst of changes on the team boards becomes one refresh. */
const QUIET_MS = 300;
const LIVE_LABELS: Record<LiveState, string> = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Offline",
};

/**
 * A portfolio for its leads: the 2-1-1 tiles of the organisation, the
 * business demands and each team, and the business demands with their
 * children by team. Live: every change on a team board or the business board
 * refreshes it, through the business board's room.
 */
export function PortfolioPage() {
  const { portfolioId = "" } = useParams();
  const [refresh, setRefresh] = useState(0);
  const [live, setLive] = useState<LiveState>("connecting");
  const portfolio = useResource(["portfolio", portfolioId], () => fetchPortfolio(portfolioId), {
    failureMessage: "The portfolio could not be loaded.",
    refreshKey: refresh,
  });
  const metrics = useResource(["portfolio-metrics", portfolioId], () => fetchPortfolioMetrics(portfolioId), {
    failureMessage: "The portfolio's numbers could not be loaded.",
    refreshKey: refresh,
  });
  const businessBoardId = portfolio.data?.businessBoardId;

  useEffect(() => {
    document.title = `${portfolio.data?.name ?? "Portfolio"} · Tideway`;
  }, [portfolio.data?.name]);

  useEffect(() => {
    if (!businessBoardId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const leave = subscribeToBoardEvents(businessBoardId, {
      onChange: () => {
        clearTimeout(timer);
        timer = setTimeout(() => setRefresh((count) => count + 1), QUIET_MS);
      },
      onSettingsChange: () => undefined,
      onLiveState: setLive,
      onRefused: (message) => notify(message),
    });
    return () => {
      clearTimeout(timer);
      leave();
    };
  }, [businessBoardId]);

  if (portfolio.error) return <PortfolioFailure message={portfolio.error} />;
  if (!portfolio.data) return <p className="page-message">Loading…</p>;
  const current = portfolio.data;
  return (
    <main className="portfolio-page">
      <header className="portfolio-header">
        <h1>{current.name}</h1>
        <Link to={`/boards/${current.businessBoardId}`}>Business board ({current.businessBoardKey})</Link>
        <Link to={`/portfolios/${current.id}/standup`}>Business review stand-up</Link>
        <output className="live-status" data-live={live} aria-live="polite">
          {LIVE_LABELS[live]}
        </output>
      </header>
      <section aria-labelledby="portfolio-numbers">
        <h2 id="portfolio-numbers">2-1-1 across the teams</h2>
        {metrics.error && <p role="alert">{metrics.error}</p>}
        {metrics.data && <PortfolioTiles metrics={metrics.data} />}
      </section>
      <BusinessDemands portfolio={current} refresh={refresh} />
      <TeamBoards portfolio={current} onChange={portfolio.replace} />
    </main>
  );
}

function BusinessDemands({ portfolio, refresh }: { portfolio: TPortfolio; refresh: number }) {
  const boardId = portfolio.businessBoardId;
  const board = useResource(["business-board", boardId], () => fetchBoard(boardId), {
    failureMessage: "The business demands could not be loaded.",
    refreshKey: refresh,
  });
  const children = useResource(["business-children", boardId], () => fetchBoardChildren(boardId), {
    failureMessage: "The product demands could not be loaded.",
    refreshKey: refresh,
  });
  const progress = new Map((children.data?.demands ?? []).map((demand) => [demand.demandId, demand]));
  const demands = board.data ? rightToLeft(board.data) : [];
  const canSplit = portfolio.role !== "viewer";
  return (
    <section aria-labelledby="business-demands">
      <h2 id="business-demands">Business demands</h2>
      {board.error && <p role="alert">{board.error}</p>}
      {board.data && demands.length === 0 && (
        <p>
          No business demands yet: add them on the <Link to={`/boards/${boardId}`}>business board</Link>.
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
  if (!progress) return <p className="quiet">Not split into product demands yet.</p>;
  return <ChildProgressSummary progress={progress} listChildren />;
}

function SplitForm({ demandId, portfolio }: { demandId: string; portfolio: TPortfolio }) {
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
      setError(caught instanceof ApiError ? caught.message : "The product demand could not be created.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="split-form"
      aria-label="Split into a product demand"
      onSubmit={(event) => void submit(event)}
    >
      <label>
        Team board
        <select name="boardId" required>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Product demand
        <input name="title" required maxLength={200} />
      </label>
      <button type="submit" disabled={busy}>
        Add product demand
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
  const [error, setError] = useState<string | null>(null);
  const boards = useResource(portfolio.role === "admin" ? ["boards"] : null, fetchBoards, {
    failureMessage: "Your boards could not be loaded.",
  });
  const portfolios = useResource(portfolio.role === "admin" ? ["portfolios"] : null, fetchPortfolios, {
    failureMessage: "Your portfolios could not be loaded.",
  });
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
      setError(caught instanceof ApiError ? caught.message : "The board could not be added.");
    }
  }

  return (
    <section aria-labelledby="team-boards">
      <h2 id="team-boards">Team boards</h2>
      {portfolio.boards.length === 0 && <p>No team boards yet.</p>}
      <ul className="team-boards">
        {portfolio.boards.map((board) => (
          <li key={board.id}>
            {board.member ? (
              <Link to={`/boards/${board.id}`}>
                <span className="board-key">{board.key}</span> {board.name}
              </Link>
            ) : (
              <span>
                <span className="board-key">{board.key}</span> {board.name} (numbers only: you are not on this
                board)
              </span>
            )}
          </li>
        ))}
      </ul>
      {addable.length > 0 && (
        <form
          className="add-team-board"
          aria-label="Add a team board"
          onSubmit={(event) => void submit(event)}
        >
          <label>
            Board
            <select name="boardId">
              {addable.map((board) => (
                <option key={board.id} value={board.id}>
                  {board.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add team board</button>
          <FormError error={error} />
        </form>
      )}
    </section>
  );
}
