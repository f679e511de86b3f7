import { readFileSync } from "node:fs";
import path from "node:path";
import type { TBoard, TDemandImportReport, TDemandImportResult, TMetrics } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

const fixture = (name: string) =>
  readFileSync(path.join(repoRoot, "apps/api/test/fixtures/csv", name), "utf8");

describe("CSV import of demands", () => {
  const ctx = useTestApp();
  let lead: Client;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
  });

  const importCsv = (client: Client, boardId: string, csv: string) =>
    client.request({
      method: "POST",
      url: `/api/boards/${boardId}/demands/import`,
      payload: csv,
      headers: { "content-type": "text/csv" },
    });
  const boardOf = async (boardId: string) =>
    (await lead.request({ method: "GET", url: `/api/boards/${boardId}` })).json() as TBoard;

  it("puts imported demands after the cards already in each cell, in the file's order", async () => {
    const board = await createBoard(lead, "Import order");
    const selection = stageNamed(board, "Selection").id;
    const standard = laneNamed(board, "Standard").id;
    const testing = stageNamed(board, "Testing").id;
    for (const [title, stageId] of [
      ["Already here 1", selection],
      ["Already here 2", selection],
      ["Already testing", testing],
    ] as const) {
      await addDemand(lead, board, { title, stageId, laneId: standard });
    }
    const csv = [
      "title,stage,lane",
      "Imported 1,Selection,Standard",
      "Imported testing,Testing,Standard",
      "Imported 2,Selection,Standard",
    ].join("\n");
    expect((await importCsv(lead, board.id, csv)).statusCode).toBe(201);

    const after = await boardOf(board.id);
    const cellOrder = (stageId: string) =>
      after.demands
        .filter((d) => d.stageId === stageId && d.laneId === standard)
        .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
        .map((d) => d.title);
    expect(cellOrder(selection)).toEqual(["Already here 1", "Already here 2", "Imported 1", "Imported 2"]);
    expect(cellOrder(testing)).toEqual(["Already testing", "Imported testing"]);
  });

  it("imports Tideway's own columns sent as text/csv, each demand with one logged creation", async () => {
    const board = await createBoard(lead, "Tideway CSV");
    const response = await importCsv(lead, board.id, fixture("tideway-demands.csv"));
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as TDemandImportResult;
    expect(result.demands.map((d) => [d.row, d.key, d.title])).toEqual([
      [2, `${board.key}-1`, "Card form"],
      [3, `${board.key}-2`, "Refund bug"],
      [4, `${board.key}-3`, "Ledger export"],
      [5, `${board.key}-4`, "Password reset spike"],
    ]);

    const after = await boardOf(board.id);
    expect(after.seq).toBe(result.seq);
    const byTitle = new Map(after.demands.map((d) => [d.title, d]));
    expect(byTitle.get("Card form")).toMatchObject({
      type: "feature",
      size: "M",
      stageId: stageNamed(board, "Selection").id,
      laneId: laneNamed(board, "Standard").id,
      createdAt: "2026-02-02T09:00:00.000Z",
      description: "Checkout, step 1",
    });
    expect(byTitle.get("Refund bug")).toMatchObject({
      type: "defect",
      stageId: stageNamed(board, "Design").id,
      laneId: laneNamed(board, "Defects").id,
    });
    expect(byTitle.get("Ledger export")).toMatchObject({
      size: "3",
      stageId: stageNamed(board, "Testing").id,
    });
    // Empty cells: a feature in the first stage and the first lane without a limit.
    expect(byTitle.get("Password reset spike")).toMatchObject({
      type: "spike",
      stageId: stageNamed(board, "Selection").id,
      laneId: laneNamed(board, "Standard").id,
    });

    const log = await ctx.db.transition.findMany({ where: { boardId: board.id }, orderBy: { id: "asc" } });
    expect(log.map((t) => [t.kind, t.note, t.actorId])).toEqual(
      [2, 3, 4, 5].map((row) => ["created", `Imported from CSV row ${row}`, lead.userId]),
    );
    // Before the commitment point a demand is created as usual; at or past it, it arrived mid-flow.
    expect(log.map((t) => t.fromStageId)).toEqual([
      null,
      stageNamed(board, "Design").id,
      stageNamed(board, "Testing").id,
      null,
    ]);
  });

  it("does not let work imported mid-flow distort cycle times, while measuring what happens next", async () => {
    const board = await createBoard(lead, "Mid-flow");
    const imported = await importCsv(lead, board.id, "title,stage\nAlmost done elsewhere,Testing\n");
    expect(imported.statusCode, imported.body).toBe(201);
    const [demand] = (imported.json() as TDemandImportResult).demands;
    await ctx.db.criterionCheck.createMany({
      data: board.criteria.map((c) => ({ demandId: demand?.id as string, criterionId: c.id })),
    });
    for (const stage of ["Release", "Done"]) {
      const moved = await lead.request({
        method: "POST",
        url: `/api/demands/${demand?.id}/move`,
        payload: { toStageId: stageNamed(board, stage).id },
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const metrics = (
      await lead.request({ method: "GET", url: `/api/boards/${board.id}/metrics` })
    ).json() as TMetrics;
    // Its commitment happened before the import and is unknown: no delivery or development cycle time
    // (it would otherwise read as seconds), but its Release-to-Done on this board is a release lead time.
    expect(metrics.delivery.count).toBe(0);
    expect(metrics.development.count).toBe(0);
    expect(metrics.release.count).toBe(1);
  });

  it("imports a Jira export: repeated Labels columns, issue types, statuses, points and Jira dates", async () => {
    const board = await createBoard(lead, "From Jira");
    const response = await lead.request({
      method: "POST",
      url: `/api/boards/${board.id}/demands/import`,
      payload: { csv: fixture("jira-export.csv") },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as TDemandImportResult).imported).toBe(5);

    const byTitle = new Map((await boardOf(board.id)).demands.map((d) => [d.title, d]));
    expect(byTitle.get("Pay by card on the checkout page")).toMatchObject({
      type: "feature",
      size: "5",
      stageId: stageNamed(board, "Development").id,
      createdAt: "2024-03-04T09:15:00.000Z",
      description:
        'As a shopper I pay by card, without leaving the page.\n\nAcceptance:\n- card form validates the "expiry" field' +
        "\n\nImported from PAY-101 · Labels: checkout, cards · Priority: High",
    });
    expect(byTitle.get("Refund shows twice in the ledger")).toMatchObject({
      type: "defect",
      stageId: stageNamed(board, "Selection").id,
      createdAt: "2024-03-06T11:47:00.000Z",
    });
    expect(byTitle.get("Upgrade the payment SDK")).toMatchObject({
      type: "chore",
      size: "2",
      stageId: stageNamed(board, "Testing").id,
      createdAt: "2024-02-28T14:05:00.000Z",
    });
    expect(byTitle.get("Monthly statement export")).toMatchObject({
      type: "feature",
      stageId: stageNamed(board, "Done").id,
      description: "Imported from PAY-104 · Labels: reports, exports, finance · Priority: Low",
    });
    expect(byTitle.get("Validate IBAN checksum")).toMatchObject({
      type: "chore",
      stageId: stageNamed(board, "Selection").id,
      createdAt: "2024-03-07T09:00:00.000Z",
    });
  });

  it("imports nothing when one row is bad, and the report names that row, column and value", async () => {
    const board = await createBoard(lead, "One bad row");
    const before = await boardOf(board.id);
    const response = await importCsv(lead, board.id, fixture("one-bad-row.csv"));
    expect(response.statusCode).toBe(400);
    const body = response.json() as { code: string; message: string; details: TDemandImportReport };
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.message).toMatch(/^Nothing was imported: 3 problems in 1 row\. Row 4, type "epic-ish": /);
    expect(body.details.rows).toBe(4);
    expect(body.details.problems.map(({ row, column, value }) => ({ row, column, value }))).toEqual([
      { row: 4, column: "type", value: "epic-ish" },
      { row: 4, column: "size", value: "XXL" },
      { row: 4, column: "createdAt", value: "2026-02-30" },
    ]);
    const after = await boardOf(board.id);
    expect(after.demands).toEqual([]);
    expect(after.seq).toBe(before.seq);
    expect(await ctx.db.transition.count({ where: { boardId: board.id } })).toBe(0);
    // The refused import took no demand numbers either.
    const good = await importCsv(lead, board.id, "title\nAfter the refusal\n");
    expect((good.json() as TDemandImportResult).demands[0]?.key).toBe(`${board.key}-1`);
  });

  it("holds hard WIP limits, counting the board and the rows above", async () => {
    const board = await createBoard(lead, "WIP on import");
    const rows = Array.from({ length: 6 }, (_, index) => `Design work ${index + 1},Design`).join("\n");
    const response = await importCsv(lead, board.id, `title,stage\n${rows}\n`);
    expect(response.statusCode).toBe(400);
    const { problems } = (response.json() as { details: TDemandImportReport }).details;
    expect(problems).toEqual([
      {
        row: 7,
        column: "stage",
        value: "Design",
        message:
          "Design is at its WIP limit of 5. Counting the board and the rows above, this row would go past it.",
      },
    ]);
    expect(await ctx.db.demand.count({ where: { boardId: board.id } })).toBe(0);
  });

  it("imports the largest file allowed, 5,000 rows, in one transaction", async () => {
    const board = await createBoard(lead, "Large file");
    const rows = Array.from(
      { length: 5_000 },
      (_, index) => `"Backlog item ${index + 1}, from the old tool",chore`,
    );
    const response = await importCsv(lead, board.id, `title,type\n${rows.join("\n")}\n`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    expect((response.json() as TDemandImportResult).imported).toBe(5_000);
    expect(await ctx.db.transition.count({ where: { boardId: board.id } })).toBe(5_000);
    const last = await ctx.db.demand.findFirstOrThrow({ where: { boardId: board.id, number: 5_000 } });
    expect(last.title).toBe("Backlog item 5000, from the old tool");
  });

  it("reports a file that is not CSV, an empty body and a file without a title column", async () => {
    const board = await createBoard(lead, "Bad files");
    const unclosed = await importCsv(lead, board.id, 'title,description\nOne,"never closed\n');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().details.problems[0]).toMatchObject({ column: "(file)" });
    const empty = await importCsv(lead, board.id, "   ");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe("body.csv: the file is empty");
    const binary = await importCsv(lead, board.id, "title\nPK\u0003\u0004\u0000\u0000\n");
    expect(binary.statusCode).toBe(400);
    expect(binary.json().message).toMatch(/^body\.csv: the file holds NUL characters/);
    const noTitle = await importCsv(lead, board.id, "name,type\nx,feature\n");
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().details.problems[0]).toMatchObject({ row: 1, column: "(header)" });
  });

  it("lets members import, refuses viewers and hides the board from strangers", async () => {
    const board = await createBoard(lead, "Roles");
    const viewer = await createClient(ctx.app, "viewer");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: viewer.userId, role: "viewer" } });
    expect((await importCsv(viewer, board.id, "title\nx\n")).statusCode).toBe(403);
    const stranger = await createClient(ctx.app, "stranger");
    expect((await importCsv(stranger, board.id, "title\nx\n")).statusCode).toBe(404);
    expect(await ctx.db.demand.count({ where: { boardId: board.id } })).toBe(0);
  });
});
