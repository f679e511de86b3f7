import { z } from "zod";
import { ZId } from "./board";
import { ZPerson } from "./demand-history";

/** Comments on a demand, in markdown; shown rendered without raw HTML. */

export const ZCommentIdParams = z.object({ id: ZId });

const ZCommentBody = z.string().trim().min(1, "must not be empty").max(10_000);

export const ZCommentBodyInput = z.object({
  body: ZCommentBody.describe("Markdown; @Full Name mentions a board member, who is notified"),
});
export type TCommentBodyInput = z.infer<typeof ZCommentBodyInput>;

export const ZComment = z.object({
  id: ZId,
  demandId: ZId,
  author: ZPerson.describe("Null once the author's account is gone"),
  body: z.string(),
  /** The board members the comment mentions. */
  mentions: z.array(ZId),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZCommentList = z.object({
  comments: z.array(ZComment).describe("Oldest first; deleted comments are left out"),
});
export type TCommentList = z.infer<typeof ZCommentList>;

export const ZCommentChange = z.object({ comment: ZComment, seq: z.number().int() });
export type TCommentChange = z.infer<typeof ZCommentChange>;
