import { z } from "zod";
import { ZSignUpBody, ZUser } from "./auth";
import { ZBoardRole, ZId } from "./board";

/** An invitation to a board as its admins see it: never the link's secret, which is shown once. */
export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  role: ZBoardRole,
  invitedBy: z.string().nullable().describe("The inviting admin's name; null once their account is gone"),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationList = z.object({
  invitations: z.array(ZInvitation).describe("Pending (not accepted, not expired), newest first"),
});
export type TInvitationList = z.infer<typeof ZInvitationList>;

/** The answer to adding a member: the same whether or not the email has an account. */
export const ZInvitationCreated = ZInvitationList.extend({
  invitation: ZInvitation,
  path: z
    .string()
    .describe("The invitation link's path, `/invitations/<secret>`: shown once, to copy and send"),
  emailed: z.boolean().describe("True when Tideway emailed the link (SMTP_URL is set)"),
});
export type TInvitationCreated = z.infer<typeof ZInvitationCreated>;

export const ZInvitationTokenParams = z.object({ token: z.string().min(1).max(200) });
export const ZInvitationParams = z.object({ boardId: ZId, invitationId: ZId });

/** What the invitation link's page shows before accepting. */
export const ZInvitationPreview = z.object({
  boardName: z.string(),
  email: z.string(),
  role: ZBoardRole,
  invitedBy: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

/**
 * Accepting: signed in (as the invited email), no body is needed; otherwise
 * the name and password of the account to create for the invited email.
 */
export const ZAcceptInvitationBody = z
  .object({ name: ZSignUpBody.shape.name, password: ZSignUpBody.shape.password.optional() })
  .nullish();
export type TAcceptInvitationBody = z.infer<typeof ZAcceptInvitationBody>;

export const ZAcceptedInvitation = z.object({ user: ZUser, boardId: ZId });
export type TAcceptedInvitation = z.infer<typeof ZAcceptedInvitation>;
