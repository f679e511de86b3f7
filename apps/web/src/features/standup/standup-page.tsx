import type { TDemand } from "@tideway/contracts";
import { type ReactNode, useCallback, useEffect, useMemo } from "react";
import { Link, useLocation, useParams } from "wouter";
import { translate } from "../../i18n/intl";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { NoticeStack } from "../../ui/notice-stack";
import { useBoardLive } from "../board/board-live-store";
import { useBoardStore } from "../board/board-store";
import { useLiveBoard } from "../board/use-live-board";
import { BlockReasonDialog } from "./block-reason-dialog";
import { expectationOf } from "./card-age";
import { EmptyStage, FocusedCard } from "./focused-card";
import { MoveTicker } from "./move-ticker";
import { StageLineup } from "./stage-lineup";
import { StageWipStrip } from "./stage-wip-strip";
import { trackMoves, useStandup } from "./standup-store";
import { StandupSummary } from "./standup-summary";
import { StandupTimer, standupMinutes } from "./standup-timer";
import { TwoOneOneNumbers } from "./two-one-one-numbers";
import { useBoardMetrics } from "./use-board-metrics";
import { useStandupKeys } from "./use-standup-keys";
import { type StandupView, useStandupView } from "./use-standup-view";
import "./standup.css";
import { useSearchParams } from "../../routing";

const LIVE_WORDS: Record<"live" | "connecting" | "offline", MessageId> = {
  live: "live.live",
  connecting: "live.connecting",
  offline: "standup.offline",
};

const STANDUP_KEYS: readonly MessageId[] = [
  "standup.key.next",
  "standup.key.back",
  "standup.key.stages",
  "standup.key.block",
  "standup.key.finish",
  "standup.key.restart",
  "standup.key.leave",
];

export interface StandupPageProps {
  /** The board walked; the route's board when absent. */
  boardId?: string;
  /** What the heading calls this stand-up ("Stand-up" for a team). */
  title?: string;
  /** Where Esc and "leave" go; the board when absent. */
  leaveTo?: string;
  /** More about the card under discussion (a business demand's children by team). */
  cardDetails?: (demand: TDemand) => ReactNode;
}

/**
 * Stand-up mode: the board read right to left on a projector (DESIGN.md
 * principle 5), one card at a time, entirely from the keyboard. The portfolio
 * stand-up is this page on the business board (see portfolio-standup-page.tsx).
 */
export function StandupPage({ title, cardDetails, ...props }: StandupPageProps) {
  const routeParams = useParams();
  const boardId = props.boardId ?? routeParams.boardId;
  const leaveTo = props.leaveTo ?? `/boards/${boardId}`;
  const [params] = useSearchParams();
  const minutes = standupMinutes(params.get("minutes"));
  const [, navigate] = useLocation();
  const t = useT();
  useLiveBoard(boardId);

  useEffect(() => {
    if (!boardId) return;
    useStandup.getState().begin(boardId);
    const stopTracking = trackMoves();
    return () => {
      stopTracking();
      useStandup.getState().end();
    };
  }, [boardId]);

  const status = useBoardStore((s) => (s.boardId === boardId ? s.status : "loading"));
  const failure = useBoardStore((s) => s.failure);
  const name = useBoardStore((s) => s.name);
  const live = useBoardLive((s) => s.status);
  const startedAt = useStandup((s) => s.startedAt);
  const metrics = useBoardMetrics(boardId);
  const expectation = useMemo(() => expectationOf(metrics), [metrics]);
  const view = useStandupView();

  useEffect(() => {
    if (status === "ready") useStandup.getState().arrive();
  }, [status]);

  const shownTitle = title ?? t("standup.title");
  const documentTitle = name
    ? t("standup.documentTitle", { title: shownTitle, name })
    : t("standup.documentTitleNoName", { title: shownTitle });
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  const leave = useCallback(() => void navigate(leaveTo), [navigate, leaveTo]);
  useStandupKeys(leave);

  return (
    <div className="standup" data-live={live}>
      <header className="standup-header">
        <div className="standup-title">
          <h1>{name ? t("standup.titleWithName", { title: shownTitle, name }) : shownTitle}</h1>
          <output className="standup-live" data-live={live} aria-live="polite">
            {t(LIVE_WORDS[live])}
          </output>
        </div>
        <TwoOneOneNumbers metrics={metrics} />
        <StandupTimer startedAt={startedAt} minutes={minutes} />
      </header>
      <StageWipStrip currentStageId={view.kind === "card" ? view.stage.id : null} />

      <main className="standup-main">
        {status === "failed" && (
          <p role="alert" className="standup-message">
            {failure}
          </p>
        )}
        {status !== "failed" && view.kind === "loading" && (
          <p className="standup-message">{t("board.loading")}</p>
        )}
        {view.kind === "summary" && <StandupSummary walk={view.walk} expectation={expectation} />}
        {view.kind === "card" && (
          <section
            className="standup-stage"
            data-stage={view.stage.name}
            aria-labelledby="standup-stage-heading"
          >
            <h2 id="standup-stage-heading" className="standup-stage-heading">
              {view.stage.name}
              <span className="standup-position">{position(view)}</span>
            </h2>
            <div className="standup-stage-body">
              {view.demand ? (
                <FocusedCard demand={view.demand} stage={view.stage} expectation={expectation}>
                  {cardDetails?.(view.demand)}
                </FocusedCard>
              ) : (
                <EmptyStage stage={view.stage} />
              )}
              <StageLineup stage={view.stage} lineup={view.lineup} cardIndex={view.cardIndex} />
            </div>
          </section>
        )}
        <MoveTicker />
        <p className="visually-hidden" role="status">
          {announcement(view)}
        </p>
      </main>

      <footer className="standup-keys">
        <ul aria-label={t("standup.keysLabel")}>
          {STANDUP_KEYS.map((id) => (
            <li key={id}>
              {t(id, {
                kbd: (chunks) => <kbd>{chunks}</kbd>,
                link: (chunks) => <Link to={leaveTo}>{chunks}</Link>,
              })}
            </li>
          ))}
        </ul>
      </footer>
      <BlockReasonDialog />
      <NoticeStack />
    </div>
  );
}

function position(view: Extract<StandupView, { kind: "card" }>): string {
  const stage = { stage: view.stageIndex + 1, stages: view.walk.length };
  if (view.cardIndex === -1) return translate("standup.position.empty", stage);
  return translate("standup.position.card", {
    card: view.cardIndex + 1,
    cards: view.lineup.length,
    ...stage,
  });
}

/** What a screen reader hears after each step. */
function announcement(view: StandupView): string {
  if (view.kind === "loading") return "";
  if (view.kind === "summary") return translate("standup.announce.summary");
  const where = { stage: view.stage.name, position: position(view) };
  return view.demand
    ? translate("standup.announce.card", { ...where, key: view.demand.key, title: view.demand.title })
    : translate("standup.announce.empty", where);
}
