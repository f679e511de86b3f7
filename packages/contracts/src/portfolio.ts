import { z } from "zod";
import { ZBoardKey, ZBoardRole, ZDemandType, ZId } from "./board";
import { ZCreateDemandBody } from "./demand";
import { ZStuckFlowStage } from "./insights";
import { ZMetricsQuery, ZMetricTile, ZThroughputWeek, ZTimeBasis } from "./metrics";

/**
 * Portfolios (DESIGN "Data model"): a named set of team boards with a
 * business-demand board of its own. The portfolio's members and roles are
 * those of its business board (docs/decisions/011-portfolio-membership.md).
 */
export const ZPortfolioIdParams = z.object({ id: ZId });
export const ZPortfolioBoardParams = z.object({ id: ZId, boardId: ZId });

export const ZCreatePortfolioBody = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  key: ZBoardKey.optional().describe("Key of the business board's demands (default: from the name)"),
});
export type TCreatePortfolioBody = z.infer<typeof ZCreatePortfolioBody>;

export const ZPortfolioSummary = z.object({
  id: ZId,
  name: z.string(),
  businessBoardId: ZId,
  role: ZBoardRole.describe("The caller's role in the portfolio"),
});
export type TPortfolioSummary = z.infer<typeof ZPortfolioSummary>;

export const ZPortfolioTeamBoard = z.object({
  id: ZId,
  key: z.string(),
  name: z.string(),
  /** Whether the caller is a member of the team board (and so sees its demands' keys and titles). */
  member: z.boolean(),
});
export type TPortfolioTeamBoard = z.infer<typeof ZPortfolioTeamBoard>;

export const ZPortfolio = ZPortfolioSummary.extend({
  businessBoardKey: z.string(),
  boards: z.array(ZPortfolioTeamBoard),
});
export type TPortfolio = z.infer<typeof ZPortfolio>;

export const ZPortfolioList = z.object({ portfolios: z.array(ZPortfolioSummary) });

/** POST /api/demands/:id/children: a product demand on a team board, child of a business demand. */
export const ZCreateChildBody = z.object({
  boardId: ZId.describe("The team board, in the business demand's portfolio"),
  title: ZCreateDemandBody.shape.title,
  type: ZDemandType.default("feature"),
  size: ZCreateDemandBody.shape.size,
});
export type TCreateChildBody = z.infer<typeof ZCreateChildBody>;

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

export const ZPortfolioMetricsQuery = ZMetricsQuery.pick({ from: true, to: true });
export type TPortfolioMetricsQuery = z.infer<typeof ZPortfolioMetricsQuery>;

const ZTwoOneOne = z.object({ delivery: ZMetricTile, development: ZMetricTile, release: ZMetricTile });

/**
 * GET /api/portfolios/:id/metrics. Each summary is computed over the union
 * of the demands it covers (nearest-rank over all their durations), never by
 * averaging the teams' percentiles. Durations in seconds; each team's
 * durations on its own board's time basis.
 */
export const ZPortfolioMetrics = z.object({
  window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
  organisation: ZTwoOneOne.describe("Over the union of every team board's demands"),
  business: z.object({ delivery: ZMetricTile }).describe("Business demands: commitment point to delivery"),
  teams: z.array(
    ZTwoOneOne.extend({
      boardId: ZId,
      key: z.string(),
      name: z.string(),
      timeBasis: ZTimeBasis,
      throughput: z.array(ZThroughputWeek).describe("The team's deliveries per week over the trend weeks"),
    }),
  ),
  throughput: z
    .array(ZThroughputWeek)
    .describe(
      "Every team's deliveries added up per week (Monday to Monday UTC) over the 12 weeks that end at `to`",
    ),
  constraint: z
    .object({
      from: z.iso.datetime(),
      to: z.iso.datetime(),
      windowDays: z.number().int(),
      boardId: ZId.nullable().describe(
        "The team board whose stage is the constraint; null when nothing moved",
      ),
      stage: ZStuckFlowStage.nullable(),
      teams: z.array(z.object({ boardId: ZId, longestWait: ZStuckFlowStage.nullable() })),
    })
    .describe(
      "Where work waits longest across the team boards over the two weeks up to `to`: the board insight's " +
        "longest-wait rule (highest p85 time in a committed stage, median breaking ties) over every team's stages",
    ),
});
export type TPortfolioMetrics = z.infer<typeof ZPortfolioMetrics>;
