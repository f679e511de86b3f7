import type { TBoard, TBoardChildren, TDemandChange, TPortfolio } from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import { createBoard, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { addTeamBoard, createPortfolio } from "./helpers/portfolio";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

const ctx = useTestApp();

async function addMember(board: Pick<TBoard, "id">, client: Client, role: "viewer" | "member" | "admin") {
  await ctx.app.db.boardMember.create({ data: { boardId: board.id, userId: client.userId, role } });
}

describe("portfolios", () => {
  it("creates a portfolio with a business board of its own, and lists it for its members only", async () => {
    const lead = await createClient(ctx.app, "lead");
    const stranger = await createClient(ctx.app, "stranger");
    const { portfolio, business } = await createPortfolio(lead, "Retail banking");
    expect(portfolio).toMatchObject({ name: "Retail banking", role: "admin", boards: [] });
    expect(business.stages.map((stage) => [stage.name, stage.boundary])).toEqual([
      ["Selection", null],
      ["Analysis", "commitment"],
      ["In delivery", "development_start"],
      ["Acceptance", "development_end"],
      ["Released", "delivered"],
    ]);

    const listed = await lead.request({ method: "GET", url: "/api/portfolios" });
    expect(listed.json()).toEqual({
      portfolios: [{ id: portfolio.id, name: "Retail banking", businessBoardId: business.id, role: "admin" }],
    });
    expect((await stranger.request({ method: "GET", url: "/api/portfolios" })).json()).toEqual({
      portfolios: [],
    });
    const hidden = await stranger.request({ method: "GET", url: `/api/portfolios/${portfolio.id}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: "NOT_FOUND", message: "Portfolio was not found." });
  });

  it("makes a business board key from the name when none is given", async () => {
    const lead = await createClient(ctx.app, "lead");
    const first = await lead.request({
      method: "POST",
      url: "/api/portfolios",
      payload: { name: "Zeta team-1" },
    });
    const second = await lead.request({
      method: "POST",
      url: "/api/portfolios",
      payload: { name: "Zeta team-1" },
    });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    const keys = [first, second].map((response) => (response.json() as TPortfolio).businessBoardKey);
    expect(keys).toEqual(["ZETATEAM", "ZETATEAM2"]);
    const bad = await lead.request({ method: "POST", url: "/api/portfolios", payload: { name: " " } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("adds a team board only for an admin of both, and a board to one portfolio at most", async () => {
    const lead = await createClient(ctx.app, "lead");
    const teamAdmin = await createClient(ctx.app, "team admin");
    const { portfolio, business } = await createPortfolio(lead);
    const team = await createBoard(teamAdmin, "Payments");

    // The portfolio's admin is not a member of the team board: it does not exist for them.
    const unseen = await lead.request({
      method: "PUT",
      url: `/api/portfolios/${portfolio.id}/boards/${team.id}`,
    });
    expect(unseen.statusCode).toBe(404);
    await addMember(team, lead, "member");
    const notAdmin = await lead.request({
      method: "PUT",
      url: `/api/portfolios/${portfolio.id}/boards/${team.id}`,
    });
    expect(notAdmin.statusCode).toBe(403);
    // The team board's admin is only a member of the portfolio.
    await addMember(business, teamAdmin, "member");
    const memberOnly = await teamAdmin.request({
      method: "PUT",
      url: `/api/portfolios/${portfolio.id}/boards/${team.id}`,
    });
    expect(memberOnly.statusCode).toBe(403);

    await ctx.app.db.boardMember.update({
      where: { boardId_userId: { boardId: team.id, userId: lead.userId } },
      data: { role: "admin" },
    });
    const added = await addTeamBoard(lead, portfolio.id, team.id);
    expect(added.boards).toEqual([{ id: team.id, key: team.key, name: "Payments", member: true }]);
    expect((await addTeamBoard(lead, portfolio.id, team.id)).boards).toHaveLength(1);

    const other = await createPortfolio(lead, "Other");
    const taken = await lead.request({
      method: "PUT",
      url: `/api/portfolios/${other.portfolio.id}/boards/${team.id}`,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: "BOARD_IN_PORTFOLIO" });
    const businessAsTeam = await lead.request({
      method: "PUT",
      url: `/api/portfolios/${other.portfolio.id}/boards/${business.id}`,
    });
    expect(businessAsTeam.statusCode).toBe(409);

    const removed = await lead.request({
      method: "DELETE",
      url: `/api/portfolios/${portfolio.id}/boards/${team.id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as TPortfolio).boards).toEqual([]);
    expect((await addTeamBoard(lead, other.portfolio.id, team.id)).boards).toHaveLength(1);

    const audit = await ctx.app.db.auditEvent.findMany({
      where: { boardId: business.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual(["portfolio.board_added", "portfolio.board_removed"]);
  });
});

describe("business demands split into product demands", () => {
  async function portfolioWithTwoTeams() {
    const lead = await createClient(ctx.app, "lead");
    const { portfolio, business } = await createPortfolio(lead);
    const payments = await createBoard(lead, "Payments");
    const mobile = await createBoard(lead, "Mobile");
    await addTeamBoard(lead, portfolio.id, payments.id);
    await addTeamBoard(lead, portfolio.id, mobile.id);
    const demand = await addDemand(lead, business, { title: "Pay by phone" });
    return { lead, portfolio, business, payments, mobile, demand };
  }

  const split = (client: Client, parentId: string, payload: Record<string, unknown>) =>
    client.request({ method: "POST", url: `/api/demands/${parentId}/children`, payload });

  it("creates a child on a team board with its parent across boards", async () => {
    const { lead, payments, demand } = await portfolioWithTwoTeams();
    const response = await split(lead, demand.id, { boardId: payments.id, title: "Card tokens", size: "M" });
    expect(response.statusCode, response.body).toBe(201);
    const child = (response.json() as TDemandChange).demand;
    expect(child).toMatchObject({ parentId: demand.id, title: "Card tokens", size: "M", type: "feature" });
    expect(child.key).toBe(`${payments.key}-1`);
    expect(child.stageId).toBe(stageNamed(payments, "Selection").id);
  });

  it("refuses a board outside the portfolio, a demand that is not a business demand, and a viewer", async () => {
    const { lead, business, payments, demand } = await portfolioWithTwoTeams();
    const outside = await createBoard(lead, "Outside");
    const wrongBoard = await split(lead, demand.id, { boardId: outside.id, title: "x" });
    expect(wrongBoard.statusCode).toBe(400);
    expect(wrongBoard.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("boardId"),
    });

    const teamDemand = await addDemand(lead, payments);
    const notBusiness = await split(lead, teamDemand.id, { boardId: outside.id, title: "x" });
    expect(notBusiness.statusCode).toBe(409);

    const viewer = await createClient(ctx.app, "viewer");
    await addMember(business, viewer, "viewer");
    await addMember(payments, viewer, "member");
    expect((await split(viewer, demand.id, { boardId: payments.id, title: "x" })).statusCode).toBe(403);
    const member = await createClient(ctx.app, "member");
    await addMember(business, member, "member");
    // Not a member of the team board: it does not exist for them.
    expect((await split(member, demand.id, { boardId: payments.id, title: "x" })).statusCode).toBe(404);
    expect((await split(lead, demand.id, { boardId: payments.id, title: "" })).statusCode).toBe(400);
  });

  it("holds a business demand at the acceptance gate until its children are delivered, unless overridden", async () => {
    const { lead, business, payments, mobile, demand } = await portfolioWithTwoTeams();
    const children: string[] = [];
    for (const [board, title] of [
      [payments, "Card tokens"],
      [payments, "Refunds"],
      [mobile, "Pay button"],
    ] as const) {
      const response = await split(lead, demand.id, { boardId: board.id, title });
      children.push((response.json() as TDemandChange).demand.id);
    }
    const move = (stage: string, acceptanceOverride?: string) =>
      lead.request({
        method: "POST",
        url: `/api/demands/${demand.id}/move`,
        payload: { toStageId: stageNamed(business, stage).id, acceptanceOverride },
      });
    expect((await move("Analysis")).statusCode).toBe(200);
    expect((await move("In delivery")).statusCode).toBe(200);

    // One Payments child delivered (Done is its board's delivered stage).
    await ctx.app.db.demand.update({
      where: { id: children[0] },
      data: { stageId: stageNamed(payments, "Done").id },
    });
    const refused = await move("Acceptance");
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: "CHILDREN_UNDELIVERED",
      message:
        "2 of its 3 product demands are not delivered yet (Mobile: 1, Payments: 1). A member may pass the gate by giving a reason.",
      details: {
        total: 3,
        undelivered: 2,
        teams: [
          { boardId: mobile.id, teamName: "Mobile", undelivered: 1 },
          { boardId: payments.id, teamName: "Payments", undelivered: 1 },
        ],
      },
    });
    // Skipping the gate stage is passing it too.
    expect((await move("Released")).statusCode).toBe(409);
    expect((await move("Acceptance", "   ")).statusCode).toBe(400);

    const overridden = await move("Acceptance", "Launch date is fixed; Mobile ships behind a flag");
    expect(overridden.statusCode, overridden.body).toBe(200);
    const audit = await ctx.app.db.auditEvent.findFirstOrThrow({
      where: { boardId: business.id, action: "demand.acceptance_overridden" },
    });
    expect(audit).toMatchObject({
      actorId: lead.userId,
      entity: "demand",
      entityId: demand.id,
      after: {
        key: demand.key,
        reason: "Launch date is fixed; Mobile ships behind a flag",
        undelivered: 2,
        total: 3,
        toStageId: stageNamed(business, "Acceptance").id,
      },
    });
    const progress = (
      await lead.request({ method: "GET", url: `/api/boards/${business.id}/children` })
    ).json();
    expect((progress as TBoardChildren).demands[0]?.override).toMatchObject({
      reason: "Launch date is fixed; Mobile ships behind a flag",
      actorName: "lead",
    });

    // Back to In delivery; with every child delivered the gate opens without a reason.
    expect((await move("In delivery")).statusCode).toBe(200);
    await ctx.app.db.demand.updateMany({
      where: { id: { in: children } },
      data: { stageId: stageNamed(payments, "Done").id },
    });
    await ctx.app.db.demand.update({
      where: { id: children[2] },
      data: { stageId: stageNamed(mobile, "Done").id },
    });
    expect((await move("Acceptance")).statusCode).toBe(200);
  });

  it("shows a viewer the counts of every team but titles only on boards they are a member of", async () => {
    const { lead, business, payments, mobile, demand } = await portfolioWithTwoTeams();
    const ids: Record<string, string> = {};
    for (const [board, title] of [
      [payments, "Card tokens"],
      [mobile, "Pay button"],
      [mobile, "Wallet"],
      [mobile, "Receipts"],
    ] as const) {
      ids[title] = (
        (await split(lead, demand.id, { boardId: board.id, title })).json() as TDemandChange
      ).demand.id;
    }
    const mobileDone = stageNamed(mobile, "Done").id;
    await ctx.app.db.demand.updateMany({
      where: { id: { in: [ids.Wallet ?? "", ids.Receipts ?? ""] } },
      data: { stageId: mobileDone },
    });
    await ctx.app.db.demand.update({ where: { id: ids["Card tokens"] }, data: { blocked: true } });

    const viewer = await createClient(ctx.app, "viewer");
    await addMember(business, viewer, "viewer");
    await addMember(payments, viewer, "viewer");
    const response = await viewer.request({ method: "GET", url: `/api/boards/${business.id}/children` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      demands: [
        {
          demandId: demand.id,
          total: 4,
          delivered: 2,
          override: null,
          teams: [
            {
              boardId: mobile.id,
              name: "Mobile",
              total: 3,
              delivered: 2,
              blocked: 0,
              waiting: 1,
              children: null,
            },
            {
              boardId: payments.id,
              name: "Payments",
              total: 1,
              delivered: 0,
              blocked: 1,
              waiting: 0,
              children: [
                { id: ids["Card tokens"], key: `${payments.key}-1`, title: "Card tokens", state: "blocked" },
              ],
            },
          ],
        },
      ],
    });
    const body = response.body;
    for (const hidden of ["Pay button", "Wallet", "Receipts", mobile.key]) expect(body).not.toContain(hidden);

    // The portfolio's numbers cover every team board for the same viewer.
    const metrics = await viewer.request({
      method: "GET",
      url: `/api/portfolios/${(await ctx.app.db.portfolio.findFirstOrThrow({ where: { businessBoardId: business.id } })).id}/metrics?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z`,
    });
    expect(metrics.statusCode).toBe(200);
    expect(
      metrics
        .json()
        .teams.map((team: { boardId: string }) => team.boardId)
        .sort(),
    ).toEqual([payments.id, mobile.id].sort());
    const stranger = await createClient(ctx.app, "stranger");
    expect(
      (await stranger.request({ method: "GET", url: `/api/boards/${business.id}/children` })).statusCode,
    ).toBe(404);
  });
});

describe("a team board's export", () => {
  it("leaves out a parent on the business board, so the export imports", async () => {
    const lead = await createClient(ctx.app, "lead");
    const { portfolio, business } = await createPortfolio(lead);
    const team = await createBoard(lead, "Payments");
    await addTeamBoard(lead, portfolio.id, team.id);
    const parent = await addDemand(lead, business, { title: "Pay by phone" });
    const split = await lead.request({
      method: "POST",
      url: `/api/demands/${parent.id}/children`,
      payload: { boardId: team.id, title: "Card tokens" },
    });
    expect(split.statusCode).toBe(201);

    const exported = await lead.request({ method: "GET", url: `/api/boards/${team.id}/export` });
    expect(exported.statusCode).toBe(200);
    expect(exported.json().demands).toMatchObject([{ title: "Card tokens", parentId: null }]);
    const imported = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=PAYCOPY&name=Payments%20copy",
      payload: exported.json(),
    });
    expect(imported.statusCode, imported.body).toBe(201);
  });
});
