import type { TBoard, TDemand } from "@tideway/contracts";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
// 400 requests each, some of them sign-ins that run a real password hash.
const FUZZ_TIMEOUT_MS = 180_000;

/**
 * Fuzzes every route of the OpenAPI document (so new routes are covered
 * without touching this file) with random JSON and with valid-looking bodies
 * whose fields are replaced by random values, NUL characters, extreme dates
 * and nesting 10,000 deep. Whatever arrives, the answer is never a 5xx, and a
 * stranger's board is left exactly as it was.
 */
describe("fuzzing every route", () => {
  const ctx = useTestApp();
  let owner: Client;
  let attacker: Client;
  let board: TBoard;
  let demand: TDemand;
  let routes: { method: Method; path: string }[];

  beforeAll(async () => {
    [owner, attacker] = await Promise.all([
      createClient(ctx.app, "owner"),
      createClient(ctx.app, "attacker"),
    ]);
    board = await createBoard(owner);
    demand = await addDemand(owner, board, { title: "Target" });
    const document = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    // Signing out would end the fuzzing client's own session (tested in auth.test.ts).
    routes = Object.entries(document.paths)
      .filter(([path]) => path !== "/api/auth/sign-out")
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({ method: method.toUpperCase() as Method, path })),
      );
  });

  const snapshot = async () => ({
    board: await ctx.db.board.findUniqueOrThrow({ where: { id: board.id } }),
    stages: await ctx.db.stage.findMany({ where: { boardId: board.id }, orderBy: { id: "asc" } }),
    lanes: await ctx.db.lane.findMany({ where: { boardId: board.id }, orderBy: { id: "asc" } }),
    criteria: await ctx.db.criterion.findMany({
      where: { stage: { boardId: board.id } },
      orderBy: { id: "asc" },
    }),
    members: await ctx.db.boardMember.findMany({ where: { boardId: board.id }, orderBy: { userId: "asc" } }),
    demands: await ctx.db.demand.findMany({ where: { boardId: board.id }, orderBy: { id: "asc" } }),
    checks: await ctx.db.criterionCheck.count({ where: { demand: { boardId: board.id } } }),
    transitions: await ctx.db.transition.count({ where: { boardId: board.id } }),
  });

  const pathValue = (name: string): string => {
    switch (name) {
      case "boardId":
        return board.id;
      case "id":
        return demand.id;
      case "criterionId":
        return board.criteria[0]?.id ?? demand.id;
      case "stageId":
        return board.stages[0]?.id ?? demand.id;
      case "laneId":
        return board.lanes[0]?.id ?? demand.id;
      case "userId":
        return owner.userId;
      default:
        return demand.id;
    }
  };

  /** Text, sometimes carrying the NUL character PostgreSQL cannot store. */
  const text = () =>
    fc.oneof(
      fc.string(),
      fc.string().map((value) => `${value}\u0000${value}`),
    );
  /** Instants at and past the edges of what PostgreSQL and JavaScript dates hold. */
  const extremeDate = () =>
    fc.constantFrom(
      "9999-12-31T23:59:59-14:00",
      "0000-01-01T00:00:00Z",
      "0001-01-01T00:00:00+14:00",
      "+275760-09-13T00:00:00Z",
      "1970-01-01T00:00:00Z",
    );
  /** JSON text nested `depth` levels (objects and arrays in turn), as a raw body. */
  const nestedJson = (depth: number) =>
    `${'{"a":['.repeat(Math.ceil(depth / 2))}1${"]}".repeat(Math.ceil(depth / 2))}`;
  /**
   * A value nested deeper than the 64 levels any route accepts (fast-check
   * prints failing values recursively, so parsed values stay at 100 levels;
   * 10,000 go in as raw text).
   */
  const deeplyNested = () => fc.constant(JSON.parse(nestedJson(100)) as unknown);

  const validLooking = () =>
    fc.record(
      {
        title: fc.oneof(text(), fc.constant("A demand")),
        name: text(),
        description: text(),
        at: extremeDate(),
        settings: deeplyNested(),
        key: fc.oneof(fc.string(), fc.constant("FUZZ")),
        toStageId: fc.oneof(fc.constantFrom(...board.stages.map((s) => s.id)), fc.uuid(), fc.string()),
        toLaneId: fc.oneof(fc.constantFrom(...board.lanes.map((l) => l.id)), fc.uuid()),
        beforeId: fc.oneof(fc.uuid(), fc.constant(demand.id)),
        expectedVersion: fc.oneof(fc.integer(), fc.double(), fc.string()),
        idempotencyKey: fc.string(),
        checked: fc.oneof(fc.boolean(), fc.string()),
        reason: text(),
        wipLimit: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
        email: fc.oneof(fc.emailAddress(), fc.string()),
        password: fc.string(),
        role: fc.oneof(fc.constantFrom("viewer", "member", "admin"), fc.string()),
        type: fc.oneof(fc.constantFrom("feature", "defect"), fc.string()),
        size: fc.oneof(fc.constantFrom("S", "M", "13"), fc.string(), fc.constant(null)),
        archived: fc.oneof(fc.boolean(), fc.jsonValue()),
        links: fc.oneof(fc.array(fc.record({ title: fc.string(), url: fc.webUrl() })), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );

  const requestArbitrary = () =>
    fc.record({
      route: fc.nat(routes.length - 1),
      body: fc.oneof(fc.jsonValue(), validLooking(), deeplyNested(), fc.constant(undefined)),
      rawBody: fc.oneof(
        fc.constant(null),
        fc.string(),
        fc.constant("{"),
        fc.constant('{"a":'),
        fc.constantFrom(nestedJson(100), nestedJson(10_000)),
      ),
      query: fc.dictionary(
        fc.constantFrom("since", "limit", "from", "to", "before", "lane", "type"),
        fc.oneof(text(), extremeDate()),
        {
          maxKeys: 3,
        },
      ),
      randomIds: fc.boolean(),
      useRaw: fc.boolean(),
    });

  type FuzzRequest = ReturnType<typeof requestArbitrary> extends fc.Arbitrary<infer T> ? T : never;

  async function send(client: Client, input: FuzzRequest) {
    const route = routes[input.route] as { method: Method; path: string };
    const url = route.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      input.randomIds
        ? encodeURIComponent(name.length % 2 ? "x" : "00000000-0000-0000-0000-000000000000")
        : pathValue(name),
    );
    const options: InjectOptions = { method: route.method, url, query: input.query };
    if (route.method !== "GET" && route.method !== "DELETE") {
      if (input.useRaw && input.rawBody !== null) {
        options.payload = input.rawBody;
        options.headers = { "content-type": "application/json" };
      } else if (input.body !== undefined) {
        options.payload = input.body as InjectOptions["payload"];
        options.headers = { "content-type": "application/json" };
      }
    }
    return { route, response: await client.request(options) };
  }

  it(
    "never answers a stranger with a 5xx, and leaves the stranger's target board unchanged",
    async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(), async (input) => {
          const { route, response } = await send(attacker, input);
          expect(response.statusCode, `${route.method} ${route.path} -> ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.json()).toHaveProperty("code");
        }),
        { numRuns: 400 },
      );
      expect(await snapshot()).toEqual(before);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    "never answers the board's own admin with a 5xx, whatever the body",
    async () => {
      const statuses = new Set<number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(), async (input) => {
          const { route, response } = await send(owner, input);
          statuses.add(response.statusCode);
          expect(response.statusCode, `${route.method} ${route.path} -> ${response.body}`).toBeLessThan(500);
        }),
        { numRuns: 400 },
      );
      // The fuzz reached handlers, not only the validators.
      expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 404]));
    },
    FUZZ_TIMEOUT_MS,
  );
});
