import {
  boundaryTimes,
  epochMs,
  isInProgressRank,
  orderStages,
  ranksAfter,
  TWO_ONE_ONE_LANES,
} from "@tideway/domain";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/prisma";
import { Prisma } from "../generated/prisma/client";
import { insertBoard } from "../services/boards/create-board";
import { logTransitions } from "../services/demands/log-transitions";
import { TRANSACTION_OPTIONS } from "../services/demands/transaction-options";
import { DEMO_STAGES } from "./demo-board";
import { type DemoDemand, generateDemoHistory } from "./demo-history";

export const DEMO_CREDENTIALS = { email: "demo@tideway.local", password: "tideway-demo" } as const;
export const DEMO_BOARD = { key: "PAY", name: "Payments" } as const;
const DEMO_SEED = 211;
// Writing ~200 demands and their history takes well under a second, but a
// busy machine must not turn the first start into a failure.
const SEED_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;
/** The demo board's stages with their index as id, the way the demo history names them. */
const DEMO_STAGE_ORDER = orderStages(
  DEMO_STAGES.map((stage, index) => ({ ...stage, id: String(index), position: index })),
);

export interface SeededDemo {
  boardId: string;
  boardKey: string;
  demands: number;
  credentials: typeof DEMO_CREDENTIALS;
}

/**
 * Seeds the demo user and board on the first start of an empty database and
 * never again: a database with any user or board is left alone.
 */
export async function seedDemoIfEmpty(db: Db, now = new Date()): Promise<SeededDemo | null> {
  const [users, boards] = await Promise.all([db.user.count(), db.board.count()]);
  if (users > 0 || boards > 0) return null;
  try {
    return await seedDemo(db, now);
  } catch (error) {
    // Another API process starting on the same database got there first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export async function seedDemo(db: Db, now = new Date()): Promise<SeededDemo> {
  const user = await db.user.create({
    data: {
      email: DEMO_CREDENTIALS.email,
      name: "Demo Lead",
      isInstanceAdmin: true,
      passwordHash: await hashPassword(DEMO_CREDENTIALS.password),
    },
  });
  const board = await db.$transaction(
    (tx) => insertBoard(tx, user.id, { ...DEMO_BOARD, stages: DEMO_STAGES, lanes: TWO_ONE_ONE_LANES }),
    TRANSACTION_OPTIONS,
  );
  await writeDemoDemands(db, board, user.id, now);
  return {
    boardId: board.id,
    boardKey: board.key,
    demands: await db.demand.count({ where: { boardId: board.id } }),
    credentials: DEMO_CREDENTIALS,
  };
}

async function writeDemoDemands(
  db: Db,
  board: { id: string; stageIds: string[]; laneIds: string[] },
  actorId: string,
  now: Date,
): Promise<void> {
  const history = generateDemoHistory({
    seed: DEMO_SEED,
    now,
    stageLimits: DEMO_STAGES.map((stage) => (stage.wipPolicy === "hard" ? stage.wipLimit : null)),
    laneLimits: TWO_ONE_ONE_LANES.map((lane) => (lane.wipPolicy === "hard" ? lane.wipLimit : null)),
  });
  const stageId = (index: number) => board.stageIds[index] as string;
  const laneId = (index: number) => board.laneIds[index] as string;

  // Within each cell, the card that entered first sits on top.
  const ranks = new Map<number, string>();
  const cells = new Map<string, typeof history>();
  for (const demand of history) {
    const cell = `${demand.stage}:${demand.lane}`;
    cells.set(cell, [...(cells.get(cell) ?? []), demand]);
  }
  for (const demands of cells.values()) {
    const ordered = [...demands].sort((a, b) => lastEntry(a) - lastEntry(b));
    const keys = ranksAfter(null, ordered.length);
    for (const [index, demand] of ordered.entries()) ranks.set(demand.number, keys[index] as string);
  }

  const criteria = await db.criterion.findMany({
    where: { stage: { boardId: board.id } },
    select: { id: true, phase: true, stage: { select: { position: true } } },
  });

  await db.$transaction(async (tx) => {
    await tx.demand.createMany({
      data: history.map((demand) => ({
        boardId: board.id,
        number: demand.number,
        title: demand.title,
        type: demand.type,
        size: demand.size,
        laneId: laneId(demand.lane),
        stageId: stageId(demand.stage),
        rank: ranks.get(demand.number) as string,
        blocked: demand.blockedReason !== null,
        blockedReason: demand.blockedReason,
        blockedAt: demand.blockedAt,
        ownerId: isInProgressRank(DEMO_STAGE_ORDER, demand.stage) ? actorId : null,
        enteredStageAt: new Date(lastEntry(demand)),
        committedAt: committedAtOf(demand),
        createdAt: demand.events[0]?.at ?? now,
        updatedAt: demand.events.at(-1)?.at ?? now,
      })),
    });
    const rows = await tx.demand.findMany({
      where: { boardId: board.id },
      select: { id: true, number: true },
    });
    const idByNumber = new Map(rows.map((row) => [row.number, row.id]));
    const demandId = (number: number) => idByNumber.get(number) as string;

    for (const demand of history) {
      if (demand.parentNumber !== null) {
        await tx.demand.update({
          where: { id: demandId(demand.number) },
          data: { parentId: demandId(demand.parentNumber) },
        });
      }
    }
    await logTransitions(
      tx,
      board.id,
      history.flatMap((demand) =>
        demand.events.map((event) => ({
          demandId: demandId(demand.number),
          kind: event.kind,
          fromStageId: event.fromStage === null ? null : stageId(event.fromStage),
          toStageId: stageId(event.toStage),
          fromLaneId: event.kind === "created" ? null : laneId(demand.lane),
          toLaneId: laneId(demand.lane),
          at: event.at,
          actorId,
          note: event.note ?? null,
        })),
      ),
    );
    // A demand past a stage met that stage's entry criteria, and its exit
    // criteria once it left; the seed records those checks.
    await tx.criterionCheck.createMany({
      data: history.flatMap((demand) =>
        criteria
          .filter(
            (criterion) =>
              criterion.stage.position < demand.stage ||
              (criterion.stage.position === demand.stage && criterion.phase === "entry"),
          )
          .map((criterion) => ({
            demandId: demandId(demand.number),
            criterionId: criterion.id,
            checkedById: actorId,
          })),
      ),
    });
    await tx.board.update({
      where: { id: board.id },
      data: { nextDemandNumber: history.length + 1, seq: 1 },
    });
  }, SEED_TRANSACTION);
}

function lastEntry(demand: { events: { at: Date; kind: string }[] }): number {
  const moves = demand.events.filter((event) => event.kind === "moved" || event.kind === "created");
  return moves.at(-1)?.at.getTime() ?? 0;
}

/** When the demand passed the commitment point, read from its history as every other writer reads it. */
function committedAtOf(demand: DemoDemand): Date | null {
  const events = demand.events.map((event) => ({
    at: epochMs(event.at.getTime()),
    kind: event.kind,
    toStageId: String(event.toStage),
    fromStageId: event.fromStage === null ? null : String(event.fromStage),
  }));
  const { committedAt } = boundaryTimes(events, DEMO_STAGE_ORDER);
  return committedAt === null ? null : new Date(committedAt);
}
