import { z } from "zod";
import { ZId } from "./board";

// Apart from portfolio.ts: a board shows its demands' children (and loads these schemas)
// without the portfolio's metrics.

export const ZChildState = z.enum(["delivered", "blocked", "waiting", "in-progress"]);
export type TChildState = z.infer<typeof ZChildState>;

/** A child as its reader may see it: keys and titles only on team boards the reader is a member of. */
export const ZChildView = z.object({
  id: ZId,
  key: z.string(),
  title: z.string(),
  state: ZChildState,
});

export const ZTeamProgress = z.object({
  boardId: ZId,
  name: z.string(),
  total: z.number().int(),
  delivered: z.number().int(),
  blocked: z.number().int(),
  waiting: z.number().int(),
  /** Null when the reader is not a member of the team board: only the counts show. */
  children: z.array(ZChildView).nullable(),
});
export type TTeamProgress = z.infer<typeof ZTeamProgress>;

export const ZAcceptanceOverride = z.object({
  reason: z.string(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
});

export const ZBusinessDemandProgress = z.object({
  demandId: ZId,
  total: z.number().int(),
  delivered: z.number().int(),
  teams: z.array(ZTeamProgress),
  /** The last time a member passed the acceptance gate with children undelivered. */
  override: ZAcceptanceOverride.nullable(),
});
export type TBusinessDemandProgress = z.infer<typeof ZBusinessDemandProgress>;

/** GET /api/boards/:boardId/children: the progress of each demand of the board that has children on team boards. */
export const ZBoardChildren = z.object({ demands: z.array(ZBusinessDemandProgress) });
export type TBoardChildren = z.infer<typeof ZBoardChildren>;
