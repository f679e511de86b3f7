import type {
  TBoard,
  TBoardChildren,
  TImportPortfolioResult,
  TPortfolio,
  TPortfolioExport,
  TPortfolioMetrics,
} from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard, laneNamed } from "./helpers/board";
import { addTeamBoard, at, createPortfolio, teamPath } from "./helpers/portfolio";
import { type Client, createClient } from "./helpers/session";
import { logDemand } from "./helpers/transition-log";
import { useTestApp } from "./test-app";

const ctx = useTestApp();
const WINDOW = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

/** A portfolio whose numbers come from a real history, and whose parent links cross boards. */
describe("portfolio export and import", () => {
  let lead: Client;
  let original: TPortfolio;
  let business: TBoard;
  let payments: TBoard;
  let mobile: TBoard;
  let exported: TPortfolioExport;
  let imported: TImportPortfolioResult;

  const get = async <T>(client: Client, url: string): Promise<T> => {
    const response = await client.request({ method: "GET", url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };
  const importDocument = (client: Client, document: unknown, query = "keySuffix=C") =>
    client.request({ method: "POST", url: `/api/portfolios/import?${query}`, payload: document as object });

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    const created = await createPortfolio(lead, "Retail");
    original = created.portfolio;
    business = created.business;
    payments = await createBoard(lead, "Payments");
    mobile = await createBoard(lead, "Mobile");
    await addTeamBoard(lead, original.id, payments.id);
    await addTeamBoard(lead, original.id, mobile.id);

    const log = (board: TBoard, title: string, path: Parameters<typeof logDemand>[3]) =>
      logDemand(ctx.app.db, board, laneNamed(board, "Standard").id, path, title);
    const payByPhone = await log(business, "Pay by phone", [
      ["Selection", at("2026-03-01T00:00:00")],
      ["Analysis", at("2026-03-01T12:00:00")],
      ["In delivery", at("2026-03-02T12:00:00")],
    ]);
    const loans = await log(business, "Instant loans", [
      ["Selection", at("2026-03-01T00:00:00")],
      ["Analysis", at("2026-03-05T08:00:00")],
      ["In delivery", at("2026-03-06T08:00:00")],
      ["Acceptance", at("2026-03-20T09:00:00")],
      ["Released", at("2026-03-22T09:30:15")],
    ]);
    const [tokens, button, calculator] = [
      await log(
        payments,
        "Card tokens",
        teamPath("2026-03-02T09:15:07", "2026-03-03T10:00:00", "2026-03-05T12:30:45", "2026-03-05T13:10:00"),
      ),
      await log(
        mobile,
        "Pay button",
        teamPath("2026-03-03T10:00:00", "2026-03-03T12:00:00", "2026-03-05T12:00:00", "2026-03-05T12:45:30"),
      ),
      await log(
        mobile,
        "Loan calculator",
        teamPath("2026-03-10T09:00:00", "2026-03-11T09:00:00", "2026-03-14T09:00:00", "2026-03-14T09:20:00"),
      ),
    ];
    // A team demand with no parent stays without one.
    await log(payments, "Chargebacks", [["Selection", at("2026-03-02T00:00:00")]]);
    for (const [child, parent] of [
      [tokens, payByPhone],
      [button, payByPhone],
      [calculator, loans],
    ] as const) {
      await ctx.app.db.demand.update({ where: { id: child }, data: { parentId: parent } });
    }
    // And one split the way people do it, through the API (a child with no history yet).
    const split = await lead.request({
      method: "POST",
      url: `/api/demands/${payByPhone}/children`,
      payload: { boardId: payments.id, title: "Refund flow" },
    });
    expect(split.statusCode, split.body).toBe(201);

    exported = await get<TPortfolioExport>(lead, `/api/portfolios/${original.id}/export`);
    const response = await importDocument(lead, exported);
    expect(response.statusCode, response.body).toBe(201);
    imported = response.json() as TImportPortfolioResult;
  });

  it("exports each board as its own export and the cross-board parent links beside them", () => {
    expect(exported.portfolio.name).toBe("Retail");
    expect(exported.businessBoard.board.key).toBe(business.key);
    expect(exported.teamBoards.map((board) => board.board.name)).toEqual(["Payments", "Mobile"]);
    const title = new Map(
      [exported.businessBoard, ...exported.teamBoards].flatMap((board) =>
        board.demands.map((demand) => [demand.id, demand.title] as const),
      ),
    );
    expect(
      exported.parentLinks.map((link) => [title.get(link.childId), title.get(link.parentId)]).sort(),
    ).toEqual([
      ["Card tokens", "Pay by phone"],
      ["Loan calculator", "Instant loans"],
      ["Pay button", "Pay by phone"],
      ["Refund flow", "Pay by phone"],
    ]);
    // The boards' own exports keep only parents on the same board.
    for (const team of exported.teamBoards) {
      for (const demand of team.demands) expect(demand.parentId).toBeNull();
    }
  });

  it("imports a new portfolio with fresh ids, its team boards and every parent link pointed at the new business demands", async () => {
    expect(imported.parentLinks).toBe(4);
    expect(imported.boards.map((board) => [board.key, board.name])).toEqual([
      [`${business.key}C`.slice(0, 10), "Retail"],
      [`${payments.key}C`.slice(0, 10), "Payments"],
      [`${mobile.key}C`.slice(0, 10), "Mobile"],
    ]);
    const copy = await get<TPortfolio>(lead, `/api/portfolios/${imported.portfolioId}`);
    expect(copy).toMatchObject({ name: "Retail", businessBoardId: imported.businessBoardId, role: "admin" });
    expect(copy.boards.map((board) => board.id).sort()).toEqual(
      imported.boards
        .slice(1)
        .map((board) => board.boardId)
        .sort(),
    );
    const allIds = [original.id, business.id, payments.id, mobile.id];
    for (const id of [imported.portfolioId, ...imported.boards.map((board) => board.boardId)]) {
      expect(allIds).not.toContain(id);
    }

    // Every child of the copy hangs from a business demand of the copy, none from the original.
    const newTeamIds = imported.boards.slice(1).map((board) => board.boardId);
    const children = await ctx.app.db.demand.findMany({
      where: { boardId: { in: newTeamIds }, parentId: { not: null } },
      select: { title: true, parent: { select: { title: true, boardId: true } } },
      orderBy: { title: "asc" },
    });
    expect(children.map((child) => [child.title, child.parent?.title, child.parent?.boardId])).toEqual([
      ["Card tokens", "Pay by phone", imported.businessBoardId],
      ["Loan calculator", "Instant loans", imported.businessBoardId],
      ["Pay button", "Pay by phone", imported.businessBoardId],
      ["Refund flow", "Pay by phone", imported.businessBoardId],
    ]);
    // The original keeps its own links.
    expect(
      await ctx.app.db.demand.count({
        where: { parent: { boardId: business.id }, boardId: { not: business.id } },
      }),
    ).toBe(4);
  });

  it("shows the same progress on the copy's business cards and the same numbers on its dashboard", async () => {
    const progressByTitle = async (businessBoardId: string) => {
      const board = await get<TBoard>(lead, `/api/boards/${businessBoardId}`);
      const { demands } = await get<TBoardChildren>(lead, `/api/boards/${businessBoardId}/children`);
      const title = new Map(board.demands.map((demand) => [demand.id, demand.title]));
      return demands
        .map((progress) => ({
          title: title.get(progress.demandId),
          total: progress.total,
          delivered: progress.delivered,
          teams: progress.teams.map((team) => ({
            name: team.name,
            delivered: team.delivered,
            total: team.total,
            children: team.children?.map((child) => [child.title, child.state]),
          })),
        }))
        .sort((a, b) => String(a.title).localeCompare(String(b.title)));
    };
    const before = await progressByTitle(business.id);
    expect(before.map((item) => [item.title, item.delivered, item.total])).toEqual([
      ["Instant loans", 1, 1],
      ["Pay by phone", 2, 3],
    ]);
    expect(await progressByTitle(imported.businessBoardId)).toEqual(before);

    const numbers = async (portfolioId: string) => {
      const metrics = await get<TPortfolioMetrics>(lead, `/api/portfolios/${portfolioId}/metrics?${WINDOW}`);
      return {
        organisation: metrics.organisation,
        business: metrics.business,
        // The copy's boards have new ids and keys; everything measured must be equal.
        teams: metrics.teams.map(({ boardId: _boardId, key: _key, ...team }) => team),
      };
    };
    const originalNumbers = await numbers(original.id);
    // Hand-worked: Card tokens 273293 s and Pay button 182730 s, Loan calculator 346800 s (delivery).
    expect(originalNumbers.organisation.delivery).toMatchObject({ count: 3, p50: 273293, p85: 346800 });
    expect(originalNumbers.business.delivery).toMatchObject({ count: 1, p50: 1474215 });
    expect(await numbers(imported.portfolioId)).toEqual(originalNumbers);
  });

  it("refuses a taken key without importing anything, and a link naming no demand of the document", async () => {
    const portfolios = await ctx.app.db.portfolio.count();
    const boards = await ctx.app.db.board.count();
    const again = await importDocument(lead, exported);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: "BOARD_KEY_TAKEN",
      message: expect.stringContaining(business.key),
    });
    expect(await ctx.app.db.portfolio.count()).toBe(portfolios);
    expect(await ctx.app.db.board.count()).toBe(boards);

    const dangling = {
      ...exported,
      parentLinks: [
        ...exported.parentLinks,
        { childId: "no-such-demand", parentId: exported.parentLinks[0]?.parentId },
      ],
    };
    const refused = await importDocument(lead, dangling, "keySuffix=D");
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("parentLinks.4.childId"),
    });
    expect((await importDocument(lead, exported, "keySuffix=TOOLONG")).statusCode).toBe(400);
  });

  it("lets only a member of every board export, since the document carries every product demand's title", async () => {
    const viewer = await createClient(ctx.app, "viewer");
    await ctx.app.db.boardMember.create({
      data: { boardId: business.id, userId: viewer.userId, role: "viewer" },
    });
    await ctx.app.db.boardMember.create({
      data: { boardId: payments.id, userId: viewer.userId, role: "viewer" },
    });
    const refused = await viewer.request({ method: "GET", url: `/api/portfolios/${original.id}/export` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: "FORBIDDEN",
      message: "Exporting a portfolio takes membership of every board in it; you are not on Mobile.",
    });
    const stranger = await createClient(ctx.app, "stranger");
    expect(
      (await stranger.request({ method: "GET", url: `/api/portfolios/${original.id}/export` })).statusCode,
    ).toBe(404);
  });
});
