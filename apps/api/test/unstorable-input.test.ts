import type { TBoardExport } from "@tideway/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { toErrorResponse } from "../src/plugins/error-handler";
import { createBoard } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient, ORIGIN } from "./helpers/session";
import { useTestApp } from "./test-app";

const NUL = "\u0000";

/** 400 VALIDATION_FAILED whose first issue names `field`. */
function expectRefusal(response: { statusCode: number; body: string; json(): unknown }, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json()).toMatchObject({
    code: "VALIDATION_FAILED",
    details: { issues: [expect.objectContaining({ field })] },
  });
}

describe("[F11] input the database cannot store or the server cannot handle", () => {
  const ctx = useTestApp();
  let lead: Client;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
  });

  it("refuses the NUL character in titles, descriptions, block reasons, names and token names with 400", async () => {
    const board = await createBoard(lead);
    const demand = await addDemand(lead, board);
    const send = (method: "POST" | "PATCH", url: string, payload: object) =>
      lead.request({ method, url, payload });
    expectRefusal(await send("POST", `/api/boards/${board.id}/demands`, { title: `a${NUL}b` }), "body.title");
    expectRefusal(await send("PATCH", `/api/demands/${demand.id}`, { description: NUL }), "body.description");
    expectRefusal(
      await send("POST", `/api/demands/${demand.id}/block`, { reason: `x${NUL}` }),
      "body.reason",
    );
    expectRefusal(await send("POST", "/api/boards", { name: `B${NUL}`, key: "NUL" }), "body.name");
    expectRefusal(await send("POST", "/api/tokens", { name: `t${NUL}` }), "body.name");
    const signUp = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up",
      headers: { origin: ORIGIN },
      payload: { email: "nul@example.test", password: "a long enough password", name: `N${NUL}` },
    });
    expectRefusal(signUp, "body.name");
    expect(await ctx.db.user.count({ where: { email: "nul@example.test" } })).toBe(0);
  });

  it("refuses a metrics window beyond year 9999 in UTC with 400", async () => {
    const board = await createBoard(lead);
    const response = await lead.request({
      method: "GET",
      url: `/api/boards/${board.id}/metrics?to=${encodeURIComponent("9999-12-31T23:59:59-14:00")}`,
    });
    expectRefusal(response, "querystring.to");
  });

  it("refuses an import nested 10,000 deep, or dated in year 0000, with 400", async () => {
    const board = await createBoard(lead, "Source");
    const exported = (
      await lead.request({ method: "GET", url: `/api/boards/${board.id}/export` })
    ).json() as TBoardExport;
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const text = JSON.stringify({ ...exported, board: { ...exported.board, settings: "DEEP" } });
    const nested = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=DEEP",
      headers: { "content-type": "application/json" },
      payload: text.replace('"DEEP"', deep),
    });
    expect(nested.statusCode, nested.body.slice(0, 300)).toBe(400);
    expect(nested.json()).toMatchObject({
      message: expect.stringMatching(/^body\.board\.settings\.a\.a.*nests deeper/),
    });

    const ancient = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=ANCIENT",
      payload: { ...exported, board: { ...exported.board, createdAt: "0000-01-01T00:00:00Z" } },
    });
    expectRefusal(ancient, "body.board.createdAt");
  });

  it("refuses the NUL character in an import's header and query with 400, the same sentence everywhere", async () => {
    const board = await createBoard(lead, "Header");
    const exported = (
      await lead.request({ method: "GET", url: `/api/boards/${board.id}/export` })
    ).json() as TBoardExport;
    const importing = (query: string, document: object) =>
      lead.request({ method: "POST", url: `/api/boards/import?${query}`, payload: document });
    const refusals = [
      [
        await importing("key=NULNAME", { ...exported, board: { ...exported.board, name: `Pay${NUL}` } }),
        "body.board.name",
      ],
      [
        await importing("key=NULID", { ...exported, board: { ...exported.board, id: `b${NUL}` } }),
        "body.board.id",
      ],
      [
        await importing("key=NULMEMBER", {
          ...exported,
          members: exported.members.map((member) => ({ ...member, name: `${member.name}${NUL}` })),
        }),
        "body.members.0.name",
      ],
      [
        await importing(`key=NULQUERY&name=${encodeURIComponent(`Copy${NUL}`)}`, exported),
        "querystring.name",
      ],
    ] as const;
    for (const [response, field] of refusals) {
      expectRefusal(response, field);
      // One sentence a person can act on, whichever check found it (contract or storable-input).
      expect(response.json()).toMatchObject({
        message: `${field}: must not contain the NUL character (\\u0000); remove it and send again`,
      });
    }
    // A key is letters and digits: its own rule says so.
    expectRefusal(
      await importing("", { ...exported, board: { ...exported.board, key: `PAY${NUL}` } }),
      "body.board.key",
    );
    expect(await ctx.db.board.count({ where: { key: { startsWith: "NUL" } } })).toBe(0);
  });

  it("answers 503 when PostgreSQL cuts the session (57P01) or is starting up (57P03)", async () => {
    const sleeping = ctx.db.$queryRaw`SELECT pg_sleep(30) AS slept`.catch((error: Error) => error);
    let terminated = 0;
    while (terminated === 0) {
      const [row] = await ctx.db.$queryRaw<{ count: number }[]>`
        SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity
        WHERE query LIKE 'SELECT pg_sleep(30)%' AND pid <> pg_backend_pid()`;
      terminated = row?.count ?? 0;
    }
    const cut = await sleeping;
    expect(cut).toBeInstanceOf(Error);
    expect(toErrorResponse(cut as Error)).toMatchObject({
      status: 503,
      body: { code: "DATABASE_UNAVAILABLE" },
    });
    // The shape Prisma's pg adapter gives a connection refused while the server starts up.
    const startingUp = Object.assign(new Error("the database system is starting up"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "57P03", kind: "postgres" } } },
    });
    expect(toErrorResponse(startingUp)).toMatchObject({
      status: 503,
      body: { code: "DATABASE_UNAVAILABLE" },
    });
  });

  it("bounds every statement, so a frozen database cannot hang a request", async () => {
    const [row] = await ctx.db.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(row?.statement_timeout).toBe("1min");
  });
});
