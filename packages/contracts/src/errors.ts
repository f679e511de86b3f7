import { z } from "zod";

/**
 * Every error the API answers with has a stable machine-readable `code`, a
 * sentence a person can act on, and optional details for programs.
 */
export const ErrorCode = {
  VALIDATION_FAILED: "VALIDATION_FAILED",
  MALFORMED_JSON: "MALFORMED_JSON",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  FORBIDDEN: "FORBIDDEN",
  CROSS_SITE_REQUEST: "CROSS_SITE_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  ROUTE_NOT_FOUND: "ROUTE_NOT_FOUND",
  CONFLICT: "CONFLICT",
  EMAIL_TAKEN: "EMAIL_TAKEN",
  BOARD_KEY_TAKEN: "BOARD_KEY_TAKEN",
  WIP_LIMIT_REACHED: "WIP_LIMIT_REACHED",
  ENTRY_CRITERIA_UNMET: "ENTRY_CRITERIA_UNMET",
  EXIT_CRITERIA_UNMET: "EXIT_CRITERIA_UNMET",
  VERSION_CONFLICT: "VERSION_CONFLICT",
  STAGE_NOT_EMPTY: "STAGE_NOT_EMPTY",
  LANE_NOT_EMPTY: "LANE_NOT_EMPTY",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "RATE_LIMITED",
  INVALID_SIGNATURE: "INVALID_SIGNATURE",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  DATABASE_BUSY: "DATABASE_BUSY",
  SIGN_IN_BUSY: "SIGN_IN_BUSY",
  INTERNAL: "INTERNAL",
} as const;
export type TErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ZErrorBody = z
  .object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: "Error" });
export type TErrorBody = z.infer<typeof ZErrorBody>;
