import { z } from "zod";
import { ZId } from "./board";
import { ZTimeBasis } from "./metrics";

/**
 * Flow insights: service level expectation alerts and notifications, where
 * flow is stuck, and WIP limit advice. Durations in seconds; definitions in
 * INSIGHT_DEFINITIONS (also shown on the dashboard).
 */

const seconds = z.number().nonnegative();

export const ZSleThreshold = z.enum(["p50", "p85"]);
export type TSleThreshold = z.infer<typeof ZSleThreshold>;

/** The board's service level expectation, for the alert badges on its cards. */
export const ZServiceLevel = z.object({
  p50: seconds.nullable(),
  p85: seconds.nullable(),
  /** How the board counts a demand's age: all hours, or Monday to Friday only (UTC). */
  timeBasis: ZTimeBasis,
  /** How many deliveries p50 and p85 rest on (the last 30 days'); under 10 the badges say so. */
  sampleSize: z.number().int().nonnegative(),
});
export type TServiceLevel = z.infer<typeof ZServiceLevel>;

const notificationCommon = {
  id: ZId,
  boardId: ZId,
  boardName: z.string(),
  demandId: ZId,
  demandKey: z.string(),
  demandTitle: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
};

/** A demand in progress passed the board's p50 or p85 (to the board's admins). */
export const ZSleNotification = z.object({
  kind: z.literal("sle"),
  ...notificationCommon,
  threshold: ZSleThreshold,
  /** The demand's age when the sweep found it past the threshold. */
  age: seconds,
  thresholdAge: seconds,
  /** How many deliveries the threshold rested on (under 10: a small sample, said next to it); null: not kept then. */
  sampleSize: z.number().int().nonnegative().nullable(),
});

/** Someone @mentioned the recipient in a comment on a demand. */
export const ZMentionNotification = z.object({
  kind: z.literal("mention"),
  ...notificationCommon,
  commentId: ZId,
  authorName: z.string().nullable(),
  /** The comment's first characters, as plain markdown text. */
  excerpt: z.string(),
});

export const ZNotification = z.discriminatedUnion("kind", [ZSleNotification, ZMentionNotification]);
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  notifications: z.array(ZNotification),
  unread: z.number().int().nonnegative(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZMarkNotificationsReadBody = z.object({
  ids: z.array(ZId).max(500).optional().describe("Notifications to mark read; omitted: all of the caller's"),
});
export type TMarkNotificationsReadBody = z.infer<typeof ZMarkNotificationsReadBody>;

const webhookUrl = z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }).max(2000);

export const ZAlertWebhookSettings = z.object({
  url: webhookUrl.nullable(),
  /** Key of the HMAC-SHA256 signature in the X-Tideway-Signature header; null while no URL is set. */
  secret: z.string().nullable(),
});
export type TAlertWebhookSettings = z.infer<typeof ZAlertWebhookSettings>;

export const ZUpdateAlertWebhookBody = z.object({
  url: webhookUrl.nullable().describe("Where SLE alerts are POSTed; null turns the webhook off"),
});
export type TUpdateAlertWebhookBody = z.infer<typeof ZUpdateAlertWebhookBody>;

/** The JSON body POSTed to the alert webhook, signed `sha256=<hex HMAC of the body>`. */
export const ZSleAlertWebhookPayload = ZSleNotification.pick({
  boardId: true,
  demandId: true,
  demandKey: true,
  demandTitle: true,
  threshold: true,
  age: true,
  thresholdAge: true,
}).extend({
  type: z.literal("sle.crossed"),
  alertId: ZId,
  crossedAt: z.iso.datetime(),
});
export type TSleAlertWebhookPayload = z.infer<typeof ZSleAlertWebhookPayload>;

export const ZStuckFlowStage = z.object({
  stageId: ZId,
  name: z.string(),
  demandCount: z.number().int(),
  stillThere: z.number().int(),
  medianTime: seconds.nullable(),
  p85Time: seconds.nullable(),
  arrivals: z.number().int(),
  departures: z.number().int(),
  netGrowthPerDay: z.number(),
});
export type TStuckFlowStage = z.infer<typeof ZStuckFlowStage>;

export const ZWipAdviceStage = z.object({
  stageId: ZId,
  name: z.string(),
  currentLimit: z.number().int().nullable(),
  throughputPerDay: z.number().nonnegative(),
  group: z.enum(["development", "delivery"]),
  share: z.number().min(0).max(1).nullable(),
  targetTime: seconds.nullable(),
  /** Median time delivered demands spent in the stage; the advice never allows more than this. */
  historicalTime: seconds.nullable(),
  advisedLimit: z.number().int().positive().nullable(),
});

export const ZBoardInsights = z.object({
  stuckFlow: z.object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    windowDays: z.number().int(),
    stages: z.array(ZStuckFlowStage),
    longestWait: ZId.nullable(),
    fastestGrowingQueue: ZId.nullable(),
  }),
  wipAdvice: z.object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    weeks: z.number().int(),
    stages: z.array(ZWipAdviceStage),
  }),
});
export type TBoardInsights = z.infer<typeof ZBoardInsights>;

export const INSIGHT_DEFINITIONS = {
  sleAlerts:
    "Service level alerts: a demand in progress (past the commitment point, not delivered, not archived) whose age is past the board's p50 delivery cycle time, then past its p85 (the service level expectation), both over the last 30 days' deliveries. The board's admins are notified once per demand and threshold.",
  stuckFlow:
    "Where flow is stuck, over the last 14 days, among the committed stages (from the commitment point up to delivery; stages before the commitment point hold options, not waiting work, as on every panel). Time in stage: every demand whose visit to a stage overlapped the two weeks, measured whole from entering the stage to leaving it or to now (blocked time included); the longest wait is the stage with the highest p85 of those times, the median breaking ties (the same rule as the time-in-stage panel, over these two weeks instead of the window's deliveries). Queue growth: arrivals (entries, creations, restores) minus departures (exits, archiving) per day; the fastest-growing queue is the stage with the highest positive growth.",
  wipAdvice:
    "WIP limit advice (Little's law: work in progress = throughput x time in stage): advised limit = ceil(stage throughput per day x the shorter of the target time in the stage and its historical (median) time in stage), at least 1, so a stage is never advised room for more time than its work takes. Throughput: demands that left the stage for a later one per day over the forecast window (default 12 weeks). Target time: the development stages (Development up to Release) share the 7-day development target, the other committed stages share the remaining 7 of the 14-day delivery target, each in proportion to its part of the time delivered demands spent in the group's stages. Advice only: limits change only in settings.",
} as const;
