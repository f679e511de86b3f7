import { randomUUID } from "node:crypto";
import {
  inProgressStageIds,
  type LaneRule,
  limitsCheckedOnMove,
  orderStages,
  rankBetween,
  ranksAfter,
  type StageRule,
  wipVerdict,
} from "@tideway/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../src/errors/app-error";
import { discardEvents } from "../src/services/board-events";
import { moveDemand } from "../src/services/demands/move-demand";
import { MOVE_STATEMENT } from "../src/services/demands/move-statement";
import { statementLog } from "./helpers/statement-log";
import { useTestApp } from "./test-app";

/*
 * The move is one SQL function (prisma/migrations/20261207400000_move_function)
 * that mirrors the domain's rules where they must run inside the statement.
 * These tests hold the mirror to the domain: random boards, limits,
 * boundaries and criteria, the same verdict from both; the same rank keys
 * as fractional-indexing; and one statement per move.
 */

const NOW = new Date("2026-03-04T10:00:00.000Z");

interface StageSpec {
  kind: StageRule["kind"];
  wipLimit: number | null;
  wipPolicy: "hard" | "soft";
  entryCriterion: boolean;
  exitCriterion: boolean;
}

interface BoardSpec {
  stages: StageSpec[];
  /** Indexes (modulo the stage count) of the stages marked commitment and delivered, or null for none. */
  commitment: number | null;
  delivered: number | null;
  lanes: { wipLimit: number | null; wipPolicy: "hard" | "soft" }[];
  demands: { stage: number; lane: number; committed: boolean }[];
  move: { demand: number; toStage: number; toLane: number };
}

const limit = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
const policy = fc.constantFrom("hard" as const, "soft" as const);
const boardSpec: fc.Arbitrary<BoardSpec> = fc.record({
  stages: fc.array(
    fc.record({
      kind: fc.constantFrom("queue" as const, "active" as const, "done" as const),
      wipLimit: limit,
      wipPolicy: policy,
      entryCriterion: fc.boolean(),
      exitCriterion: fc.boolean(),
    }),
    { minLength: 2, maxLength: 6 },
  ),
  commitment: fc.option(fc.nat(), { nil: null }),
  delivered: fc.option(fc.nat(), { nil: null }),
  lanes: fc.array(fc.record({ wipLimit: limit, wipPolicy: policy }), { minLength: 1, maxLength: 2 }),
  demands: fc.array(fc.record({ stage: fc.nat(), lane: fc.nat(), committed: fc.boolean() }), {
    minLength: 1,
    maxLength: 10,
  }),
  move: fc.record({ demand: fc.nat(), toStage: fc.nat(), toLane: fc.nat() }),
});

interface InsertedBoard {
  stages: StageRule[];
  lanes: LaneRule[];
  demandIds: string[];
  /** Required criteria by stage id and phase. */
  criteria: Set<string>;
}

