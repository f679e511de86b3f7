import type { TDemandHistory, THistoryEntry } from "@tideway/contracts";
import {
  demandCycleSummary,
  demandJourney,
  type EpochMs,
  epochMs,
  type JourneyStep,
  TWO_ONE_ONE_TARGETS,
  toSeconds,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireDemandAccess } from "../access/require-board-role";
import { demandKey } from "../demands/demand-view";
import { boardServiceLevel } from "../insights/board-service-level";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { secondsOrNull } from "../metrics/summary-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (at: EpochMs | Date) => new Date(at).toISOString();

/**
 * The card's journey: every stage it entered (when, by whom, how long it
 * stayed), its blocked periods, lane and owner changes and archiving, from
 * the transition log; the criteria ticked on it; the commits, merges,
 * deploys and releases naming it. Ordered by time (entries at the same
 * instant: log entries, then ticks, then pipeline events). With its delivery
 * and development cycle times against the 2-1-1 targets and, while it is in
 * progress, its age against the board's SLE as of `now`.
 */
export async function getDemandHistory(
  db: Db,
  userId: string,
  demandId: string,
  now = new Date(),
): Promise<TDemandHistory> {
  const { boardId, boardKey } = await requireDemandAccess(db, userId, demandId, "viewer");
  const [demand, log, checks, codeLinks, stages, lanes, board] = await Promise.all([
    db.demand.findUniqueOrThrow({
      where: { id: demandId },
      select: { number: true, type: true, laneId: true },
    }),
    db.transition.findMany({
      where: { demandId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: {
        at: true,
        kind: true,
        fromStageId: true,
        toStageId: true,
        fromLaneId: true,
        toLaneId: true,
        actorId: true,
        note: true,
      },
    }),
    db.criterionCheck.findMany({
      where: { demandId },
      orderBy: { checkedAt: "asc" },
      select: {
        checkedAt: true,
        checkedById: true,
        criterion: { select: { id: true, text: true, phase: true, stage: { select: { name: true } } } },
      },
    }),
    db.codeEventDemand.findMany({
      where: { demandId },
      select: {
        codeEvent: {
          select: { kind: true, sha: true, message: true, repository: true, environment: true, at: true },
        },
      },
    }),
    db.stage.findMany({
      where: { boardId },
      select: { id: true, name: true, position: true, kind: true, boundary: true },
    }),
    db.lane.findMany({ where: { boardId }, select: { id: true, name: true } }),
    cachedBoardHistory(db, boardId),
  ]);

  const { expectation, timeBasis } = boardServiceLevel(board.flow, board.settings, epochMs(now.getTime()));
  const rows = log.map((row) => ({ ...row, at: epochMs(row.at.getTime()) }));
  const steps = demandJourney(rows, timeBasis);
  const people = await namesOf(db, [
    ...steps.flatMap((step) => [step.actorId, step.kind === "owner" ? step.ownerId : null]),
    ...steps.map((step) => (step.kind === "blocked" ? step.unblockedById : null)),
    ...checks.map((check) => check.checkedById),
  ]);
  const person = (id: string | null) => (id === null ? null : (people.get(id) ?? null));
  const stageName = (id: string | null) => stages.find((stage) => stage.id === id)?.name ?? "a removed stage";
  const laneName = (id: string) => lanes.find((lane) => lane.id === id)?.name ?? "a removed lane";

  const fromLog = steps.map((step) => journeyEntry(step, { person, stageName, laneName }));
  const ticked: THistoryEntry[] = checks.map((check) => ({
    kind: "criterion",
    at: iso(check.checkedAt),
    by: person(check.checkedById),
    criterionId: check.criterion.id,
    text: check.criterion.text,
    stageName: check.criterion.stage.name,
    phase: check.criterion.phase,
  }));
  const shipped: THistoryEntry[] = codeLinks.map(({ codeEvent: event }) => ({
    kind: "code",
    at: iso(event.at),
    event: event.kind,
    sha: event.sha,
    message: event.message,
    repository: event.repository,
    environment: event.environment,
  }));
  // A stable sort keeps log order, then ticks, then pipeline events at equal instants.
  const entries = [...fromLog, ...ticked, ...shipped].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const summary = demandCycleSummary(
    { id: demandId, type: demand.type, laneId: demand.laneId, events: rows },
    stages,
    epochMs(now.getTime()),
    expectation,
    timeBasis,
  );
  return {
    demandId,
    key: demandKey(boardKey, demand.number),
    entries,
    cycleTimes: {
      timeBasis,
      delivery: {
        seconds: secondsOrNull(summary.delivery),
        targetSeconds: toSeconds(TWO_ONE_ONE_TARGETS.delivery),
      },
      development: {
        seconds: secondsOrNull(summary.development),
        targetSeconds: toSeconds(TWO_ONE_ONE_TARGETS.development),
      },
      age: summary.age && {
        seconds: toSeconds(summary.age.age),
        status: summary.age.status,
        p50Seconds: secondsOrNull(expectation.p50),
        sleSeconds: secondsOrNull(expectation.p85),
      },
    },
  };
}

interface Namer {
  person: (id: string | null) => { id: string; name: string } | null;
  stageName: (id: string | null) => string;
  laneName: (id: string) => string;
}

function journeyEntry(step: JourneyStep, { person, stageName, laneName }: Namer): THistoryEntry {
  const common = { at: iso(step.at), by: person(step.actorId) };
  switch (step.kind) {
    case "stage":
      return {
        kind: "stage",
        ...common,
        stageId: step.stageId,
        stageName: stageName(step.stageId),
        fromStageName: step.fromStageId === null ? null : stageName(step.fromStageId),
        leftAt: step.leftAt === null ? null : iso(step.leftAt),
        stayedSeconds: secondsOrNull(step.stayed),
      };
    case "lane":
      return { kind: "lane", ...common, laneName: laneName(step.laneId) };
    case "blocked":
      return {
        kind: "blocked",
        ...common,
        reason: step.reason,
        unblockedAt: step.unblockedAt === null ? null : iso(step.unblockedAt),
        unblockedBy: person(step.unblockedById),
        blockedSeconds: secondsOrNull(step.lasted),
      };
    case "archived":
    case "restored":
      return { kind: step.kind, ...common };
    case "owner":
      return { kind: "owner", ...common, owner: person(step.ownerId) };
  }
}

async function namesOf(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, { id: string; name: string }>> {
  // A note written by another install (an imported board) may not be an id at all.
  const wanted = [...new Set(ids.filter((id): id is string => id !== null && UUID.test(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user]));
}
