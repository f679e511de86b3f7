import type { TCodeEvent, TDemandCode } from "@tideway/contracts";
import { countsAsRelease, elapsed, epochMs, toSeconds } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireDemandAccess } from "../access/require-board-role";
import { demandKey } from "../demands/demand-view";
import { readPipelineSettings } from "./pipeline-settings";

const LISTED = 200;

interface CodeEventRow {
  id: string;
  source: TCodeEvent["source"];
  kind: TCodeEvent["kind"];
  sha: string | null;
  repository: string | null;
  message: string | null;
  environment: string | null;
  at: Date;
}

/**
 * What the pipeline recorded for one demand (the card's detail view): its
 * commits and merges, the deploys and releases that shipped it, and its
 * release lead time = the first production release (see `countsAsRelease`)
 * at or after the last code submission, minus that submission. Null while
 * the last submission is not released, and for a demand without commits or
 * merges (the dashboard then falls back to the board's Release and Done
 * stages; this view shows only what the pipeline reported).
 *
 * Example: commit 10:00, merge 10:20, deploy to staging 10:30, deploy to
 * production 10:50: last submission 10:20, released 10:50, lead time 1,800 s.
 */
export async function getDemandCode(db: Db, userId: string, demandId: string): Promise<TDemandCode> {
  const { boardId } = await requireDemandAccess(db, userId, demandId, "viewer");
  const [demand, board] = await Promise.all([
    db.demand.findUniqueOrThrow({ where: { id: demandId }, select: { number: true } }),
    db.board.findUniqueOrThrow({ where: { id: boardId }, select: { key: true, settings: true } }),
  ]);
  const settings = readPipelineSettings(board.settings);
  const linked = { demands: { some: { demandId } } };
  const select = {
    id: true,
    source: true,
    kind: true,
    sha: true,
    repository: true,
    message: true,
    environment: true,
    at: true,
  } as const;

  const [submissions, last] = await Promise.all([
    db.codeEvent.findMany({
      where: { ...linked, kind: { in: ["commit", "merge"] } },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      take: LISTED,
      select,
    }),
    db.codeEvent.aggregate({ where: { ...linked, kind: { in: ["commit", "merge"] } }, _max: { at: true } }),
  ]);
  const lastSubmissionAt = last._max.at;
  const [deliveries, shippedSince] = await Promise.all([
    db.codeEvent.findMany({
      where: { ...linked, kind: { in: ["deploy", "release"] } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: LISTED,
      select,
    }),
    // The release may lie beyond the listed ones on a long-lived demand: look it up on its own.
    lastSubmissionAt
      ? db.codeEvent.findMany({
          where: { ...linked, kind: { in: ["deploy", "release"] }, at: { gte: lastSubmissionAt } },
          orderBy: [{ at: "asc" }, { id: "asc" }],
          take: LISTED,
          select: { kind: true, environment: true, at: true },
        })
      : Promise.resolve([]),
  ]);
  const release = shippedSince.find((event) => countsAsRelease(event, settings));
  const releasedAt = release?.at ?? null;

  return {
    demandId,
    key: demandKey(board.key, demand.number),
    submissions: submissions.map(toCodeEventView),
    deliveries: deliveries.map((event) => ({
      ...toCodeEventView(event),
      countsAsRelease: countsAsRelease(event, settings),
    })),
    lastSubmissionAt: lastSubmissionAt?.toISOString() ?? null,
    releasedAt: releasedAt?.toISOString() ?? null,
    releaseLeadTime:
      lastSubmissionAt && releasedAt
        ? toSeconds(elapsed(epochMs(lastSubmissionAt.getTime()), epochMs(releasedAt.getTime())))
        : null,
  };
}

function toCodeEventView(row: CodeEventRow): TCodeEvent {
  return { ...row, at: row.at.toISOString() };
}
