import { z } from "zod";
import { ZDemand, ZId } from "./board";
import type { TNotification } from "./insights";

/** Bumped when the socket protocol changes incompatibly. */
export const REALTIME_PROTOCOL_VERSION = 1;

export const ZBoardJoin = z.object({ boardId: ZId });
export type TBoardJoin = z.infer<typeof ZBoardJoin>;

export const ZJoinAck = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), seq: z.number().int() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type TJoinAck = z.infer<typeof ZJoinAck>;

const demandEvent = <T extends string>(type: T) =>
  z.object({
    seq: z.number().int(),
    boardId: ZId,
    type: z.literal(type),
    payload: z.object({ demand: ZDemand }),
  });

export const ZBoardEvent = z.discriminatedUnion("type", [
  demandEvent("demand.created"),
  demandEvent("demand.updated"),
  demandEvent("demand.moved"),
  demandEvent("demand.blocked"),
  demandEvent("demand.unblocked"),
  z.object({
    seq: z.number().int(),
    boardId: ZId,
    type: z.literal("comment.changed"),
    payload: z.object({
      demandId: ZId,
      commentId: ZId,
      change: z.enum(["created", "edited", "deleted"]),
    }),
  }),
  z.object({
    seq: z.number().int(),
    boardId: ZId,
    type: z.literal("dependency.changed"),
    /** What `demandId` waits on changed, or became delivered: refetch it (what a viewer sees differs by viewer). */
    payload: z.object({ demandId: ZId }),
  }),
  z.object({
    seq: z.number().int(),
    boardId: ZId,
    type: z.literal("settings.changed"),
    payload: z.object({}),
  }),
  z.object({
    seq: z.number().int(),
    boardId: ZId,
    type: z.literal("metrics.changed"),
    payload: z.object({}),
  }),
  z.object({
    seq: z.number().int(),
    boardId: ZId,
    type: z.literal("portfolio.changed"),
    /** Sent to a business board's room: something changed on this team board of its portfolio. */
    payload: z.object({ teamBoardId: ZId }),
  }),
]);
export type TBoardEvent = z.infer<typeof ZBoardEvent>;
export type TBoardEventType = TBoardEvent["type"];
/** The events that carry a demand as it now is (created, updated, moved, blocked, unblocked). */
export type TDemandEvent = Extract<TBoardEvent, { payload: { demand: unknown } }>;
export function isDemandEvent(event: TBoardEvent): event is TDemandEvent {
  return "demand" in event.payload;
}

/** socket.io's typed event maps; payloads are still parsed with the schemas above. */
export interface ServerToClientEvents {
  "board:event": (event: TBoardEvent) => void;
  /** Sent to each of the recipient's connections (a per-user room, joined on connect). */
  "notification:new": (notification: TNotification) => void;
}
export interface ClientToServerEvents {
  "board:join": (request: TBoardJoin, ack: (answer: TJoinAck) => void) => void;
  "board:leave": (request: TBoardJoin) => void;
}
