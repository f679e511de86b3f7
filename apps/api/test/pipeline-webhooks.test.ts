import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type {
  TAuditPage,
  TBoard,
  TBoardEvent,
  TDemand,
  TDemandCode,
  TMetrics,
  TWebhookReceipt,
  TWebhookSecretList,
  TWebhookSecretRotation,
} from "@tideway/contracts";
import { MINUTE } from "@tideway/domain";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { repoRoot } from "../src/config";
import { createBoard, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { statementLog } from "./helpers/statement-log";
import { useTestApp } from "./test-app";

const FIXTURES = path.join(repoRoot, "apps/api/test/fixtures");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

// The commits of the fixtures.
const CARD_FORM = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
const VALIDATION = "2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";
const CARD_MERGE = "3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f";
const LEDGER_EXPORT = "4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
const LEDGER_MERGE = "5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081";

const hmac = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
/**
 * What storing a push takes whatever its size: the board and its secrets, BEGIN, the
 * advisory lock, the redelivery check, the named demands, the commits, their links, the
 * changed cards, their sequence numbers, their keys, COMMIT; with room for the app's own
 * background reads during the request.
 */
const MAX_STATEMENTS_PER_PUSH = 20;
const sha = () => randomUUID().replaceAll("-", "").padEnd(40, "0");

describe("delivery pipeline webhooks", () => {
  const ctx = useTestApp();
  let admin: Client;
  let member: Client;
  let board: TBoard;
  let secret: string;
  const demands: Record<string, TDemand> = {};

  beforeAll(async () => {
    [admin, member] = await Promise.all([createClient(ctx.app, "admin"), createClient(ctx.app, "member")]);
    const created = await admin.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "Payments", key: "PAY" },
    });
    board = created.json() as TBoard;
    for (const title of ["Card payments", "Refunds", "Ledger export"]) {
      const demand = await addDemand(admin, board, { title });
      demands[demand.key] = demand;
    }
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: member.userId, role: "member" } });
    secret = await newSecret(board.id);
  });

  async function newSecret(boardId: string, gracePeriodMinutes?: number): Promise<string> {
    const response = await admin.request({
      method: "POST",
      url: `/api/boards/${boardId}/webhook-secrets`,
      payload: gracePeriodMinutes === undefined ? {} : { gracePeriodMinutes },
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as TWebhookSecretRotation).secret.secret as string;
  }

  function github(
    event: string,
    body: string,
    options: { boardId?: string; delivery?: string; signature?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const signature = options.signature === undefined ? hmac(secret, body) : options.signature;
    return ctx.app.inject({
      method: "POST",
      url: `/api/hooks/${options.boardId ?? board.id}/github`,
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": options.delivery ?? randomUUID(),
        ...(signature === null ? {} : { "x-hub-signature-256": signature }),
      },
      payload: body,
    });
  }

  function gitlab(body: string, token = secret, delivery = randomUUID()): Promise<LightMyRequestResponse> {
    return ctx.app.inject({
      method: "POST",
      url: `/api/hooks/${board.id}/gitlab`,
      headers: {
        "content-type": "application/json",
        "x-gitlab-token": token,
        "x-gitlab-event-uuid": delivery,
      },
      payload: body,
    });
  }

  function generic(
    boardId: string,
    event: object | string,
    options: { key?: string; delivery?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const body = typeof event === "string" ? event : JSON.stringify(event);
    return ctx.app.inject({
      method: "POST",
      url: `/api/hooks/${boardId}/generic`,
      headers: {
        "content-type": "application/json",
        "x-tideway-signature-256": hmac(options.key ?? secret, body),
        "x-tideway-delivery": options.delivery ?? randomUUID(),
      },
      payload: body,
    });
  }

  async function codeOf(demandId: string, client = admin): Promise<TDemandCode> {
    const response = await client.request({ method: "GET", url: `/api/demands/${demandId}/code` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TDemandCode;
  }

  const receipt = (response: LightMyRequestResponse): TWebhookReceipt => {
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TWebhookReceipt;
  };
  const codeEventCount = (boardId = board.id) => ctx.db.codeEvent.count({ where: { boardId } });
  const demandId = (key: string) => (demands[key] as TDemand).id;

  describe("GitHub", () => {
    it("records a push as one commit per pushed commit, linked by keys in the messages and the branch", async () => {
      const pushed = receipt(await github("push", fixture("github/push.json")));
      expect(pushed.events).toEqual([
        {
          kind: "commit",
          sha: CARD_FORM,
          at: "2026-03-02T10:00:00.000Z",
          demandKeys: ["PAY-1"],
          countsAsRelease: false,
        },
        {
          kind: "commit",
          sha: VALIDATION,
          at: "2026-03-02T10:05:00.000Z",
          demandKeys: ["PAY-1", "PAY-2"],
          countsAsRelease: false,
        },
      ]);
      const stored = await ctx.db.codeEvent.findFirstOrThrow({ where: { sha: VALIDATION } });
      expect(stored).toMatchObject({
        source: "github",
        kind: "commit",
        repository: "acme/payments",
        demandKeys: ["PAY-2", "PAY-1"],
        message: "pay-2: share the amount validation\n\nAlso used by refunds.",
      });
    });

    it("stores a 2,048-commit push whole in a bounded number of statements, however many demands it names", async () => {
      // A board of its own, so these commits do not count in the other tests' lead times.
      const bulk = (
        await admin.request({ method: "POST", url: "/api/boards", payload: { name: "Bulk", key: "BULK" } })
      ).json() as TBoard;
      const NAMED_DEMANDS = 40;
      for (let n = 1; n <= NAMED_DEMANDS; n++) await addDemand(admin, bulk, { title: `Demand ${n}` });
      const bulkSecret = await newSecret(bulk.id);
      const push = JSON.parse(fixture("github/push.json")) as { commits: Record<string, unknown>[] };
      const template = push.commits[0] as Record<string, unknown>;
      const sha = (n: number) => `${n.toString(16).padStart(8, "0")}${"c".repeat(32)}`;
      push.commits = Array.from({ length: 2_048 }, (_, n) => ({
        ...template,
        id: sha(n),
        message: `BULK-${(n % NAMED_DEMANDS) + 1}: step ${n}`,
        timestamp: new Date(Date.UTC(2026, 2, 3, 9) + n * 1_000).toISOString(),
      }));
      const body = JSON.stringify(push);
      const delivery = randomUUID();
      const boardSeq = async () =>
        Number((await ctx.db.board.findUniqueOrThrow({ where: { id: bulk.id }, select: { seq: true } })).seq);
      const seqBefore = await boardSeq();
      const log = statementLog();
      log.start();
      const answer = await github("push", body, {
        boardId: bulk.id,
        delivery,
        signature: hmac(bulkSecret, body),
      });
      log.stop();
      const stored = receipt(answer);
      expect(stored.events).toHaveLength(2_048);
      expect(stored.events[2_047]).toMatchObject({
        sha: sha(2_047),
        demandKeys: [`BULK-${(2_047 % 40) + 1}`],
      });
      // The board is this test's own, so its rows are this delivery's (stored under the body's hash, F10).
      expect(await ctx.db.codeEvent.count({ where: { boardId: bulk.id } })).toBe(2_048);
      expect(await ctx.db.codeEventDemand.count({ where: { codeEvent: { boardId: bulk.id } } })).toBe(2_048);
      // One sequence number per demand that gained a link, all taken by one statement: the count
      // of statements does not grow with the commits or with the demands they name (it was 40 more).
      expect(log.statements.length).toBeLessThanOrEqual(MAX_STATEMENTS_PER_PUSH);
      // ...and each card still got a sequence number of its own.
      expect((await boardSeq()) - seqBefore).toBe(NAMED_DEMANDS);
    });

    it("records a merged pull request as a merge (title and source branch), and ignores other actions", async () => {
      const merged = receipt(await github("pull_request", fixture("github/pull_request-merged.json")));
      expect(merged.events).toEqual([
        {
          kind: "merge",
          sha: CARD_MERGE,
          at: "2026-03-02T10:20:00.000Z",
          demandKeys: ["PAY-1"],
          countsAsRelease: false,
        },
      ]);

      const opened = JSON.parse(fixture("github/pull_request-merged.json"));
      opened.action = "opened";
      opened.pull_request.merged = false;
      const before = await codeEventCount();
      const answer = receipt(await github("pull_request", JSON.stringify(opened)));
      expect(answer.ignored).toMatch(/only merged pull requests/);
      expect(await codeEventCount()).toBe(before);
    });

    it("records a successful production deployment covering the commits up to its sha: 30 and 45 minutes", async () => {
      const deployed = receipt(
        await github("deployment_status", fixture("github/deployment_status-success.json")),
      );
      expect(deployed.events).toEqual([
        {
          kind: "deploy",
          sha: CARD_MERGE,
          at: "2026-03-02T10:50:00.000Z",
          demandKeys: ["PAY-1", "PAY-2"],
          countsAsRelease: true,
        },
      ]);
      expect(deployed.movedToDone).toEqual([]); // releaseMovesToDone is off by default

      const card = await codeOf(demandId("PAY-1"));
      expect(card.submissions.map((event) => [event.kind, event.sha])).toEqual([
        ["merge", CARD_MERGE],
        ["commit", VALIDATION],
        ["commit", CARD_FORM],
      ]);
      expect(card.deliveries).toMatchObject([
        { kind: "deploy", environment: "production", countsAsRelease: true },
      ]);
      expect(card).toMatchObject({
        key: "PAY-1",
        lastSubmissionAt: "2026-03-02T10:20:00.000Z",
        releasedAt: "2026-03-02T10:50:00.000Z",
        releaseLeadTime: 30 * 60,
      });
      expect(await codeOf(demandId("PAY-2"))).toMatchObject({
        lastSubmissionAt: "2026-03-02T10:05:00.000Z",
        releasedAt: "2026-03-02T10:50:00.000Z",
        releaseLeadTime: 45 * 60,
      });
    });

    it("records a published release covering what was seen up to it; drafts and pre-releases are ignored", async () => {
      const released = receipt(await github("release", fixture("github/release-published.json")));
      expect(released.events).toEqual([
        {
          kind: "release",
          sha: null,
          at: "2026-03-02T11:00:00.000Z",
          demandKeys: ["PAY-1", "PAY-2"],
          countsAsRelease: true,
        },
      ]);
      // The earlier production deploy stays the release of PAY-1's last submission.
      expect(await codeOf(demandId("PAY-1"))).toMatchObject({ releaseLeadTime: 30 * 60 });

      const pre = JSON.parse(fixture("github/release-published.json"));
      pre.release.prerelease = true;
      expect(receipt(await github("release", JSON.stringify(pre))).ignored).toMatch(/pre-releases/);
    });

    it("acknowledges a ping and events it does not use", async () => {
      expect(
        receipt(await github("ping", JSON.stringify({ zen: "Keep it logically awesome." }))).ignored,
      ).toMatch(/ping/);
      expect(receipt(await github("issues", JSON.stringify({ action: "opened" }))).ignored).toMatch(
        /not used/,
      );
    });
  });

  describe("GitLab", () => {
    it("records push, merge and a production deployment: a 10-minute release lead time", async () => {
      const pushed = receipt(await gitlab(fixture("gitlab/push.json")));
      expect(pushed.events).toEqual([
        {
          kind: "commit",
          sha: LEDGER_EXPORT,
          at: "2026-03-03T08:00:00.000Z",
          demandKeys: ["PAY-3"],
          countsAsRelease: false,
        },
      ]);
      const merged = receipt(await gitlab(fixture("gitlab/merge_request-merged.json")));
      expect(merged.events).toMatchObject([
        { kind: "merge", sha: LEDGER_MERGE, at: "2026-03-03T08:30:00.000Z", demandKeys: ["PAY-3"] },
      ]);
      const deployed = receipt(await gitlab(fixture("gitlab/deployment-success.json")));
      expect(deployed.events).toEqual([
        {
          kind: "deploy",
          sha: LEDGER_MERGE,
          at: "2026-03-03T08:40:00.000Z",
          demandKeys: ["PAY-3"],
          countsAsRelease: true,
        },
      ]);
      expect(await codeOf(demandId("PAY-3"))).toMatchObject({
        lastSubmissionAt: "2026-03-03T08:30:00.000Z",
        releasedAt: "2026-03-03T08:40:00.000Z",
        releaseLeadTime: 10 * 60,
      });
      const stored = await ctx.db.codeEvent.findFirstOrThrow({
        where: { kind: "deploy", sha: LEDGER_MERGE },
      });
      expect(stored).toMatchObject({
        source: "gitlab",
        environment: "production",
        repository: "acme/ledger",
      });
    });

    it("ignores merge-request updates that are not merges", async () => {
      const updated = JSON.parse(fixture("gitlab/merge_request-merged.json"));
      updated.object_attributes.action = "update";
      expect(receipt(await gitlab(JSON.stringify(updated))).ignored).toMatch(/only merges/);
    });

    it("refuses a wrong X-Gitlab-Token with 401", async () => {
      const before = await codeEventCount();
      const response = await gitlab(fixture("gitlab/push.json"), `${secret}x`);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: "INVALID_SIGNATURE" });
      expect(await codeEventCount()).toBe(before);
    });
  });

  describe("authenticity and robustness", () => {
    it("answers unsigned, wrongly signed and unknown-board deliveries with 401 and stores nothing", async () => {
      const body = JSON.stringify({
        kind: "commit",
        sha: sha(),
        at: new Date().toISOString(),
        repository: "a/b",
      });
      const before = await codeEventCount();
      const attempts = [
        await github("push", fixture("github/push.json"), { signature: null }),
        await github("push", fixture("github/push.json"), { signature: hmac("not-the-secret", "x") }),
        await github("push", fixture("github/push.json"), { signature: "sha256=zz" }),
        await generic(board.id, body, { key: "guess" }),
        await generic(randomUUID(), body),
        await ctx.app.inject({
          method: "POST",
          url: `/api/hooks/${board.id}/generic`,
          headers: { "content-type": "application/json" },
          payload: body,
        }),
        await ctx.app.inject({
          method: "POST",
          url: `/api/hooks/${board.id}/gitlab`,
          headers: { "content-type": "application/json" },
          payload: fixture("gitlab/push.json"),
        }),
      ];
      for (const response of attempts) {
        expect(response.statusCode, response.body).toBe(401);
        expect(response.json()).toMatchObject({ code: "INVALID_SIGNATURE" });
      }
      expect(await codeEventCount()).toBe(before);
    });

    it("stores a redelivered event once", async () => {
      const delivery = randomUUID();
      const event = { kind: "commit", sha: sha(), at: new Date().toISOString(), repository: "acme/payments" };
      const first = receipt(await generic(board.id, { ...event, message: "PAY-2 tidy" }, { delivery }));
      expect(first).toMatchObject({ duplicate: false, events: [{ demandKeys: ["PAY-2"] }] });
      const seq = (await ctx.db.board.findUniqueOrThrow({ where: { id: board.id } })).seq;
      const count = await codeEventCount();

      const again = receipt(await generic(board.id, { ...event, message: "PAY-2 tidy" }, { delivery }));
      expect(again).toMatchObject({ deliveryId: delivery, duplicate: true, events: [] });
      expect(await codeEventCount()).toBe(count);
      expect((await ctx.db.board.findUniqueOrThrow({ where: { id: board.id } })).seq).toBe(seq);

      // A GitHub redelivery keeps its X-GitHub-Delivery: the whole push is stored once.
      const pushDelivery = randomUUID();
      receipt(await github("push", fixture("github/push.json"), { delivery: pushDelivery }));
      const afterPush = await codeEventCount();
      expect(
        receipt(await github("push", fixture("github/push.json"), { delivery: pushDelivery })).duplicate,
      ).toBe(true);
      expect(await codeEventCount()).toBe(afterPush);
    });

    it("F10: stores a captured signed body once, even resent under fresh delivery ids", async () => {
      // The delivery id header is not covered by the signature: a replay may carry any id it likes.
      const other = await createBoard(admin, "Replays");
      const key = await newSecret(other.id);
      const event = { kind: "commit", sha: sha(), at: new Date().toISOString(), repository: "acme/replays" };
      expect(receipt(await generic(other.id, event, { key })).duplicate).toBe(false);
      const count = await codeEventCount(other.id);
      const seq = (await ctx.db.board.findUniqueOrThrow({ where: { id: other.id } })).seq;
      for (const delivery of [randomUUID(), randomUUID()]) {
        const again = receipt(await generic(other.id, event, { key, delivery }));
        expect(again).toMatchObject({ deliveryId: delivery, duplicate: true, events: [] });
      }
      expect(await codeEventCount(other.id)).toBe(count);
      expect((await ctx.db.board.findUniqueOrThrow({ where: { id: other.id } })).seq).toBe(seq);

      // The same for GitHub's X-GitHub-Delivery and GitLab's X-Gitlab-Event-UUID.
      const push = JSON.stringify({ ...JSON.parse(fixture("github/push.json")), after: sha() });
      expect(receipt(await github("push", push)).duplicate).toBe(false);
      expect(receipt(await github("push", push)).duplicate).toBe(true);
      const gitlabPush = JSON.stringify({ ...JSON.parse(fixture("gitlab/push.json")), after: sha() });
      expect(receipt(await gitlab(gitlabPush)).duplicate).toBe(false);
      expect(receipt(await gitlab(gitlabPush)).duplicate).toBe(true);
    });

    it("answers malformed JSON with 400 and the parser's reason", async () => {
      const response = await generic(board.id, '{"kind": "commit",');
      expect(response.statusCode).toBe(400);
      const body = response.json() as { code: string; message: string };
      expect(body.code).toBe("MALFORMED_JSON");
      expect(body.message).toMatch(/^The body is not valid JSON: .*JSON/);
    });

    it("answers a payload without a needed field with 400 naming it", async () => {
      const response = await generic(board.id, { kind: "deploy", sha: sha(), repository: "acme/payments" });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: "VALIDATION_FAILED",
        message: expect.stringMatching(/^body\.at: /),
      });

      const push = JSON.parse(fixture("github/push.json"));
      push.commits[0].timestamp = "yesterday";
      const bad = await github("push", JSON.stringify(push));
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ message: expect.stringMatching(/^body\.commits\.0\.timestamp: /) });
    });

    it("refuses an oversized body with 413", async () => {
      const body = JSON.stringify({ kind: "commit", message: "x".repeat(6 * 1024 * 1024) });
      const response = await generic(board.id, body);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    });

    it("refuses a body that is not JSON with 415", async () => {
      const response = await ctx.app.inject({
        method: "POST",
        url: `/api/hooks/${board.id}/github`,
        headers: { "content-type": "application/x-www-form-urlencoded", "x-github-event": "push" },
        payload: "payload=%7B%7D",
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    });

    it("accepts the previous secret during the rotation's grace period, and not once revoked", async () => {
      const other = await createBoard(admin, "Rotation");
      // A rotation needs no body: the first one creates the board's first secret.
      const created = await admin.request({ method: "POST", url: `/api/boards/${other.id}/webhook-secrets` });
      expect(created.statusCode, created.body).toBe(201);
      const first = (created.json() as TWebhookSecretRotation).secret.secret as string;
      const second = await newSecret(other.id, 60);
      const event = () => ({ kind: "commit", sha: sha(), at: new Date().toISOString(), repository: "a/b" });
      expect((await generic(other.id, event(), { key: first })).statusCode).toBe(200);
      expect((await generic(other.id, event(), { key: second })).statusCode).toBe(200);
      const third = await newSecret(other.id, 0);
      expect((await generic(other.id, event(), { key: first })).statusCode).toBe(401);
      expect((await generic(other.id, event(), { key: second })).statusCode).toBe(401);
      expect((await generic(other.id, event(), { key: third })).statusCode).toBe(200);
    });
  });

  describe("generic events", () => {
    it("records a deploy to staging without releasing anything", async () => {
      const other = await createBoard(admin, "Staging");
      const key = await newSecret(other.id);
      const demand = await addDemand(admin, other, { title: "Search" });
      const commit = sha();
      const now = Date.now();
      receipt(
        await generic(
          other.id,
          {
            kind: "commit",
            sha: commit,
            at: new Date(now - 20 * MINUTE).toISOString(),
            repository: "acme/search",
            demandKeys: [demand.key.toLowerCase()],
          },
          { key },
        ),
      );
      const staged = receipt(
        await generic(
          other.id,
          {
            kind: "deploy",
            sha: commit,
            at: new Date(now - 10 * MINUTE).toISOString(),
            repository: "acme/search",
            environment: "staging",
          },
          { key },
        ),
      );
      expect(staged.events).toMatchObject([
        { kind: "deploy", demandKeys: [demand.key], countsAsRelease: false },
      ]);
      expect(await codeOf(demand.id)).toMatchObject({ releasedAt: null, releaseLeadTime: null });
    });

    it("links a deploy listing its commits to exactly those commits' demands", async () => {
      const other = await createBoard(admin, "Listed");
      const key = await newSecret(other.id);
      const a = await addDemand(admin, other, { title: "A" });
      const b = await addDemand(admin, other, { title: "B" });
      const now = Date.now();
      const commitA = sha();
      const commitB = sha();
      for (const [commit, demand, minutes] of [
        [commitA, a, 30],
        [commitB, b, 20],
      ] as const) {
        receipt(
          await generic(
            other.id,
            {
              kind: "commit",
              sha: commit,
              at: new Date(now - minutes * MINUTE).toISOString(),
              repository: "acme/x",
              message: `${demand.key} work`,
            },
            { key },
          ),
        );
      }
      const deployed = receipt(
        await generic(
          other.id,
          {
            kind: "release",
            sha: commitA,
            commits: [commitA],
            at: new Date(now - 5 * MINUTE).toISOString(),
            repository: "acme/x",
          },
          { key },
        ),
      );
      expect(deployed.events).toMatchObject([{ demandKeys: [a.key], countsAsRelease: true }]);
      expect(await codeOf(a.id)).toMatchObject({ releaseLeadTime: 25 * 60 });
      expect(await codeOf(b.id)).toMatchObject({ releaseLeadTime: null });
    });

    it("broadcasts demand.updated with a new sequence number for each demand an event names", async () => {
      const publish = vi.spyOn(ctx.app.boardEvents, "publish");
      try {
        const before = Number((await ctx.db.board.findUniqueOrThrow({ where: { id: board.id } })).seq);
        receipt(
          await generic(board.id, {
            kind: "commit",
            sha: sha(),
            at: new Date().toISOString(),
            repository: "acme/payments",
            message: "PAY-1 and PAY-3: rename",
          }),
        );
        const events = publish.mock.calls.map(([event]) => event as TBoardEvent);
        expect(events.map((event) => [event.type, event.seq])).toEqual([
          ["demand.updated", before + 1],
          ["demand.updated", before + 2],
        ]);
        expect(
          events.map((event) => (event.type === "demand.updated" ? event.payload.demand.key : null)),
        ).toEqual(["PAY-1", "PAY-3"]);
      } finally {
        publish.mockRestore();
      }
    });
  });

  describe("a production release moves its demands to Done", () => {
    it("moves them with the pipeline as the actor, skipping criteria, when the board says so", async () => {
      const other = await createBoard(admin, "Moves");
      const key = await newSecret(other.id);
      const development = stageNamed(other, "Development");
      const done = stageNamed(other, "Done");
      const shipped = await addDemand(admin, other, { title: "Shipped" });
      const unfinished = await addDemand(admin, other, { title: "Still in progress" });
      // In Development with its exit criterion ("Code reviewed") unticked: a person could not move it to Done.
      await ctx.db.demand.updateMany({ where: { boardId: other.id }, data: { stageId: development.id } });

      const settings = await admin.request({
        method: "PATCH",
        url: `/api/boards/${other.id}/pipeline-settings`,
        payload: { releaseMovesToDone: true, productionEnvironments: ["prod", "production"] },
      });
      expect(settings.statusCode, settings.body).toBe(200);

      const now = Date.now();
      const at = (minutes: number) => new Date(now - minutes * MINUTE).toISOString();
      const shaA = sha();
      const shaB = sha();
      const shaLater = sha();
      const send = (event: object) => generic(other.id, { repository: "acme/moves", ...event }, { key });
      receipt(await send({ kind: "commit", sha: shaA, at: at(40), message: `${shipped.key} done` }));
      receipt(await send({ kind: "commit", sha: shaB, at: at(35), message: `${unfinished.key} part one` }));
      receipt(
        await send({ kind: "commit", sha: shaLater, at: at(5), message: `${unfinished.key} part two` }),
      );
      const publish = vi.spyOn(ctx.app.boardEvents, "publish");
      let answer: TWebhookReceipt;
      try {
        answer = receipt(await send({ kind: "deploy", sha: shaB, at: at(10), environment: "PROD" }));
        const types = publish.mock.calls.map(([event]) => [
          event.type,
          (event as { payload: { demand?: TDemand } }).payload.demand?.key,
        ]);
        expect(types).toEqual([
          ["demand.moved", shipped.key],
          ["demand.updated", unfinished.key],
        ]);
      } finally {
        publish.mockRestore();
      }
      // The unfinished demand has a commit after the deploy: the deploy did not ship all of it.
      expect(answer.movedToDone).toEqual([shipped.key]);

      const after = await ctx.db.demand.findUniqueOrThrow({ where: { id: shipped.id } });
      expect(after.stageId).toBe(done.id);
      expect((await ctx.db.demand.findUniqueOrThrow({ where: { id: unfinished.id } })).stageId).toBe(
        development.id,
      );
      const transition = await ctx.db.transition.findFirstOrThrow({
        where: { demandId: shipped.id, toStageId: done.id },
      });
      expect(transition).toMatchObject({
        kind: "moved",
        fromStageId: development.id,
        actorId: null,
        note: expect.stringMatching(/^Moved by the pipeline: acme\/moves@\w+ deployed to PROD$/),
      });
      expect(await codeOf(shipped.id)).toMatchObject({ releaseLeadTime: 30 * 60 });
    });

    it("still respects a hard WIP limit on Done: the demand stays and the receipt says why", async () => {
      const other = await createBoard(admin, "Full Done");
      const key = await newSecret(other.id);
      const done = stageNamed(other, "Done");
      const limited = await admin.request({
        method: "PATCH",
        url: `/api/boards/${other.id}/stages/${done.id}`,
        payload: { wipLimit: 0, wipPolicy: "hard" },
      });
      expect(limited.statusCode, limited.body).toBe(200);
      await admin.request({
        method: "PATCH",
        url: `/api/boards/${other.id}/pipeline-settings`,
        payload: { releaseMovesToDone: true },
      });
      const demand = await addDemand(admin, other, { title: "Blocked by a full Done" });
      const commit = sha();
      const now = Date.now();
      const send = (event: object) => generic(other.id, { repository: "acme/full", ...event }, { key });
      receipt(
        await send({
          kind: "commit",
          sha: commit,
          at: new Date(now - 20 * MINUTE).toISOString(),
          message: demand.key,
        }),
      );
      const released = receipt(
        await send({ kind: "release", sha: commit, at: new Date(now - 10 * MINUTE).toISOString() }),
      );
      expect(released.movedToDone).toEqual([]);
      expect(released.notMoved).toEqual([
        { key: demand.key, code: "WIP_LIMIT_REACHED", message: expect.any(String) },
      ]);
      expect((await ctx.db.demand.findUniqueOrThrow({ where: { id: demand.id } })).stageId).toBe(
        demand.stageId,
      );
      expect(await codeOf(demand.id)).toMatchObject({ releaseLeadTime: 10 * 60 });
    });

    it("F10: a release older than the demand's last reopening leaves it reopened; a later one moves it", async () => {
      const other = await createBoard(admin, "Reopened");
      const key = await newSecret(other.id);
      const development = stageNamed(other, "Development");
      const done = stageNamed(other, "Done");
      const demand = await addDemand(admin, other, { title: "Shipped, then reopened" });
      await ctx.db.demand.update({ where: { id: demand.id }, data: { stageId: development.id } });
      // No criteria in the way of the reopening move below.
      await ctx.db.criterion.deleteMany({ where: { stage: { boardId: other.id } } });
      await admin.request({
        method: "PATCH",
        url: `/api/boards/${other.id}/pipeline-settings`,
        payload: { releaseMovesToDone: true },
      });
      const now = Date.now();
      const at = (minutes: number) => new Date(now - minutes * MINUTE).toISOString();
      const commit = sha();
      const send = (event: object) => generic(other.id, { repository: "acme/reopen", ...event }, { key });
      receipt(await send({ kind: "commit", sha: commit, at: at(40), message: demand.key }));
      const release = { kind: "release", sha: commit, at: at(30), commits: [commit] };
      expect(receipt(await send(release)).movedToDone).toEqual([demand.key]);

      // Someone reopens it: back to Development, after that release.
      const moved = await ctx.db.demand.findUniqueOrThrow({ where: { id: demand.id } });
      const reopen = await admin.request({
        method: "POST",
        url: `/api/demands/${demand.id}/move`,
        payload: { toStageId: development.id, expectedVersion: moved.version },
      });
      expect(reopen.statusCode, reopen.body).toBe(200);
      const reopenedAt = (
        await ctx.db.transition.findFirstOrThrow({
          where: { demandId: demand.id, fromStageId: done.id, toStageId: development.id },
        })
      ).at;

      // The same release reported again in another body (here: named a second time, by key).
      const older = receipt(await send({ ...release, demandKeys: [demand.key] }));
      expect(older).toMatchObject({ duplicate: false, movedToDone: [] });
      const stageOf = async () =>
        (await ctx.db.demand.findUniqueOrThrow({ where: { id: demand.id } })).stageId;
      expect(await stageOf()).toBe(development.id);

      // A release after the reopening ships the rework.
      const later = new Date(reopenedAt.getTime() + 1).toISOString();
      const newer = receipt(await send({ kind: "release", sha: commit, at: later, commits: [commit] }));
      expect(newer.movedToDone).toEqual([demand.key]);
      expect(await stageOf()).toBe(done.id);
    });

    it("leaves demands where they are while the setting is off (the default)", async () => {
      const settings = await admin.request({
        method: "GET",
        url: `/api/boards/${board.id}/pipeline-settings`,
      });
      expect(settings.json()).toEqual({
        settings: { releaseMovesToDone: false, productionEnvironments: ["production"] },
      });
      const stages = await ctx.db.demand.findMany({
        where: { boardId: board.id },
        select: { stageId: true },
      });
      expect(new Set(stages.map((row) => row.stageId))).toEqual(new Set([stageNamed(board, "Selection").id]));
    });
  });

  describe("end to end: the release lead time reaches the dashboard", () => {
    async function shipOneDemand(kind: "deploy" | "release") {
      const other = await createBoard(admin, `E2E ${kind}`);
      const key = await newSecret(other.id);
      const demand = await addDemand(admin, other, { title: "Checkout" });
      const metrics = async () =>
        (await admin.request({ method: "GET", url: `/api/boards/${other.id}/metrics` })).json() as TMetrics;
      const before = await metrics();

      const commit = sha();
      const committedAt = Date.now() - 45 * MINUTE;
      receipt(
        await generic(
          other.id,
          {
            kind: "commit",
            sha: commit,
            at: new Date(committedAt).toISOString(),
            repository: "acme/shop",
            message: `${demand.key}: checkout button`,
          },
          { key },
        ),
      );
      receipt(
        await generic(
          other.id,
          {
            kind,
            sha: commit,
            at: new Date(committedAt + 30 * MINUTE).toISOString(),
            repository: "acme/shop",
            ...(kind === "deploy" ? { environment: "production" } : {}),
          },
          { key },
        ),
      );
      return { demand, before, after: await metrics() };
    }

    it("[E2E] commit, then a release 30 minutes later: 30 minutes on the demand and in the release tile", async () => {
      const { demand, before, after } = await shipOneDemand("release");
      expect(await codeOf(demand.id)).toMatchObject({ releaseLeadTime: 1800 });
      expect(after.release.count).toBe(before.release.count + 1);
      expect(after.release.p50).toBe(1800);
    });

    it("[E2E] commit, then a production deploy 30 minutes later: 30 minutes on the demand", async () => {
      const { demand } = await shipOneDemand("deploy");
      expect(await codeOf(demand.id)).toMatchObject({ releaseLeadTime: 1800 });
    });

    it("[E2E] commit, then a production deploy 30 minutes later: counted in the release tile", async () => {
      const { before, after } = await shipOneDemand("deploy");
      expect(after.release.count).toBe(before.release.count + 1);
      expect(after.release.p50).toBe(1800);
    });
  });

  describe("settings", () => {
    it("lets admins list and rotate webhook secrets, audited by fingerprint only; members may not", async () => {
      const list = await admin.request({ method: "GET", url: `/api/boards/${board.id}/webhook-secrets` });
      expect(list.statusCode).toBe(200);
      const secrets = list.json() as TWebhookSecretList;
      expect(secrets.endpoints).toEqual({
        github: `/api/hooks/${board.id}/github`,
        gitlab: `/api/hooks/${board.id}/gitlab`,
        generic: `/api/hooks/${board.id}/generic`,
      });
      expect(secrets.secrets).toEqual([expect.objectContaining({ secret, active: true, revokedAt: null })]);

      for (const request of [
        { method: "GET" as const, url: `/api/boards/${board.id}/webhook-secrets` },
        { method: "POST" as const, url: `/api/boards/${board.id}/webhook-secrets`, payload: {} },
        {
          method: "PATCH" as const,
          url: `/api/boards/${board.id}/pipeline-settings`,
          payload: { releaseMovesToDone: true },
        },
      ]) {
        const refused = await member.request(request);
        expect(refused.statusCode, refused.body).toBe(403);
      }
      const stranger = await createClient(ctx.app, "stranger");
      expect(
        (await stranger.request({ method: "GET", url: `/api/boards/${board.id}/webhook-secrets` }))
          .statusCode,
      ).toBe(404);

      const audit = await admin.request({ method: "GET", url: `/api/boards/${board.id}/audit` });
      const events = (audit.json() as TAuditPage).events;
      expect(events.map((event) => event.action)).toContain("webhook_secret.created");
      expect(audit.body).not.toContain(secret);
    });

    it("lets admins change the pipeline settings (audited) and refuses bad values", async () => {
      const other = await createBoard(admin, "Settings");
      const changed = await admin.request({
        method: "PATCH",
        url: `/api/boards/${other.id}/pipeline-settings`,
        payload: { productionEnvironments: ["live"] },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        settings: { releaseMovesToDone: false, productionEnvironments: ["live"] },
      });
      const audit = (
        await admin.request({ method: "GET", url: `/api/boards/${other.id}/audit` })
      ).json() as TAuditPage;
      expect(audit.events[0]).toMatchObject({
        action: "pipeline_settings.updated",
        before: { productionEnvironments: ["production"] },
        after: { productionEnvironments: ["live"] },
      });

      for (const payload of [{}, { productionEnvironments: [] }, { releaseMovesToDone: "yes" }]) {
        const refused = await admin.request({
          method: "PATCH",
          url: `/api/boards/${other.id}/pipeline-settings`,
          payload,
        });
        expect(refused.statusCode, refused.body).toBe(400);
      }
    });
  });
});
