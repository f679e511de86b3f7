import type { TBusinessDemandProgress, TChildState, TTeamProgress } from "@tideway/contracts";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { useBoardStore } from "../board/board-store";
import { useChildProgress } from "./child-progress";

const CHILD_STATES: Record<TChildState, MessageId> = {
  delivered: "portfolio.child.delivered",
  blocked: "portfolio.child.blocked",
  waiting: "portfolio.child.waiting",
  "in-progress": "portfolio.child.inProgress",
};

/** What a business card adds: its children's progress per team, and a gate override's reason. */
export function BusinessCardProgress({ demandId }: { demandId: string }) {
  const boardId = useBoardStore((s) => s.boardId);
  const progress = useChildProgress(boardId, demandId);
  if (!progress) return null;
  return <ChildProgressSummary progress={progress} />;
}

/**
 * "n of m delivered" and a line per team; with `listChildren`, each team's
 * children under its line where the reader may see them (the portfolio page).
 */
export function ChildProgressSummary({
  progress,
  listChildren = false,
}: {
  progress: TBusinessDemandProgress;
  listChildren?: boolean;
}) {
  const t = useT();
  return (
    <div className="child-progress" data-testid="child-progress">
      <p className="child-progress-total">
        {t("portfolio.progress.total", {
          delivered: progress.delivered,
          total: progress.total,
          b: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <ul className="child-progress-teams">
        {progress.teams.map((team) => (
          <li key={team.boardId}>
            <span data-testid="team-progress">{teamLine(t, team)}</span>
            {listChildren && team.children && (
              <ul className="child-list" aria-label={t("portfolio.progress.children", { team: team.name })}>
                {team.children.map((child) => (
                  <li key={child.id} data-state={child.state}>
                    <span className="card-key">{child.key}</span> {child.title}{" "}
                    <em>{t(CHILD_STATES[child.state])}</em>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {progress.override && (
        <p className="child-progress-override">
          {t("portfolio.progress.override", {
            actorShown: progress.override.actorName ? "yes" : "no",
            actor: progress.override.actorName ?? "",
            reason: progress.override.reason,
            b: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      )}
    </div>
  );
}

/** "Payments: 1 of 2 delivered, 1 blocked". */
function teamLine(t: ReturnType<typeof useT>, team: TTeamProgress): string {
  return t("portfolio.progress.team", {
    team: team.name,
    delivered: team.delivered,
    total: team.total,
    blocked: team.blocked,
    waiting: team.waiting,
  });
}
