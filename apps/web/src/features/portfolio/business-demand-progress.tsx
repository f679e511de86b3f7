import type { TBusinessDemandProgress, TTeamProgress } from "@tideway/contracts";
import { useBoardStore } from "../board/board-store";
import { useChildProgress } from "./child-progress";

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
  return (
    <div className="child-progress" data-testid="child-progress">
      <p className="child-progress-total">
        <strong>
          {progress.delivered} of {progress.total}
        </strong>{" "}
        product demands delivered
      </p>
      <ul className="child-progress-teams">
        {progress.teams.map((team) => (
          <li key={team.boardId}>
            <span data-testid="team-progress">{teamLine(team)}</span>
            {listChildren && team.children && (
              <ul className="child-list" aria-label={`${team.name} product demands`}>
                {team.children.map((child) => (
                  <li key={child.id} data-state={child.state}>
                    <span className="card-key">{child.key}</span> {child.title}{" "}
                    <em>{child.state.replace("-", " ")}</em>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {progress.override && (
        <p className="child-progress-override">
          <strong>Accepted with work undelivered</strong>
          {progress.override.actorName && ` by ${progress.override.actorName}`}: {progress.override.reason}
        </p>
      )}
    </div>
  );
}

/** "Payments: 1 of 2 delivered, 1 blocked". */
export function teamLine(team: TTeamProgress): string {
  const flags = [
    team.blocked > 0 ? `${team.blocked} blocked` : null,
    team.waiting > 0 ? `${team.waiting} waiting` : null,
  ].filter((flag) => flag !== null);
  return `${team.name}: ${team.delivered} of ${team.total} delivered${flags.length > 0 ? `, ${flags.join(", ")}` : ""}`;
}
