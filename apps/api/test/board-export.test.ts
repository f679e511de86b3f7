import type { TBoard, TBoardExport, TCommentList, TImportBoardResult, TMetrics } from "@tideway/contracts";
import { DAY, MINUTE } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/prisma";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

const T0 = Date.parse("2026-03-02T00:00:00Z"); // a Monday
const at = (days: number, minutes = 0) => new Date(T0 + days * DAY + minutes * MINUTE);
const WINDOW = `from=${at(0).toISOString()}&to=${at(21).toISOString()}`;

type Step = [
  kind: "created" | "moved" | "blocked" | "unblocked" | "archived",
  stage: string,
  day: number,
  minutes?: number,
];

/**
 * A board whose log has what metrics read: moves forward and backward,
 * a block and unblock inside a delivered demand's cycle, an archived demand,
 * a demand still in progress and blocked, a defect with a parent, ticked
 * criteria, pipeline events giving one demand a measured release lead
 * time (commit at d6 09:00, release 25 minutes later), comments (one edited,
 * one mentioning the lead, one deleted) and dependencies between demands,
 * one of them on a demand later in the list.
 */
const PATHS: Record<string, Step[]> = {
  "Card payments": [
    ["created", "Selection", 0],
    ["moved", "Design", 1],
    ["moved", "Development", 2],
    ["blocked", "Development", 3],
    ["unblocked", "Development", 4],
    ["moved", "Release", 6, 9 * 60 + 10],
    ["moved", "Done", 6, 10 * 60],
  ],
  Refunds: [
    ["created", "Selection", 0],
    ["moved", "Design", 1],
    ["moved", "Development", 3],
    ["moved", "Design", 4],
    ["moved", "Development", 5],
    ["moved", "Release", 12],
    ["moved", "Done", 16],
  ],
  "Old idea": [
    ["created", "Selection", 0],
    ["moved", "Design", 2],
    ["archived", "Design", 5],
  ],
  "Ledger export": [
    ["created", "Selection", 1],
    ["moved", "Design", 3],
    ["moved", "Development", 4],
    ["blocked", "Development", 8],
  ],
  "Card declined twice": [["created", "Selection", 2]],
};

