import type { BoardEventSink } from "../board-events";
import type { UserEventSink } from "../insights/user-events";
import { type MentionNotices, sendMentionNotices } from "./notify-mentions";

/**
 * After a comment's transaction has committed: tells everyone with the board
 * open (`comment.changed`, at the board's new seq) and then the members the
 * comment newly @mentions. Adding, editing and deleting all end here.
 */
export function announceCommentChange(
  { events, users }: { events: BoardEventSink; users?: UserEventSink },
  change: {
    boardId: string;
    demandId: string;
    commentId: string;
    seq: number;
    change: "created" | "edited" | "deleted";
    notices?: MentionNotices["notices"];
  },
): void {
  events.publish({
    seq: change.seq,
    boardId: change.boardId,
    type: "comment.changed",
    payload: { demandId: change.demandId, commentId: change.commentId, change: change.change },
  });
  if (users && change.notices) sendMentionNotices(users, change.notices);
}
