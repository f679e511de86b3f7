import type { TBoard, TDemand, TMoveResult } from "@tideway/contracts";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

describe("moving a demand", () => {
  const ctx = useTestApp();
  let lead: Client;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
  });

  const move = (demandId: string, body: Record<string, unknown>, client = lead) =>
    client.request({ method: "POST", url: `/api/demands/${demandId}/move`, payload: body });

  const transitionsOf = (demandId: string, kind = "moved") =>
    ctx.db.transition.count({ where: { demandId, kind: kind as "moved" } });

  async function checkAll(demand: TDemand, board: TBoard, stageId: string, phase: "entry" | "exit") {
    for (const criterion of board.criteria.filter((c) => c.stageId === stageId && c.phase === phase)) {
      const response = await lead.request({
        method: "PUT",
        url: `/api/demands/${demand.id}/checks/${criterion.id}`,
        payload: { checked: true },
      });
      expect(response.statusCode).toBe(200);
    }
  }

  /** A board whose "Doing" stage has the given limit and no criteria. */
  async function boardWithLimit(limit: number, policy: "hard" | "soft"): Promise<TBoard> {
    const response = await lead.request({
      method: "POST",
      url: "/api/boards",
      payload: {
        name: "Limits",
        key: `L${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        template: "empty",
      },
    });
    const board = response.json() as TBoard;
    await ctx.db.stage.update({
      where: { id: stageNamed(board, "Doing").id },
      data: { wipLimit: limit, wipPolicy: policy },
    });
    return board;
  }

  const setArchived = (demandId: string, archived: boolean) =>
    lead.request({ method: "PATCH", url: `/api/demands/${demandId}`, payload: { archived } });

  it("[F6] restores an archived demand only past the same WIP checks as a move", async () => {
    const full = await boardWithLimit(2, "hard");
    const doing = stageNamed(full, "Doing").id;
    const first = await addDemand(lead, full, { stageId: doing });
    await addDemand(lead, full, { stageId: doing });
    expect((await setArchived(first.id, true)).statusCode).toBe(200);
    await addDemand(lead, full, { stageId: doing });

    const refused = await setArchived(first.id, false);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "WIP_LIMIT_REACHED",
      details: { stageId: doing, limit: 2 },
    });
    expect(await ctx.db.demand.count({ where: { stageId: doing, archivedAt: null } })).toBe(2);
    expect(await transitionsOf(first.id, "restored")).toBe(0);

    const soft = await boardWithLimit(1, "soft");
    const softDoing = stageNamed(soft, "Doing").id;
    const archived = await addDemand(lead, soft, { stageId: softDoing });
    expect((await setArchived(archived.id, true)).statusCode).toBe(200);
    await addDemand(lead, soft, { stageId: softDoing });
    expect((await setArchived(archived.id, false)).statusCode).toBe(200);
    const restored = await ctx.db.transition.findFirstOrThrow({
      where: { demandId: archived.id, kind: "restored" },
    });
    expect(restored.overWip).toBe(true);
  });

  it("refuses entering a stage with unmet entry criteria, listing them, then lets the demand in once ticked", async () => {
    const board = await createBoard(lead);
    const design = stageNamed(board, "Design");
    const demand = await addDemand(lead, board);

    const refused = await move(demand.id, { toStageId: design.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: "ENTRY_CRITERIA_UNMET",
      message: "Design needs: user flow known, demand small enough to deliver in two weeks.",
      details: {
        stageId: design.id,
        unmet: [expect.objectContaining({ text: "User flow known" }), expect.anything()],
      },
    });
    expect(await transitionsOf(demand.id)).toBe(0);

    await checkAll(demand, board, design.id, "entry");
    const moved = await move(demand.id, { toStageId: design.id });
    expect(moved.statusCode).toBe(200);
    const result = moved.json() as TMoveResult;
    expect(result.demand).toMatchObject({ stageId: design.id, key: `${board.key}-1` });
    expect(result.demand.committedAt).not.toBeNull();
    expect(result.seq).toBeGreaterThan(board.seq);
    expect(await transitionsOf(demand.id)).toBe(1);
  });

  it("refuses leaving a stage forward with unmet exit criteria but allows sending work back", async () => {
    const board = await createBoard(lead);
    const development = stageNamed(board, "Development");
    const demand = await addDemand(lead, board, { stageId: development.id });

    const forward = await move(demand.id, { toStageId: stageNamed(board, "Testing").id });
    expect(forward.statusCode).toBe(409);
    expect(forward.json()).toMatchObject({
      code: "EXIT_CRITERIA_UNMET",
      message: "Before leaving Development: code reviewed.",
    });

    const back = await move(demand.id, { toStageId: stageNamed(board, "Selection").id });
    expect(back.statusCode).toBe(200);
  });

  it("keeps a full hard-limited stage full: 50 concurrent moves into a limit of 3 let exactly 3 in", async () => {
    const board = await boardWithLimit(3, "hard");
    const doing = stageNamed(board, "Doing");
    const demands = await Promise.all(Array.from({ length: 50 }, () => addDemand(lead, board)));

    const responses = await Promise.all(demands.map((demand) => move(demand.id, { toStageId: doing.id })));
    const ok = responses.filter((r) => r.statusCode === 200);
    const refused = responses.filter((r) => r.statusCode !== 200);
    expect(ok).toHaveLength(3);
    expect(refused.map((r) => [r.statusCode, (r.json() as { code: string }).code])).toEqual(
      Array(47).fill([409, "WIP_LIMIT_REACHED"]),
    );
    expect(refused[0]?.json()).toMatchObject({ message: "Doing is at its WIP limit of 3." });
    expect(await ctx.db.demand.count({ where: { stageId: doing.id } })).toBe(3);
    expect(await ctx.db.transition.count({ where: { boardId: board.id, kind: "moved" } })).toBe(3);
  });

  it("lets a soft-limited stage overflow and logs the move as over the limit", async () => {
    const board = await boardWithLimit(1, "soft");
    const doing = stageNamed(board, "Doing");
    const [first, second] = await Promise.all([addDemand(lead, board), addDemand(lead, board)]);
    if (!first || !second) throw new Error("setup");
    expect(((await move(first.id, { toStageId: doing.id })).json() as TMoveResult).overWip).toBe(false);
    const over = (await move(second.id, { toStageId: doing.id })).json() as TMoveResult;
    expect(over.overWip).toBe(true);
    const logged = await ctx.db.transition.findFirstOrThrow({
      where: { demandId: second.id, kind: "moved" },
    });
    expect(logged.overWip).toBe(true);
  });

  it("holds a lane's limit on work in progress (Expedite: one at a time)", async () => {
    const board = await createBoard(lead);
    const expedite = laneNamed(board, "Expedite");
    const development = stageNamed(board, "Development");
    await addDemand(lead, board, { stageId: development.id, laneId: expedite.id });
    const second = await addDemand(lead, board, { stageId: development.id });
    const refused = await move(second.id, { toStageId: development.id, toLaneId: expedite.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "WIP_LIMIT_REACHED",
      message: "The Expedite lane is at its WIP limit of 1.",
    });
  });

  it("answers a retried request with the same idempotency key once, with one Transition", async () => {
    const board = await boardWithLimit(10, "hard");
    const demand = await addDemand(lead, board);
    const body = { toStageId: stageNamed(board, "Doing").id, idempotencyKey: "retry-1" };
    const [first, second] = await Promise.all([move(demand.id, body), move(demand.id, body)]);
    const third = await move(demand.id, body);
    expect(first.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(third.json()).toEqual(first.json());
    expect(await transitionsOf(demand.id)).toBe(1);
    const stored = await ctx.db.demand.findUniqueOrThrow({ where: { id: demand.id } });
    expect(stored.version).toBe(demand.version + 1);
  });

  it("answers with the demand exactly as the board shows it afterwards, and logs the move", async () => {
    const board = await createBoard(lead);
    const design = stageNamed(board, "Design");
    const demand = await addDemand(lead, board, { size: "M", description: "Pay by invoice", type: "chore" });
    const links = [{ title: "Spec", url: "https://example.com/spec" }];
    const edited = await lead.request({
      method: "PATCH",
      url: `/api/demands/${demand.id}`,
      payload: { links },
    });
    expect(edited.statusCode).toBe(200);
    await checkAll(demand, board, design.id, "entry");

    const moved = await move(demand.id, { toStageId: design.id, toLaneId: laneNamed(board, "Standard").id });
    expect(moved.statusCode).toBe(200);
    const answer = moved.json() as TMoveResult;
    const shown = (await lead.request({ method: "GET", url: `/api/boards/${board.id}` })).json() as TBoard;
    expect(answer.demand).toEqual(shown.demands.find((d) => d.id === demand.id));
    expect(answer.demand).toMatchObject({ stageId: design.id, links, size: "M", type: "chore" });
    expect(answer.demand.checkedCriterionIds).toHaveLength(2);
    expect(answer.demand.committedAt).toBe(answer.demand.enteredStageAt);
    const logged = await ctx.db.transition.findFirstOrThrow({
      where: { demandId: demand.id, kind: "moved" },
    });
    expect(logged).toMatchObject({ id: BigInt(answer.transitionId), toStageId: design.id, overWip: false });
    expect(logged.at.toISOString()).toBe(answer.demand.enteredStageAt);
  });

  it("refuses a stale expectedVersion with VERSION_CONFLICT and changes nothing", async () => {
    const board = await boardWithLimit(10, "hard");
    const demand = await addDemand(lead, board);
    const doing = stageNamed(board, "Doing");
    expect((await move(demand.id, { toStageId: doing.id, expectedVersion: demand.version })).statusCode).toBe(
      200,
    );
    const before = await ctx.db.demand.findUniqueOrThrow({ where: { id: demand.id } });

    const stale = await move(demand.id, {
      toStageId: stageNamed(board, "To do").id,
      expectedVersion: demand.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: "VERSION_CONFLICT",
      details: { currentVersion: demand.version + 1 },
    });
    expect(await ctx.db.demand.findUniqueOrThrow({ where: { id: demand.id } })).toEqual(before);
    expect(await transitionsOf(demand.id)).toBe(1);
  });

  it("orders a cell by rank: before and after a neighbour, without renumbering", async () => {
    const board = await boardWithLimit(10, "hard");
    const [a, b, c] = await Promise.all([
      addDemand(lead, board),
      addDemand(lead, board),
      addDemand(lead, board),
    ]);
    if (!a || !b || !c) throw new Error("setup");
    const toDo = stageNamed(board, "To do").id;
    await move(c.id, { toStageId: toDo, beforeId: a.id });
    await move(b.id, { toStageId: toDo, afterId: c.id });
    const order = await ctx.db.demand.findMany({ where: { boardId: board.id }, orderBy: { rank: "asc" } });
    expect(order.map((d) => d.id)).toEqual([c.id, b.id, a.id]);
    // Reordering inside a cell is not a stage or lane change: nothing is logged.
    expect(await ctx.db.transition.count({ where: { boardId: board.id, kind: "moved" } })).toBe(0);
    expect((await ctx.db.demand.findUniqueOrThrow({ where: { id: a.id } })).rank).toBe(a.rank);
  });

  it("refuses a stage of another board as a validation error", async () => {
    const [board, other] = await Promise.all([createBoard(lead), createBoard(lead)]);
    const demand = await addDemand(lead, board);
    const response = await move(demand.id, { toStageId: stageNamed(other, "Design").id });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ message: "body.toStageId: is not a stage of this board" });
  });

  it("keeps its invariants over random interleavings of concurrent moves (property)", async () => {
    const board = await boardWithLimit(2, "hard");
    const stages = board.stages;
    const demands = await Promise.all(Array.from({ length: 8 }, () => addDemand(lead, board)));
    const doing = stageNamed(board, "Doing");

    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.record({ demand: fc.nat(demands.length - 1), stage: fc.nat(stages.length - 1) }), {
            minLength: 1,
            maxLength: 6,
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (batches) => {
          const transitionsBefore = await ctx.db.transition.count({
            where: { boardId: board.id, kind: "moved" },
          });
          let changes = 0;
          for (const batch of batches) {
            const before = new Map(
              (await ctx.db.demand.findMany({ where: { boardId: board.id } })).map((d) => [d.id, d.stageId]),
            );
            const responses = await Promise.all(
              batch.map(({ demand, stage }) =>
                move((demands[demand] as TDemand).id, {
                  toStageId: (stages[stage] as TBoard["stages"][0]).id,
                }),
              ),
            );
            for (const response of responses) {
              if (response.statusCode === 200) {
                const result = response.json() as TMoveResult;
                if (result.transitionId !== "") changes += 1;
              } else {
                expect(response.statusCode).toBe(409);
                expect(response.json()).toMatchObject({ code: "WIP_LIMIT_REACHED" });
              }
            }
            expect(await ctx.db.demand.count({ where: { stageId: doing.id } })).toBeLessThanOrEqual(2);
            expect(before.size).toBe(demands.length);
          }
          const transitionsAfter = await ctx.db.transition.count({
            where: { boardId: board.id, kind: "moved" },
          });
          expect(transitionsAfter - transitionsBefore).toBe(changes);
        },
      ),
      { numRuns: 15 },
    );
  });
});