async function buildFixtureBoard(db: Db, lead: Client): Promise<TBoard> {
  const board = await createBoard(lead, "Payments");
  const stage = (name: string) => stageNamed(board, name).id;
  const laneId = laneNamed(board, "Standard").id;
  let number = 0;
  const ids: Record<string, string> = {};
  for (const [title, path] of Object.entries(PATHS)) {
    number += 1;
    const last = path.at(-1) as Step;
    const blocked = last[0] === "blocked";
    const demand = await db.demand.create({
      data: {
        boardId: board.id,
        number,
        title,
        description: `About ${title}`,
        type: title === "Card declined twice" ? "defect" : "feature",
        size: "M",
        parentId: title === "Card declined twice" ? ids["Card payments"] : null,
        ownerId: lead.userId,
        stageId: stage(last[1]),
        laneId,
        rank: `a${number}`,
        blocked,
        blockedReason: blocked ? "waiting for the bank" : null,
        blockedAt: blocked ? at(last[2]) : null,
        archivedAt: last[0] === "archived" ? at(last[2]) : null,
        links: [{ title: "Spec", url: "https://example.test/spec" }],
        enteredStageAt: at(path.findLast((step) => step[0] !== "blocked")?.[2] ?? 0),
        committedAt: path.find((step) => step[1] === "Design") ? at(1) : null,
        createdAt: at(path[0]?.[2] ?? 0),
        updatedAt: at(last[2], 1),
        version: path.length,
      },
    });
    ids[title] = demand.id;
    await db.transition.createMany({
      data: path.map(([kind, name, day, minutes], index) => {
        const from = index === 0 ? null : stage(path[index - 1]?.[1] ?? "");
        return {
          boardId: board.id,
          demandId: demand.id,
          kind,
          fromStageId: from,
          toStageId: stage(name),
          fromLaneId: index === 0 ? null : laneId,
          toLaneId: laneId,
          at: at(day, minutes ?? 0),
          actorId: lead.userId,
          note: kind === "blocked" ? "waiting for the bank" : null,
        };
      }),
    });
  }
  const designEntry = board.criteria.find((c) => c.stageId === stage("Design") && c.phase === "entry");
  if (!designEntry) throw new Error("the 2-1-1 template has Design entry criteria");
  await db.criterionCheck.create({
    data: {
      demandId: ids["Ledger export"] as string,
      criterionId: designEntry.id,
      checkedById: lead.userId,
      checkedAt: at(2, 30),
    },
  });
  const commit = await db.codeEvent.create({
    data: {
      boardId: board.id,
      source: "github",
      deliveryId: "delivery-1",
      kind: "commit",
      sha: "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
      repository: "acme/payments",
      message: `${board.key}-1 card form`,
      demandKeys: [`${board.key}-1`],
      at: at(6, 9 * 60),
      receivedAt: at(6, 9 * 60),
      demands: { create: { demandId: ids["Card payments"] as string } },
    },
  });
  await db.codeEvent.create({
    data: {
      boardId: board.id,
      source: "generic",
      deliveryId: "release-1",
      kind: "release",
      sha: commit.sha,
      environment: "production",
      demandKeys: [`${board.key}-1`],
      at: at(6, 9 * 60 + 25),
      receivedAt: at(6, 9 * 60 + 25),
      demands: { create: { demandId: ids["Card payments"] as string } },
    },
  });
  await db.comment.createMany({
    data: [
      {
        demandId: ids["Card payments"] as string,
        authorId: lead.userId,
        body: "Card form reviewed with @lead",
        mentions: [lead.userId],
        createdAt: at(2, 10),
        editedAt: at(2, 20),
      },
      {
        demandId: ids.Refunds as string,
        authorId: lead.userId,
        body: "Needs the ledger first",
        createdAt: at(3),
      },
      {
        demandId: ids.Refunds as string,
        authorId: lead.userId,
        body: "",
        createdAt: at(4),
        deletedAt: at(5),
      },
    ],
  });
  await db.demandDependency.createMany({
    data: [
      { demandId: ids.Refunds as string, dependsOnId: ids["Ledger export"] as string, createdAt: at(3, 1) },
      {
        demandId: ids["Ledger export"] as string,
        dependsOnId: ids["Card payments"] as string,
        createdById: lead.userId,
        createdAt: at(3, 2),
      },
    ],
  });
  await db.webhookSecret.create({ data: { boardId: board.id, secret: "whsec-never-exported" } });
  await db.board.update({
    where: { id: board.id },
    data: { seq: { increment: 1 }, nextDemandNumber: number + 1, settings: { timeBasis: "calendar" } },
  });
  return board;
}

/** Metrics with ids left out (they differ between boards); everything else must match exactly. */
function withoutIds(metrics: TMetrics) {
  const { aging, whereWorkWaits, ...rest } = metrics;
  return JSON.parse(
    JSON.stringify(
      {
        ...rest,
        // Ages run on the clock between the two requests; compared separately.
        aging: aging.map(({ age: _age, ...item }) => item),
        // A stage id: compared by the stage's name, which the import keeps.
        whereWorkWaits: metrics.timeInStage.find((stage) => stage.stageId === whereWorkWaits)?.name ?? null,
      },
      (key, value) => (key === "stageId" || key === "demandId" ? undefined : value),
    ),
  );
}

/**
 * The document with every id replaced by a name that means the same thing on
 * any board (stage position, demand number, ...), and the parts that belong
 * to the export itself (time, board id and key, members) left out.
 */
function canonical(doc: TBoardExport) {
  const names = new Map<string, string>();
  for (const stage of doc.stages) names.set(stage.id, `stage ${stage.position}`);
  for (const lane of doc.lanes) names.set(lane.id, `lane ${lane.position}`);
  for (const criterion of doc.criteria) {
    names.set(criterion.id, `${names.get(criterion.stageId)} ${criterion.phase} ${criterion.position}`);
  }
  for (const demand of doc.demands) names.set(demand.id, `demand ${demand.number}`);
  for (const event of doc.codeEvents) names.set(event.id, `${event.deliveryId} ${event.kind}`);
  const text = JSON.stringify({
    ...doc,
    exportedAt: null,
    members: null,
    board: { ...doc.board, id: null, key: null },
  });
  const renamed = JSON.parse(text, (_key, value) =>
    typeof value === "string" && names.has(value) ? names.get(value) : value,
  ) as TBoardExport;
  return {
    ...renamed,
    criteria: [...renamed.criteria].sort((a, b) => a.id.localeCompare(b.id)),
    transitions: renamed.transitions.map(({ id: _id, ...transition }) => transition),
  };
}

