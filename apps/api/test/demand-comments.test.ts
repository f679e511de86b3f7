import type {
  TBoard,
  TComment,
  TCommentChange,
  TCommentList,
  TNotification,
  TNotificationList,
} from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BoardWithRoles, boardWithRoles } from "./helpers/board-roles";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { type BoardClientSocket, connectSocket, join, recordEvents, waitFor } from "./helpers/socket";
import { useTestApp } from "./test-app";

describe("comments on a demand", () => {
  const ctx = useTestApp();
  let baseUrl: string;
  let people: BoardWithRoles;
  let board: TBoard;
  let otherMember: Client;
  const sockets: BoardClientSocket[] = [];

  beforeAll(async () => {
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    people = await boardWithRoles(ctx.app);
    board = people.board;
    otherMember = await createClient(ctx.app, "Olive Other");
    await ctx.db.boardMember.create({
      data: { boardId: board.id, userId: otherMember.userId, role: "member" },
    });
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  async function socketOf(client: Client) {
    const socket = await connectSocket(baseUrl, client.cookie);
    sockets.push(socket);
    expect(await join(socket, board.id)).toMatchObject({ ok: true });
    return socket;
  }
  const post = (client: Client, demandId: string, body: string) =>
    client.request({ method: "POST", url: `/api/demands/${demandId}/comments`, payload: { body } });
  const list = async (client: Client, demandId: string) => {
    const response = await client.request({ method: "GET", url: `/api/demands/${demandId}/comments` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as TCommentList).comments;
  };
  const notifications = async (client: Client) =>
    ((await client.request({ method: "GET", url: "/api/notifications" })).json() as TNotificationList)
      .notifications;

  it("lets members write and everyone on the board read, and tells open boards live", async () => {
    const demand = await addDemand(people.admin, board);
    const watcher = await socketOf(people.viewer);
    const events = recordEvents(watcher);

    const posted = await post(people.member, demand.id, "Needs the **refund** API");
    expect(posted.statusCode, posted.body).toBe(201);
    const { comment } = posted.json() as TCommentChange;
    expect(comment).toMatchObject({
      demandId: demand.id,
      author: { id: people.member.userId, name: "Mo Member" },
      body: "Needs the **refund** API",
      editedAt: null,
    });
    await waitFor(() =>
      events.some(
        (e) =>
          e.type === "comment.changed" &&
          e.payload.commentId === comment.id &&
          e.payload.change === "created",
      ),
    );
    expect((await list(people.viewer, demand.id)).map((c) => c.body)).toEqual(["Needs the **refund** API"]);

    const refused = await post(people.viewer, demand.id, "I only read");
    expect(refused.statusCode).toBe(403);
    expect(await list(people.admin, demand.id)).toHaveLength(1);
  });

  it("notifies exactly the mentioned member, in the bell and live", async () => {
    const demand = await addDemand(people.admin, board);
    const mentionedSocket = await connectSocket(baseUrl, people.viewer.cookie);
    sockets.push(mentionedSocket);
    const pushed: TNotification[] = [];
    mentionedSocket.on("notification:new", (notification) => pushed.push(notification));
    const before = {
      admin: (await notifications(people.admin)).length,
      other: (await notifications(otherMember)).length,
      author: (await notifications(people.member)).length,
    };

    const posted = await post(
      people.member,
      demand.id,
      "@vi viewer can you check? Not @Stan Stranger, not me @Mo Member",
    );
    expect(posted.statusCode, posted.body).toBe(201);
    const { comment } = posted.json() as TCommentChange;
    expect(comment.mentions).toEqual([people.viewer.userId]);

    await waitFor(() => pushed.some((n) => n.kind === "mention" && n.commentId === comment.id));
    const inBell = (await notifications(people.viewer)).filter((n) => n.kind === "mention");
    expect(inBell).toEqual([
      expect.objectContaining({
        kind: "mention",
        demandId: demand.id,
        demandKey: demand.key,
        commentId: comment.id,
        authorName: "Mo Member",
        readAt: null,
      }),
    ]);
    expect((await notifications(people.admin)).length).toBe(before.admin);
    expect((await notifications(otherMember)).length).toBe(before.other);
    expect((await notifications(people.member)).length).toBe(before.author);
    expect(await ctx.db.notification.count({ where: { commentId: comment.id } })).toBe(1);

    // An edit that mentions the same member again does not notify twice; a newly mentioned one is notified.
    const edited = await people.member.request({
      method: "PATCH",
      url: `/api/comments/${comment.id}`,
      payload: { body: "@Vi Viewer and @Olive Other, please" },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      await ctx.db.notification.findMany({ where: { commentId: comment.id }, select: { userId: true } }),
    ).toEqual(expect.arrayContaining([{ userId: people.viewer.userId }, { userId: otherMember.userId }]));
    expect(await ctx.db.notification.count({ where: { commentId: comment.id } })).toBe(2);
  });

  it("lets authors edit and delete their own comments and admins delete any", async () => {
    const demand = await addDemand(people.admin, board);
    const mine = (await post(people.member, demand.id, "first")).json() as TCommentChange;
    const theirs = (await post(otherMember, demand.id, "second")).json() as TCommentChange;
    const patch = (client: Client, comment: TComment, body: string) =>
      client.request({ method: "PATCH", url: `/api/comments/${comment.id}`, payload: { body } });
    const remove = (client: Client, comment: TComment) =>
      client.request({ method: "DELETE", url: `/api/comments/${comment.id}` });

    expect((await patch(otherMember, mine.comment, "hijack")).statusCode).toBe(403);
    expect((await patch(people.admin, mine.comment, "hijack")).statusCode).toBe(403);
    const edited = await patch(people.member, mine.comment, "first, corrected");
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as TCommentChange).comment.editedAt).not.toBeNull();

    expect((await remove(people.member, theirs.comment)).statusCode).toBe(403);
    expect((await remove(people.viewer, theirs.comment)).statusCode).toBe(403);
    expect((await remove(people.admin, theirs.comment)).statusCode).toBe(204);
    expect((await remove(people.member, mine.comment)).statusCode).toBe(204);
    expect(await list(people.viewer, demand.id)).toEqual([]);
    expect((await patch(people.member, mine.comment, "again")).statusCode).toBe(404);
  });

  it("answers a non-member 404 on every comment route", async () => {
    const demand = await addDemand(people.admin, board);
    const { comment } = (await post(people.member, demand.id, "private")).json() as TCommentChange;
    const { stranger } = people;
    const answers = await Promise.all([
      stranger.request({ method: "GET", url: `/api/demands/${demand.id}/comments` }),
      post(stranger, demand.id, "hello"),
      stranger.request({ method: "PATCH", url: `/api/comments/${comment.id}`, payload: { body: "x" } }),
      stranger.request({ method: "DELETE", url: `/api/comments/${comment.id}` }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([404, 404, 404, 404]);
    expect(answers.every((answer) => !answer.body.includes("private"))).toBe(true);
  });

  it("refuses an empty comment with 400 naming the field", async () => {
    const demand = await addDemand(people.admin, board);
    const response = await post(people.member, demand.id, "   ");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("body"),
    });
  });
});