describe("the move statement", () => {
  const ctx = useTestApp();
  let userId: string;
  // Every query of every pg client in this test file (Prisma's adapter included).
  const log = statementLog();
  const { statements } = log;

  beforeAll(async () => {
    userId = randomUUID();
    await ctx.db.$executeRaw`
      INSERT INTO users (id, email, name, password_hash) VALUES (${userId}::uuid, ${`${userId}@example.test`}, 'Mover', 'x')`;
    log.start();
  });
  afterAll(() => log.stop());

  /** Writes the board as the spec says, rows only (no events, no log). */
  async function insertBoard(spec: BoardSpec): Promise<InsertedBoard> {
    const boardId = randomUUID();
    const boundaryAt = (index: number | null) => (index === null ? -1 : index % spec.stages.length);
    const commitment = boundaryAt(spec.commitment);
    const delivered = boundaryAt(spec.delivered);
    const stages: StageRule[] = spec.stages.map((stage, position) => ({
      id: randomUUID(),
      name: `Stage ${position}`,
      position,
      kind: stage.kind,
      wipLimit: stage.wipLimit,
      wipPolicy: stage.wipPolicy,
      boundary: position === commitment ? "commitment" : position === delivered ? "delivered" : null,
    }));
    const lanes: LaneRule[] = spec.lanes.map((lane, position) => ({
      id: randomUUID(),
      name: `Lane ${position}`,
      ...lane,
    }));
    const placed = spec.demands.map((demand) => ({
      id: randomUUID(),
      stage: stages[demand.stage % stages.length] as StageRule,
      lane: lanes[demand.lane % lanes.length] as LaneRule,
      committed: demand.committed,
    }));
    const ranks = ranksAfter(null, placed.length);
    await ctx.db.$executeRaw`
      INSERT INTO boards (id, key, name) VALUES (${boardId}::uuid, ${`P${boardId.slice(0, 8).toUpperCase()}`}, 'Property')`;
    await ctx.db.$executeRaw`
      INSERT INTO board_members (board_id, user_id, role) VALUES (${boardId}::uuid, ${userId}::uuid, 'member')`;
    await ctx.db.$executeRaw`
      INSERT INTO stages (id, board_id, name, position, kind, wip_limit, wip_policy, boundary)
      SELECT id, ${boardId}::uuid, name, position, kind::"StageKind", wip_limit, wip_policy::"WipPolicy",
        boundary::"FlowBoundary"
      FROM unnest(${stages.map((s) => s.id)}::uuid[], ${stages.map((s) => s.name)}::text[],
        ${stages.map((s) => s.position)}::int[], ${stages.map((s) => s.kind)}::text[],
        ${stages.map((s) => s.wipLimit)}::int[], ${stages.map((s) => s.wipPolicy)}::text[],
        ${stages.map((s) => s.boundary)}::text[]) AS t(id, name, position, kind, wip_limit, wip_policy, boundary)`;
    await ctx.db.$executeRaw`
      INSERT INTO lanes (id, board_id, name, position, wip_limit, wip_policy)
      SELECT id, ${boardId}::uuid, name, position - 1, wip_limit, wip_policy::"WipPolicy"
      FROM unnest(${lanes.map((l) => l.id)}::uuid[], ${lanes.map((l) => l.name)}::text[],
        ${lanes.map((l) => l.wipLimit)}::int[], ${lanes.map((l) => l.wipPolicy)}::text[])
        WITH ORDINALITY AS t(id, name, wip_limit, wip_policy, position)`;
    await ctx.db.$executeRaw`
      INSERT INTO demands (id, board_id, number, title, stage_id, lane_id, rank, committed_at)
      SELECT id, ${boardId}::uuid, number, 'Demand', stage_id, lane_id, rank,
        CASE WHEN committed THEN ${NOW}::timestamptz - interval '1 day' END
      FROM unnest(${placed.map((d) => d.id)}::uuid[], ${placed.map((d) => d.stage.id)}::uuid[],
        ${placed.map((d) => d.lane.id)}::uuid[], ${ranks}::text[], ${placed.map((d) => d.committed)}::bool[])
        WITH ORDINALITY AS t(id, stage_id, lane_id, rank, committed, number)`;
    const criteria = new Set<string>();
    for (const [index, stage] of spec.stages.entries()) {
      const stageId = (stages[index] as StageRule).id;
      for (const phase of ["entry", "exit"] as const) {
        if (!(phase === "entry" ? stage.entryCriterion : stage.exitCriterion)) continue;
        criteria.add(`${stageId}/${phase}`);
        await ctx.db.$executeRaw`
          INSERT INTO criteria (stage_id, text, phase, required)
          VALUES (${stageId}::uuid, ${`Ready for ${phase}`}, ${phase}::"CriterionPhase", true)`;
      }
    }
    return { stages, lanes, demandIds: placed.map((d) => d.id), criteria };
  }

  /** What the domain's rules say of the spec's move, in the order the move checks them. */
  function domainVerdict(spec: BoardSpec, board: InsertedBoard) {
    const { stages, lanes } = board;
    const stageOf = (demand: BoardSpec["demands"][number]) =>
      stages[demand.stage % stages.length] as StageRule;
    const laneOf = (demand: BoardSpec["demands"][number]) => lanes[demand.lane % lanes.length] as LaneRule;
    const moverIndex = spec.move.demand % spec.demands.length;
    const mover = spec.demands[moverIndex] as BoardSpec["demands"][number];
    const from = stageOf(mover);
    const to = stages[spec.move.toStage % stages.length] as StageRule;
    const toLane = lanes[spec.move.toLane % lanes.length] as LaneRule;
    const checked = limitsCheckedOnMove(
      { from, to, fromLaneId: laneOf(mover).id, toLaneId: toLane.id },
      stages,
    );
    const others = spec.demands.filter((_, index) => index !== moverIndex);
    const stageVerdict =
      checked.stage && to.wipLimit !== null
        ? wipVerdict(to, spec.demands.filter((demand) => stageOf(demand).id === to.id).length)
        : ({ outcome: "within" } as const);
    const inProgress = new Set(inProgressStageIds(stages));
    const laneVerdict =
      checked.lane && toLane.wipLimit !== null
        ? wipVerdict(
            toLane,
            others.filter((demand) => laneOf(demand).id === toLane.id && inProgress.has(stageOf(demand).id))
              .length,
            "lane",
          )
        : ({ outcome: "within" } as const);
    if (stageVerdict.outcome === "refused")
      return { refused: "WIP_LIMIT_REACHED", message: stageVerdict.message };
    if (laneVerdict.outcome === "refused")
      return { refused: "WIP_LIMIT_REACHED", message: laneVerdict.message };
    if (from.id !== to.id) {
      if (to.position > from.position && board.criteria.has(`${from.id}/exit`))
        return { refused: "EXIT_CRITERIA_UNMET" };
      if (board.criteria.has(`${to.id}/entry`)) return { refused: "ENTRY_CRITERIA_UNMET" };
    }
    const order = orderStages(stages);
    const reachesCommitment =
      order.commitment !== null && (order.rankOf.get(to.id) ?? -1) >= order.commitment;
    return {
      overWip: stageVerdict.outcome === "over-soft-limit" || laneVerdict.outcome === "over-soft-limit",
      committed: mover.committed || reachesCommitment,
      demandId: board.demandIds[moverIndex] as string,
      toStageId: to.id,
      toLaneId: toLane.id,
    };
  }

  it("agrees with the domain's WIP, criteria and commitment rules on random boards (property)", async () => {
    await fc.assert(
      fc.asyncProperty(boardSpec, async (spec) => {
        const board = await insertBoard(spec);
        const expected = domainVerdict(spec, board);
        const moverIndex = spec.move.demand % spec.demands.length;
        const demandId = board.demandIds[moverIndex] as string;
        const before = await ctx.db.demand.findUniqueOrThrow({ where: { id: demandId } });
        const input = {
          toStageId: (board.stages[spec.move.toStage % board.stages.length] as StageRule).id,
          toLaneId: (board.lanes[spec.move.toLane % board.lanes.length] as LaneRule).id,
        };
        const outcome = await moveDemand(
          { db: ctx.db, events: discardEvents },
          userId,
          demandId,
          input,
          NOW,
        ).catch((error: unknown) => {
          if (error instanceof AppError) return error;
          throw error;
        });
        if ("refused" in expected) {
          expect(outcome).toBeInstanceOf(AppError);
          const error = outcome as AppError;
          expect(error.code).toBe(expected.refused);
          if (expected.message) expect(error.message).toBe(expected.message);
          // A refusal changes nothing.
          const after = await ctx.db.demand.findUniqueOrThrow({ where: { id: demandId } });
          expect(after.version).toBe(before.version);
          expect(await ctx.db.transition.count({ where: { demandId } })).toBe(0);
          return;
        }
        expect(outcome).not.toBeInstanceOf(AppError);
        const result = outcome as Exclude<typeof outcome, AppError>;
        expect(result.overWip).toBe(expected.overWip);
        expect(result.demand.committedAt !== null).toBe(expected.committed);
        expect([result.demand.stageId, result.demand.laneId]).toEqual([
          expected.toStageId,
          expected.toLaneId,
        ]);
      }),
      { numRuns: 40 },
    );
  });

  it("makes the same rank keys as fractional-indexing (property)", async () => {
    // A cell's keys after random insertions: at the end, at the start, or between two neighbours.
    const insertions = fc.array(fc.oneof(fc.constant(-1), fc.constant(-2), fc.nat()), {
      minLength: 50,
      maxLength: 300,
    });
    await fc.assert(
      fc.asyncProperty(insertions, async (places) => {
        const keys: string[] = [];
        const pairs: [string | null, string | null][] = [];
        for (const place of places) {
          const at = place === -1 ? keys.length : place === -2 ? 0 : place % (keys.length + 1);
          const pair: [string | null, string | null] = [keys[at - 1] ?? null, keys[at] ?? null];
          pairs.push(pair);
          keys.splice(at, 0, rankBetween(...pair));
        }
        const rows = await ctx.db.$queryRaw<{ key: string }[]>`
          SELECT tideway_rank_between(a, b) AS key
          FROM unnest(${pairs.map(([a]) => a)}::text[], ${pairs.map(([, b]) => b)}::text[]) WITH ORDINALITY AS t(a, b, n)
          ORDER BY n`;
        expect(rows.map((row) => row.key)).toEqual(pairs.map((pair) => rankBetween(...pair)));
      }),
      { numRuns: 10 },
    );
  });

  it("sends one statement to PostgreSQL per move, and one per refusal, with no BEGIN or COMMIT", async () => {
    const board = await insertBoard({
      stages: [
        { kind: "queue", wipLimit: null, wipPolicy: "hard", entryCriterion: false, exitCriterion: false },
        { kind: "active", wipLimit: 1, wipPolicy: "hard", entryCriterion: false, exitCriterion: false },
      ],
      commitment: 1,
      delivered: null,
      lanes: [{ wipLimit: null, wipPolicy: "hard" }],
      demands: [
        { stage: 0, lane: 0, committed: false },
        { stage: 0, lane: 0, committed: false },
      ],
      move: { demand: 0, toStage: 1, toLane: 0 },
    });
    const [first, second] = board.demandIds as [string, string];
    const toStageId = (board.stages[1] as StageRule).id;
    const deps = { db: ctx.db, events: discardEvents };
    // The pool's first connection runs its session set-up once; open it before counting.
    await ctx.db.$queryRaw`SELECT 1`;

    statements.length = 0;
    const moved = await moveDemand(deps, userId, first, { toStageId, idempotencyKey: randomUUID() }, NOW);
    expect(moved.demand.stageId).toBe(toStageId);
    expect(statements).toEqual([MOVE_STATEMENT]);

    statements.length = 0;
    const refused = await moveDemand(deps, userId, second, { toStageId }, NOW).catch(
      (error: unknown) => error,
    );
    expect((refused as AppError).code).toBe("WIP_LIMIT_REACHED");
    expect(statements).toEqual([MOVE_STATEMENT]);
  });
});