describe("board export and import", () => {
  const ctx = useTestApp();
  // A second install: its own database and app, as after a fresh `npm start` elsewhere.
  const fresh = useTestApp();
  let lead: Client;
  let board: TBoard;
  let exported: TBoardExport;

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    board = await buildFixtureBoard(ctx.db, lead);
    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}/export` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="T.*\.tideway\.json"$/);
    exported = response.json() as TBoardExport;
  });

  it("exports the whole log, code events, archived demands and checks, and no secrets or emails", async () => {
    expect(exported.formatVersion).toBe(1);
    expect(exported.demands.map((d) => d.title)).toEqual(Object.keys(PATHS));
    expect(exported.transitions).toHaveLength(Object.values(PATHS).flat().length);
    expect(exported.codeEvents.map((e) => e.kind)).toEqual(["commit", "release"]);
    expect(exported.demands.find((d) => d.title === "Old idea")?.archivedAt).toBe(at(5).toISOString());
    expect(exported.demands.find((d) => d.title === "Ledger export")?.checks).toHaveLength(1);
    expect(exported.members).toEqual([{ userId: lead.userId, name: "lead", role: "admin" }]);
    const demandNamed = (title: string) => exported.demands.find((d) => d.title === title);
    expect(demandNamed("Card payments")?.comments).toEqual([
      {
        authorId: lead.userId,
        body: "Card form reviewed with @lead",
        mentions: [lead.userId],
        createdAt: at(2, 10).toISOString(),
        editedAt: at(2, 20).toISOString(),
      },
    ]);
    // A deleted comment has nothing left to carry.
    expect(demandNamed("Refunds")?.comments?.map((c) => c.body)).toEqual(["Needs the ledger first"]);
    expect(demandNamed("Refunds")?.dependencies).toEqual([
      { dependsOnId: demandNamed("Ledger export")?.id, createdById: null, createdAt: at(3, 1).toISOString() },
    ]);
    expect(demandNamed("Ledger export")?.dependencies?.map((d) => d.dependsOnId)).toEqual([
      demandNamed("Card payments")?.id,
    ]);
    const text = JSON.stringify(exported);
    expect(text).not.toContain("whsec-never-exported");
    expect(text).not.toContain("@example.test");
    expect(text).not.toMatch(/password|tokenHash/i);
  });

  it("imports into a fresh install with identical metrics, log length and demand keys", async () => {
    const newcomer = await createClient(fresh.app, "newcomer");
    const response = await newcomer.request({ method: "POST", url: "/api/boards/import", payload: exported });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as TImportBoardResult;
    expect(result).toMatchObject({ key: board.key, demands: 5, transitions: exported.transitions.length });

    const metricsOf = async (client: Client, boardId: string) => {
      const reply = await client.request({ method: "GET", url: `/api/boards/${boardId}/metrics?${WINDOW}` });
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json() as TMetrics;
    };
    const [before, after] = [await metricsOf(lead, board.id), await metricsOf(newcomer, result.boardId)];
    expect(before.delivery.count).toBe(2);
    expect(before.release.count).toBe(2);
    expect(before.release.p50).toBe(25 * 60); // the pipeline's commit-to-release, not the stage fallback
    expect(withoutIds(after)).toEqual(withoutIds(before));
    expect(after.aging.map((item) => item.age)).toHaveLength(before.aging.length);
    for (const [index, item] of after.aging.entries()) {
      expect(Math.abs(item.age - (before.aging[index]?.age ?? 0))).toBeLessThan(60);
    }

    const log = await newcomer.request({
      method: "GET",
      url: `/api/boards/${result.boardId}/transitions?limit=10000`,
    });
    expect((log.json() as { transitions: unknown[] }).transitions).toHaveLength(exported.transitions.length);
    const imported = (
      await newcomer.request({ method: "GET", url: `/api/boards/${result.boardId}` })
    ).json() as TBoard;
    const open = (await lead.request({ method: "GET", url: `/api/boards/${board.id}` })).json() as TBoard;
    expect(imported.demands.map((d) => d.key).sort()).toEqual(open.demands.map((d) => d.key).sort());
    expect(imported.role).toBe("admin");
    // Users of the other install are unknown here: their references are cleared, never dangling.
    expect(imported.members.map((m) => m.name)).toEqual(["newcomer"]);
    expect(imported.demands.every((d) => d.ownerId === null)).toBe(true);

    // Comments and dependencies arrive, their demands remapped; authors unknown here are cleared.
    const waits = (view: TBoard) =>
      view.dependencies
        .map((d) => `${view.demands.find((demand) => demand.id === d.demandId)?.key} waits on ${d.key}`)
        .sort();
    expect(waits(imported)).toEqual(waits(open));
    expect(waits(imported)).toHaveLength(2);
    const commentsOn = async (client: Client, view: TBoard, key: string) => {
      const id = view.demands.find((demand) => demand.key === key)?.id;
      const reply = await client.request({ method: "GET", url: `/api/demands/${id}/comments` });
      expect(reply.statusCode, reply.body).toBe(200);
      return (reply.json() as TCommentList).comments;
    };
    for (const number of [1, 2]) {
      const key = `${board.key}-${number}`;
      const original = await commentsOn(lead, open, key);
      expect(original.length).toBeGreaterThan(0);
      expect(await commentsOn(newcomer, imported, key)).toEqual(
        original.map((comment) => ({
          ...comment,
          id: expect.any(String),
          demandId: imported.demands.find((demand) => demand.key === key)?.id,
          author: null,
          mentions: [],
        })),
      );
    }
  });

  it("imports a document written before comments and dependencies travelled", async () => {
    const older = structuredClone(exported);
    for (const demand of older.demands) {
      delete demand.comments;
      delete demand.dependencies;
    }
    const { boardId } = await importedBy(lead, "OLDER", older);
    expect(await ctx.db.comment.count({ where: { demand: { boardId } } })).toBe(0);
    expect(await ctx.db.demandDependency.count({ where: { demand: { boardId } } })).toBe(0);
    expect(await ctx.db.demand.count({ where: { boardId } })).toBe(exported.demands.length);
  });

  it("refuses dependencies that go round in a circle, or a demand waiting on itself, creating nothing", async () => {
    const circular = structuredClone(exported);
    const [first, second] = circular.demands as [
      TBoardExport["demands"][number],
      TBoardExport["demands"][number],
    ];
    // Card payments would wait on Refunds, which waits on Ledger export, which waits on Card payments.
    first.dependencies = [{ dependsOnId: second.id, createdById: null, createdAt: at(4).toISOString() }];
    const response = await importAsBroken(circular);
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json()).toMatchObject({
      code: "DEPENDENCY_CYCLE",
      message:
        "The document's dependencies go round in a circle (BROKEN-1 waits on BROKEN-2 waits on BROKEN-4 waits on BROKEN-1): remove one of them and import again.",
    });
    const itself = structuredClone(exported);
    const selfish = itself.demands[0] as TBoardExport["demands"][number];
    selfish.dependencies = [{ dependsOnId: selfish.id, createdById: null, createdAt: at(4).toISOString() }];
    const refused = await importAsBroken(itself);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      "body.demands.0.dependencies.0.dependsOnId: names the demand itself: a demand cannot wait on itself",
    );
    expect(await ctx.db.board.count({ where: { key: "BROKEN" } })).toBe(0);
  });

  it("round-trips: export(import(export)) equals the export, ids aside", async () => {
    const response = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=COPY&name=Payments%20copy",
      payload: exported,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { boardId } = response.json() as TImportBoardResult;
    const again = (
      await lead.request({ method: "GET", url: `/api/boards/${boardId}/export` })
    ).json() as TBoardExport;
    expect(again.board).toMatchObject({ key: "COPY", name: "Payments copy" });
    const firstIds = new Set(exported.demands.map((d) => d.id));
    expect(again.demands.filter((d) => firstIds.has(d.id))).toEqual([]);
    const { board: againBoard, ...againRest } = canonical(again);
    const { board: firstBoard, ...firstRest } = canonical(exported);
    expect(againRest).toEqual(firstRest);
    expect({ ...againBoard, name: null }).toEqual({ ...firstBoard, name: null });
    // Same install: the exporting members exist, so they and their references carry over.
    expect(again.members).toEqual(exported.members);
  });

  it("refuses a key that is taken with 409, creating nothing", async () => {
    const boardsBefore = await ctx.db.board.count();
    const response = await lead.request({ method: "POST", url: "/api/boards/import", payload: exported });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "BOARD_KEY_TAKEN" });
    expect(await ctx.db.board.count()).toBe(boardsBefore);
  });

  /** Imports `document` as `client` under `key`, expecting success. */
  async function importedBy(
    client: Client,
    key: string,
    document: TBoardExport,
  ): Promise<TImportBoardResult> {
    const response = await client.request({
      method: "POST",
      url: `/api/boards/import?key=${key}`,
      payload: document,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as TImportBoardResult;
  }

  /** Imports `document` under the key BROKEN, which no accepted import in this file takes. */
  const importAsBroken = (document: object) =>
    lead.request({ method: "POST", url: "/api/boards/import?key=BROKEN", payload: document });

  it("refuses a document with a dangling reference, naming its path", async () => {
    const broken = structuredClone(exported);
    (broken.transitions[3] as { toStageId: string }).toStageId = "no-such-stage";
    const response = await importAsBroken(broken);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "body.transitions.3.toStageId: names no stage of this document",
    });
    const unknownVersion = await importAsBroken({ ...exported, formatVersion: 2 });
    expect(unknownVersion.statusCode).toBe(400);
    expect(unknownVersion.json().message).toMatch(/^body\.formatVersion: must be 1/);
    const unstorable = structuredClone(exported);
    (unstorable.demands[1] as { title: string }).title = "nul\u0000byte";
    (unstorable.stages[2] as { wipLimit: number }).wipLimit = 2 ** 40;
    const refused = await importAsBroken(unstorable);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.issues.map((issue: { field: string }) => issue.field)).toEqual([
      "body.stages.2.wipLimit",
      "body.demands.1.title",
    ]);
    const twice = structuredClone(exported);
    twice.codeEvents.push({ ...(twice.codeEvents[0] as TBoardExport["codeEvents"][number]), id: "another" });
    const duplicate = await importAsBroken(twice);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().message).toBe(
      "body.codeEvents.2.deliveryId: repeats an earlier event's source, delivery id, kind and sha",
    );
    // A criterion ticked twice on one demand is the document's fault, not a taken board key.
    const ticks = structuredClone(exported);
    const ticker = ticks.demands.findIndex((demand) => demand.checks.length > 0);
    const tickerChecks = ticks.demands[ticker]?.checks ?? [];
    tickerChecks.push({ ...(tickerChecks[0] as TBoardExport["demands"][number]["checks"][number]) });
    const ticked = await importAsBroken(ticks);
    expect(ticked.statusCode).toBe(400);
    expect(ticked.json().message).toBe(
      `body.demands.${ticker}.checks.${tickerChecks.length - 1}.criterionId: is ticked twice`,
    );
    expect(await ctx.db.board.count({ where: { key: "BROKEN" } })).toBe(0);
  });

  it("accepts an export far above the 1 MiB limit of other routes", async () => {
    const large = structuredClone(exported);
    for (const demand of large.demands) demand.description = "x".repeat(19_000);
    large.demands.push(
      ...Array.from({ length: 100 }, (_, index) => ({
        ...(large.demands[4] as TBoardExport["demands"][number]),
        id: `extra-${index}`,
        number: 100 + index,
        parentId: null,
        checks: [],
      })),
    );
    const payload = JSON.stringify(large);
    expect(payload.length).toBeGreaterThan(2_000_000);
    const response = await lead.request({
      method: "POST",
      url: "/api/boards/import?key=LARGE",
      payload,
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as TImportBoardResult).demands).toBe(105);
    const elsewhere = await lead.request({
      method: "POST",
      url: "/api/boards",
      payload,
      headers: { "content-type": "application/json" },
    });
    expect(elsewhere.statusCode).toBe(413);
  });

  it("[F1] gives a viewer no alert-webhook secret or email, and an import carries no secret in", async () => {
    const secretBoard = await createBoard(lead, "Alerts");
    const hook = "https://alerts.example.test/hooks/sle?token=hook-token-never-exported";
    const set = await lead.request({
      method: "PUT",
      url: `/api/boards/${secretBoard.id}/alert-webhook`,
      payload: { url: hook },
    });
    expect(set.statusCode, set.body).toBe(200);
    const { secret } = set.json() as { secret: string };
    const viewer = await createClient(ctx.app, "viewer");
    await ctx.db.boardMember.create({
      data: { boardId: secretBoard.id, userId: viewer.userId, role: "viewer" },
    });

    const response = await viewer.request({ method: "GET", url: `/api/boards/${secretBoard.id}/export` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain(secret);
    expect(response.body).not.toContain("hook-token-never-exported");
    expect(response.body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/);
    expect((response.json() as TBoardExport).board.settings).not.toHaveProperty("alertWebhook");

    // A document crafted to plant a signing secret in a board the importer will admin.
    const exportedDoc = response.json() as TBoardExport;
    const planted = await viewer.request({
      method: "POST",
      url: "/api/boards/import?key=PLANTED",
      payload: {
        ...exportedDoc,
        board: { ...exportedDoc.board, settings: { alertWebhook: { url: hook, secret: "forged" } } },
      },
    });
    expect(planted.statusCode, planted.body).toBe(201);
    const { settings } = await ctx.db.board.findUniqueOrThrow({ where: { key: "PLANTED" } });
    expect(JSON.stringify(settings)).not.toContain("forged");
    expect(settings).not.toHaveProperty("alertWebhook");
  });

  it("[F3] enrols no one but the importer, and names only people who share a board the importer admins", async () => {
    const importer = await createClient(ctx.app, "importer");
    const victim = await createClient(ctx.app, "victim");
    const colleague = await createClient(ctx.app, "colleague");
    const team = await createBoard(importer, "Importer's team");
    await ctx.db.boardMember.create({ data: { boardId: team.id, userId: colleague.userId, role: "member" } });
    // The victim shares a board with the importer, but one the importer does not admin.
    const theirs = await createBoard(victim, "Victim's board");
    await ctx.db.boardMember.create({
      data: { boardId: theirs.id, userId: importer.userId, role: "member" },
    });

    const crafted = structuredClone(exported);
    crafted.members = [
      { userId: victim.userId, name: "victim", role: "admin" },
      { userId: colleague.userId, name: "colleague", role: "admin" },
    ];
    crafted.transitions = crafted.transitions.map((transition, index) => ({
      ...transition,
      actorId: index % 2 === 0 ? victim.userId : colleague.userId,
    }));
    crafted.demands = crafted.demands.map((demand) => ({ ...demand, ownerId: victim.userId }));
    const { boardId } = await importedBy(importer, "ENROL", crafted);

    const members = await ctx.db.boardMember.findMany({
      where: { boardId },
      select: { userId: true, role: true },
    });
    expect(members).toEqual([{ userId: importer.userId, role: "admin" }]);
    const actors = await ctx.db.transition.findMany({ where: { boardId }, select: { actorId: true } });
    expect(new Set(actors.map((transition) => transition.actorId))).toEqual(
      new Set([null, colleague.userId]),
    );
    expect(await ctx.db.demand.count({ where: { boardId, ownerId: { not: null } } })).toBe(0);
    expect(await ctx.db.notification.count({ where: { userId: victim.userId } })).toBe(0);
  });

  it("lets no one export a board they are not a member of", async () => {
    const stranger = await createClient(ctx.app, "stranger");
    const response = await stranger.request({ method: "GET", url: `/api/boards/${board.id}/export` });
    expect(response.statusCode).toBe(404);
  });
});

describe("board export of links stored before only http(s) was accepted", () => {
  const ctx = useTestApp();

  it("leaves such a link out, as the board does, instead of failing the export", async () => {
    const lead = await createClient(ctx.app, "lead");
    const board = await createBoard(lead, "Old links");
    const created = await lead.request({
      method: "POST",
      url: `/api/boards/${board.id}/demands`,
      payload: { title: "Linked long ago" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { demand } = created.json() as { demand: { id: string } };
    const id = demand.id;
    // Written past the API, as a row from before the rule would be.
    await ctx.db.demand.update({
      where: { id },
      data: {
        links: [
          { title: "Spec", url: "https://docs.example.test/spec" },
          { title: "Trap", url: "javascript:alert(1)" },
        ],
      },
    });

    const response = await lead.request({ method: "GET", url: `/api/boards/${board.id}/export` });
    expect(response.statusCode, response.body).toBe(200);
    const exported = response.json() as TBoardExport;
    expect(exported.demands.find((demand) => demand.id === id)?.links).toEqual([
      { title: "Spec", url: "https://docs.example.test/spec" },
    ]);
  });
});
