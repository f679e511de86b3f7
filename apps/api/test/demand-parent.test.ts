import type { TBoard, TBoardExport, TDemand } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

/**
 * "A defect cannot be a parent": the card's form offers only non-defects as a
 * defect's demand, and the server refuses the same on every path that links
 * a parent (a new demand, an edit, a type change, a board import).
 */
describe("a defect is never a parent", () => {
  const ctx = useTestApp();
  let lead: Client;
  let board: TBoard;
  let feature: TDemand;
  let defect: TDemand;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "parent-lead");
    board = await createBoard(lead, "Parents");
    feature = await addDemand(lead, board, { title: "Card payments", type: "feature" });
    defect = await addDemand(lead, board, { title: "Totals wrong", type: "defect", parentId: feature.id });
  });

  const edit = (demandId: string, payload: Record<string, unknown>) =>
    lead.request({ method: "PATCH", url: `/api/demands/${demandId}`, payload });

  const expectRefusal = (
    response: { statusCode: number; body: string; json: () => unknown },
    field: string,
    sentence: RegExp,
  ) => {
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { issues: [{ field: `body.${field}`, message: expect.stringMatching(sentence) }] },
    });
  };

  it("refuses a new demand whose parent is a defect", async () => {
    const response = await lead.request({
      method: "POST",
      url: `/api/boards/${board.id}/demands`,
      payload: { title: "Follow-up", type: "defect", parentId: defect.id },
    });
    expectRefusal(response, "parentId", /^a defect cannot be a parent/);
    expect(await ctx.db.demand.count({ where: { boardId: board.id, title: "Follow-up" } })).toBe(0);
  });

  it("refuses an edit that makes a defect the parent, and keeps the demand as it was", async () => {
    const other = await addDemand(lead, board, { title: "Another defect", type: "defect" });
    const response = await edit(other.id, { parentId: defect.id });
    expectRefusal(response, "parentId", /^a defect cannot be a parent/);
    const stored = await ctx.db.demand.findUniqueOrThrow({ where: { id: other.id } });
    expect(stored).toMatchObject({ parentId: null, version: other.version });
  });

  it("refuses turning a demand with defects linked to it into a defect", async () => {
    const response = await edit(feature.id, { type: "defect" });
    expectRefusal(response, "type", /^a demand with 1 demand linked to it cannot become a defect/);
    expect((await ctx.db.demand.findUniqueOrThrow({ where: { id: feature.id } })).type).toBe("feature");
    // A demand nobody points to may change type freely.
    const lone = await addDemand(lead, board, { title: "Lone", type: "feature" });
    expect((await edit(lone.id, { type: "defect" })).statusCode).toBe(200);
  });

  it("refuses a board import that makes a defect a parent, naming the link", async () => {
    const exported = await lead.request({ method: "GET", url: `/api/boards/${board.id}/export` });
    expect(exported.statusCode).toBe(200);
    const doc = exported.json() as TBoardExport;
    const child = doc.demands.findIndex((demand) => demand.title === "Lone");
    const parent = doc.demands.find((demand) => demand.title === "Totals wrong");
    (doc.demands[child] as { parentId: string | null }).parentId = parent?.id ?? null;
    const response = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=PARENTS",
      payload: doc,
    });
    expectRefusal(response, `demands.${child}.parentId`, /^a defect cannot be a parent/);
    expect(await ctx.db.board.count({ where: { key: "PARENTS" } })).toBe(0);
  });
});
