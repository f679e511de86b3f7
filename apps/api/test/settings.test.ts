import type {
  TAuditPage,
  TBoard,
  TBoardRole,
  TCriterionChange,
  TInvitationCreated,
  TLane,
  TLaneChange,
  TMemberChange,
  TStage,
  TStageChange,
} from "@tideway/contracts";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { type BoardClientSocket, connectSocket, join, recordEvents, waitFor } from "./helpers/socket";
import { useTestApp } from "./test-app";

describe("board settings", () => {
  const ctx = useTestApp();
  let admin: Client;
  let member: Client;
  let viewer: Client;
  let stranger: Client;
  const sockets: BoardClientSocket[] = [];

  beforeAll(async () => {
    [admin, member, viewer, stranger] = await Promise.all([
      createClient(ctx.app, "admin"),
      createClient(ctx.app, "member"),
      createClient(ctx.app, "viewer"),
      createClient(ctx.app, "stranger"),
    ]);
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  /** A fresh "2-1-1" board (or the "empty" one) with `member` and `viewer` on it. */
  async function teamBoard(template: "2-1-1" | "empty" = "2-1-1"): Promise<TBoard> {
    const board =
      template === "2-1-1"
        ? await createBoard(admin)
        : ((
            await admin.request({
              method: "POST",
              url: "/api/boards",
              payload: {
                name: "Empty",
                key: `E${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
                template,
              },
            })
          ).json() as TBoard);
    await ctx.db.boardMember.createMany({
      data: [
        { boardId: board.id, userId: member.userId, role: "member" },
        { boardId: board.id, userId: viewer.userId, role: "viewer" },
      ],
    });
    return board;
  }

  const send = (client: Client, method: InjectOptions["method"], url: string, payload?: object) =>
    client.request({ method, url, ...(payload ? { payload } : {}) });

  const boardSeq = async (boardId: string) =>
    Number((await ctx.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq);

  const names = (rows: { name: string }[]) => rows.map((row) => row.name);

  const expectDense = (rows: { position: number }[]) =>
    expect(rows.map((row) => row.position)).toEqual(rows.map((_row, index) => index));

  async function settingsSnapshot(boardId: string) {
    return {
      seq: await boardSeq(boardId),
      stages: await ctx.db.stage.findMany({ where: { boardId }, orderBy: { id: "asc" } }),
      lanes: await ctx.db.lane.findMany({ where: { boardId }, orderBy: { id: "asc" } }),
      criteria: await ctx.db.criterion.findMany({ where: { stage: { boardId } }, orderBy: { id: "asc" } }),
      members: await ctx.db.boardMember.findMany({ where: { boardId }, orderBy: { userId: "asc" } }),
      audit: await ctx.db.auditEvent.count({ where: { boardId } }),
    };
  }

  describe("stages", () => {
    it("adds, renames, re-limits, reorders and removes a stage, keeping positions 0..n-1", async () => {
      const board = await teamBoard();
      const url = `/api/boards/${board.id}/stages`;

      const created = await send(admin, "POST", url, { name: "Review", wipLimit: 2, position: 3 });
      expect(created.statusCode).toBe(201);
      const { stage, stages } = created.json() as TStageChange;
      expect(stage).toMatchObject({
        name: "Review",
        kind: "active",
        wipLimit: 2,
        wipPolicy: "hard",
        boundary: null,
        position: 3,
      });
      expect(names(stages)).toEqual([
        "Selection",
        "Design",
        "Development",
        "Review",
        "Testing",
        "Release",
        "Done",
      ]);
      expectDense(stages);

      const moved = await send(admin, "PATCH", `${url}/${stage.id}`, { position: 0 });
      expect(moved.statusCode).toBe(200);
      expect(names((moved.json() as TStageChange).stages)).toEqual([
        "Review",
        "Selection",
        "Design",
        "Development",
        "Testing",
        "Release",
        "Done",
      ]);
      expectDense((moved.json() as TStageChange).stages);

      const edited = await send(admin, "PATCH", `${url}/${stage.id}`, {
        name: "Peer review",
        kind: "queue",
        wipLimit: null,
        wipPolicy: "soft",
        position: 99,
      });
      expect(edited.statusCode).toBe(200);
      expect((edited.json() as TStageChange).stage).toMatchObject({
        name: "Peer review",
        kind: "queue",
        wipLimit: null,
        wipPolicy: "soft",
        position: 6,
      });

      const listed = await send(viewer, "GET", url);
      expect(listed.statusCode).toBe(200);
      expect((listed.json() as { stages: TStage[] }).stages).toEqual((edited.json() as TStageChange).stages);

      const removed = await send(admin, "DELETE", `${url}/${stage.id}`);
      expect(removed.statusCode).toBe(200);
      const after = (removed.json() as { stages: TStage[] }).stages;
      expect(names(after)).toEqual(names(board.stages));
      expectDense(after);
      expect(await ctx.db.stage.count({ where: { id: stage.id } })).toBe(0);
    });

    it("moves a 2-1-1 boundary: marking it on one stage clears it from the stage that had it", async () => {
      const board = await teamBoard();
      const testing = stageNamed(board, "Testing");
      const response = await send(admin, "PATCH", `/api/boards/${board.id}/stages/${testing.id}`, {
        boundary: "development_end",
      });
      expect(response.statusCode).toBe(200);
      const { stages } = response.json() as TStageChange;
      expect(stages.filter((stage) => stage.boundary === "development_end").map((s) => s.name)).toEqual([
        "Testing",
      ]);
      expect(stages.find((stage) => stage.name === "Release")?.boundary).toBeNull();

      const created = await send(admin, "POST", `/api/boards/${board.id}/stages`, {
        name: "Shipped",
        kind: "done",
        boundary: "delivered",
      });
      expect(created.statusCode).toBe(201);
      const afterCreate = (created.json() as TStageChange).stages;
      expect(afterCreate.filter((stage) => stage.boundary === "delivered").map((s) => s.name)).toEqual([
        "Shipped",
      ]);
    });

    it("refuses removing a stage that holds demands, saying how many, and changes nothing", async () => {
      const board = await teamBoard();
      const development = stageNamed(board, "Development");
      await Promise.all([
        addDemand(admin, board, { stageId: development.id }),
        addDemand(admin, board, { stageId: development.id }),
      ]);
      const before = await settingsSnapshot(board.id);

      const refused = await send(admin, "DELETE", `/api/boards/${board.id}/stages/${development.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        code: "STAGE_NOT_EMPTY",
        message: "Development still holds 2 demands; move or archive them before removing the stage.",
        details: { stageId: development.id, demands: 2 },
      });
      expect(await settingsSnapshot(board.id)).toEqual(before);

      // Archived demands no longer hold the stage, but their history still refers to it.
      for (const demand of await ctx.db.demand.findMany({ where: { stageId: development.id } })) {
        expect((await send(admin, "PATCH", `/api/demands/${demand.id}`, { archived: true })).statusCode).toBe(
          200,
        );
      }
      const historic = await send(admin, "DELETE", `/api/boards/${board.id}/stages/${development.id}`);
      expect(historic.statusCode).toBe(409);
      expect(historic.json()).toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/^Development cannot be removed: demands have passed through it/),
      });
      expect(await ctx.db.stage.count({ where: { id: development.id } })).toBe(1);
    });

    it("keeps at least one stage and one lane on a board", async () => {
      const board = await teamBoard("empty");
      const lane = laneNamed(board, "Standard");
      const lastLane = await send(admin, "DELETE", `/api/boards/${board.id}/lanes/${lane.id}`);
      expect(lastLane.statusCode).toBe(409);
      expect(lastLane.json()).toMatchObject({
        code: "CONFLICT",
        message: "Standard is the board's only swim lane; add another before removing it.",
      });

      for (const name of ["To do", "Doing"]) {
        const removed = await send(
          admin,
          "DELETE",
          `/api/boards/${board.id}/stages/${stageNamed(board, name).id}`,
        );
        expect(removed.statusCode).toBe(200);
      }
      const lastStage = await send(
        admin,
        "DELETE",
        `/api/boards/${board.id}/stages/${stageNamed(board, "Done").id}`,
      );
      expect(lastStage.statusCode).toBe(409);
      expect(lastStage.json()).toMatchObject({
        code: "CONFLICT",
        message: "Done is the board's only stage; add another before removing it.",
      });
      expect(await ctx.db.stage.findMany({ where: { boardId: board.id } })).toMatchObject([
        { name: "Done", position: 0 },
      ]);
    });

    it("names the bad field of a stage body, and a stage of another board is not found", async () => {
      const [board, other] = await Promise.all([teamBoard(), teamBoard()]);
      const negative = await send(admin, "POST", `/api/boards/${board.id}/stages`, {
        name: "X",
        wipLimit: -1,
      });
      expect(negative.statusCode).toBe(400);
      expect(negative.json()).toMatchObject({
        code: "VALIDATION_FAILED",
        message: expect.stringMatching(/^body\.wipLimit/),
      });
      const empty = await send(admin, "PATCH", `/api/boards/${board.id}/stages/${board.stages[0]?.id}`, {});
      expect(empty.statusCode).toBe(400);

      const foreign = await send(admin, "PATCH", `/api/boards/${board.id}/stages/${other.stages[0]?.id}`, {
        name: "Mine now",
      });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toEqual({ code: "NOT_FOUND", message: "Stage was not found." });
    });
  });

  describe("swim lanes", () => {
    it("adds, edits, reorders and removes a lane; a lane holding demands is refused", async () => {
      const board = await teamBoard();
      const url = `/api/boards/${board.id}/lanes`;

      const created = await send(admin, "POST", url, {
        name: "Platform",
        wipLimit: 2,
        wipPolicy: "soft",
        position: 1,
      });
      expect(created.statusCode).toBe(201);
      const { lane, lanes } = created.json() as TLaneChange;
      expect(lane).toMatchObject({ name: "Platform", wipLimit: 2, wipPolicy: "soft", position: 1 });
      expect(names(lanes)).toEqual(["Expedite", "Platform", "Standard", "Defects"]);
      expectDense(lanes);

      const edited = await send(admin, "PATCH", `${url}/${lane.id}`, {
        name: "Platform team",
        wipLimit: 0,
        position: 3,
      });
      expect(edited.statusCode).toBe(200);
      const afterEdit = edited.json() as TLaneChange;
      expect(afterEdit.lane).toMatchObject({ name: "Platform team", wipLimit: 0, position: 3 });
      expect(names(afterEdit.lanes)).toEqual(["Expedite", "Standard", "Defects", "Platform team"]);
      expectDense(afterEdit.lanes);

      const listed = await send(member, "GET", url);
      expect((listed.json() as { lanes: TLane[] }).lanes).toEqual(afterEdit.lanes);

      const removed = await send(admin, "DELETE", `${url}/${lane.id}`);
      expect(removed.statusCode).toBe(200);
      expect(names((removed.json() as { lanes: TLane[] }).lanes)).toEqual(names(board.lanes));

      const standard = laneNamed(board, "Standard");
      await addDemand(admin, board, { laneId: standard.id });
      const refused = await send(admin, "DELETE", `${url}/${standard.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: "LANE_NOT_EMPTY",
        message: "The Standard lane still holds 1 demand; move or archive it before removing the lane.",
      });
    });
  });

  describe("criteria", () => {
    it("adds, rewords, reorders and removes a stage's criteria, keeping their positions dense per stage", async () => {
      const board = await teamBoard();
      const development = stageNamed(board, "Development");
      const url = `/api/boards/${board.id}/criteria`;
      const ofDevelopment = (change: { criteria: TCriterionChange["criteria"] }) =>
        change.criteria.filter((criterion) => criterion.stageId === development.id);

      const created = await send(admin, "POST", url, {
        stageId: development.id,
        text: "Threat model updated",
        position: 0,
      });
      expect(created.statusCode).toBe(201);
      const change = created.json() as TCriterionChange;
      expect(change.criterion).toMatchObject({
        text: "Threat model updated",
        phase: "entry",
        required: true,
        position: 0,
      });
      expect(ofDevelopment(change).map((c) => c.text)).toEqual([
        "Threat model updated",
        "Acceptance rules written",
        "Dependencies identified",
        "Code reviewed",
      ]);
      expectDense(ofDevelopment(change));

      const edited = await send(admin, "PATCH", `${url}/${change.criterion.id}`, {
        text: "Threat model reviewed",
        phase: "exit",
        required: false,
        position: 3,
      });
      expect(edited.statusCode).toBe(200);
      const afterEdit = edited.json() as TCriterionChange;
      expect(afterEdit.criterion).toMatchObject({
        text: "Threat model reviewed",
        phase: "exit",
        required: false,
        position: 3,
      });
      expectDense(ofDevelopment(afterEdit));

      const removed = await send(admin, "DELETE", `${url}/${change.criterion.id}`);
      expect(removed.statusCode).toBe(200);
      const afterRemove = removed.json() as TCriterionChange;
      expect(ofDevelopment(afterRemove).map((c) => c.text)).toEqual([
        "Acceptance rules written",
        "Dependencies identified",
        "Code reviewed",
      ]);
      expectDense(ofDevelopment(afterRemove));
      expect((await send(viewer, "GET", url)).json()).toEqual({ criteria: afterRemove.criteria });
    });

    it("refuses a criterion for a stage of another board as a validation error", async () => {
      const [board, other] = await Promise.all([teamBoard(), teamBoard()]);
      const response = await send(admin, "POST", `/api/boards/${board.id}/criteria`, {
        stageId: other.stages[0]?.id,
        text: "Sneaky",
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: "VALIDATION_FAILED",
        message: "body.stageId: is not a stage of this board",
      });
    });
  });

  describe("members", () => {
    const emailOf = async (client: Client) =>
      (await ctx.db.user.findUniqueOrThrow({ where: { id: client.userId } })).email;

    it("invites a user by email, who joins with the link; changes their role and removes them", async () => {
      const board = await teamBoard();
      const newcomer = await createClient(ctx.app, "newcomer");
      const url = `/api/boards/${board.id}/members`;

      const invited = await send(admin, "POST", url, {
        email: (await emailOf(newcomer)).toUpperCase(),
        role: "viewer",
      });
      expect(invited.statusCode).toBe(201);
      const { path, invitation } = invited.json() as TInvitationCreated;
      expect(invitation).toMatchObject({ email: await emailOf(newcomer), role: "viewer" });
      expect((await send(newcomer, "GET", `/api/boards/${board.id}`)).statusCode).toBe(404);
      const accepted = await send(newcomer, "POST", `/api${path}/accept`);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect((await send(newcomer, "GET", `/api/boards/${board.id}`)).statusCode).toBe(200);

      const promoted = await send(admin, "PATCH", `${url}/${newcomer.userId}`, { role: "member" });
      expect(promoted.statusCode).toBe(200);
      expect((promoted.json() as TMemberChange).member.role).toBe("member");

      const listed = await send(admin, "GET", url);
      expect(listed.statusCode).toBe(200);
      expect((listed.json() as { members: { userId: string; role: TBoardRole }[] }).members).toHaveLength(4);

      const removed = await send(admin, "DELETE", `${url}/${newcomer.userId}`);
      expect(removed.statusCode).toBe(200);
      expect((await send(newcomer, "GET", `/api/boards/${board.id}`)).statusCode).toBe(404);
      expect((await send(admin, "DELETE", `${url}/${newcomer.userId}`)).statusCode).toBe(404);
    });

    it("never leaves a board without an admin", async () => {
      const board = await teamBoard();
      const url = `/api/boards/${board.id}/members`;
      const before = await settingsSnapshot(board.id);

      for (const attempt of [
        send(admin, "PATCH", `${url}/${admin.userId}`, { role: "member" }),
        send(admin, "DELETE", `${url}/${admin.userId}`),
      ]) {
        const response = await attempt;
        expect(response.statusCode).toBe(409);
        expect(response.json()).toMatchObject({
          code: "CONFLICT",
          message: expect.stringMatching(/^You are the board's last admin; make someone else admin before/),
        });
      }
      expect(await settingsSnapshot(board.id)).toEqual(before);

      expect((await send(admin, "PATCH", `${url}/${member.userId}`, { role: "admin" })).statusCode).toBe(200);
      // Two admins demoting each other at once: one wins, and the loser is no longer an admin.
      const [one, other] = await Promise.all([
        send(admin, "PATCH", `${url}/${member.userId}`, { role: "viewer" }),
        send(member, "PATCH", `${url}/${admin.userId}`, { role: "viewer" }),
      ]);
      expect([one.statusCode, other.statusCode].sort()).toEqual([200, 403]);
      expect(await ctx.db.boardMember.count({ where: { boardId: board.id, role: "admin" } })).toBe(1);
    });
  });

  describe("access", () => {
    function everySettingsRequest(board: TBoard, target: Client) {
      const base = `/api/boards/${board.id}`;
      const stage = board.stages[1] as TStage;
      const lane = board.lanes[0] as TLane;
      const criterion = board.criteria[0] as TBoard["criteria"][number];
      return [
        ["POST", `${base}/stages`, { name: "Intruder" }],
        ["PATCH", `${base}/stages/${stage.id}`, { wipLimit: 99 }],
        ["DELETE", `${base}/stages/${stage.id}`],
        ["POST", `${base}/lanes`, { name: "Intruder" }],
        ["PATCH", `${base}/lanes/${lane.id}`, { position: 2 }],
        ["DELETE", `${base}/lanes/${lane.id}`],
        ["POST", `${base}/criteria`, { stageId: stage.id, text: "Intruder" }],
        ["PATCH", `${base}/criteria/${criterion.id}`, { required: false }],
        ["DELETE", `${base}/criteria/${criterion.id}`],
        ["GET", `${base}/members`],
        ["POST", `${base}/members`, { email: "someone@example.test" }],
        ["PATCH", `${base}/members/${target.userId}`, { role: "admin" }],
        ["DELETE", `${base}/members/${target.userId}`],
        ["GET", `${base}/audit`],
      ] as const;
    }

    it("refuses every settings change and the admin-only reads to members and viewers (403), and changes nothing", async () => {
      const board = await teamBoard();
      const before = await settingsSnapshot(board.id);
      for (const client of [member, viewer]) {
        for (const [method, url, payload] of everySettingsRequest(board, viewer)) {
          const response = await send(client, method, url, payload);
          expect(response.statusCode, `${method} ${url}`).toBe(403);
          expect(response.json()).toMatchObject({ code: "FORBIDDEN" });
        }
      }
      expect(await settingsSnapshot(board.id)).toEqual(before);
      expect((await send(viewer, "GET", `/api/boards/${board.id}/stages`)).statusCode).toBe(200);
    });

    it("hides the board's settings from a non-member (404), and changes nothing", async () => {
      const board = await teamBoard();
      const before = await settingsSnapshot(board.id);
      const reads = ["stages", "lanes", "criteria"].map(
        (what) => ["GET", `/api/boards/${board.id}/${what}`] as const,
      );
      for (const [method, url, payload] of [...everySettingsRequest(board, member), ...reads]) {
        const response = await send(stranger, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(response.json()).toEqual({ code: "NOT_FOUND", message: "Board was not found." });
      }
      expect(await settingsSnapshot(board.id)).toEqual(before);
    });
  });

  describe("audit trail and sequence numbers", () => {
    it("records who changed what with the row before and after, newest first and paged, for admins only", async () => {
      const board = await teamBoard();
      const testing = stageNamed(board, "Testing");
      await send(admin, "PATCH", `/api/boards/${board.id}/stages/${testing.id}`, { wipLimit: 3 });
      await send(admin, "PATCH", `/api/boards/${board.id}/members/${viewer.userId}`, { role: "member" });

      const response = await send(admin, "GET", `/api/boards/${board.id}/audit`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as TAuditPage;
      expect(page.next).toBeNull();
      expect(page.events).toMatchObject([
        {
          action: "member.role_changed",
          entity: "member",
          entityId: viewer.userId,
          actor: { id: admin.userId, name: "admin" },
          before: { userId: viewer.userId, role: "viewer" },
          after: { userId: viewer.userId, role: "member" },
        },
        {
          action: "stage.updated",
          entity: "stage",
          entityId: testing.id,
          actor: { id: admin.userId, name: "admin" },
          before: { ...testing, wipLimit: 5 },
          after: { ...testing, wipLimit: 3 },
        },
      ]);
      expect(Date.parse(page.events[0]?.at ?? "")).not.toBeNaN();

      const first = (await send(admin, "GET", `/api/boards/${board.id}/audit?limit=1`)).json() as TAuditPage;
      expect(first.events.map((event) => event.action)).toEqual(["member.role_changed"]);
      expect(first.next).toBe(page.events[0]?.id);
      const second = (
        await send(admin, "GET", `/api/boards/${board.id}/audit?limit=1&before=${first.next}`)
      ).json() as TAuditPage;
      expect(second.events.map((event) => event.action)).toEqual(["stage.updated"]);

      expect((await send(member, "GET", `/api/boards/${board.id}/audit`)).statusCode).toBe(403);
      expect((await send(stranger, "GET", `/api/boards/${board.id}/audit`)).statusCode).toBe(404);
    });

    it("gives a settings change the board's next sequence number and broadcasts it; a change to nothing takes none", async () => {
      const baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
      const board = await teamBoard();
      const socket = await connectSocket(baseUrl, viewer.cookie);
      sockets.push(socket);
      const events = recordEvents(socket);
      expect(await join(socket, board.id)).toEqual({ ok: true, seq: board.seq });

      const design = stageNamed(board, "Design");
      const url = `/api/boards/${board.id}/stages/${design.id}`;
      const changed = await send(admin, "PATCH", url, { wipLimit: 2 });
      expect((changed.json() as TStageChange).seq).toBe(board.seq + 1);
      expect(await boardSeq(board.id)).toBe(board.seq + 1);
      await waitFor(() => events.length > 0);
      expect(events).toEqual([
        { type: "settings.changed", boardId: board.id, seq: board.seq + 1, payload: {} },
      ]);

      const auditBefore = await ctx.db.auditEvent.count({ where: { boardId: board.id } });
      const same = await send(admin, "PATCH", url, { wipLimit: 2, name: "Design" });
      expect(same.statusCode).toBe(200);
      expect((same.json() as TStageChange).seq).toBe(board.seq + 1);
      expect(await ctx.db.auditEvent.count({ where: { boardId: board.id } })).toBe(auditBefore);

      const removed = await send(
        admin,
        "DELETE",
        `/api/boards/${board.id}/stages/${stageNamed(board, "Done").id}`,
      );
      expect(removed.statusCode).toBe(200);
      await waitFor(() => events.length > 1);
      expect(events[1]?.seq).toBe(board.seq + 2);
    });
  });
});
