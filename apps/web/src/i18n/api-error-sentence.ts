import type { TErrorBody, TErrorCode } from "@tideway/contracts";
import { activeLocale, translate } from "./intl";
import type { MessageId } from "./messages";

/** Codes the web app makes itself: no answer at all, or an answer without a body. */
export const CLIENT_ERROR_CODES = { NETWORK: "NETWORK", HTTP_STATUS: "HTTP_STATUS" } as const;

// Every code the API can answer with has a sentence here (the Record makes a new code a type error).
const SENTENCES: Record<TErrorCode, MessageId> = {
  VALIDATION_FAILED: "error.VALIDATION_FAILED",
  MALFORMED_JSON: "error.MALFORMED_JSON",
  UNAUTHENTICATED: "error.UNAUTHENTICATED",
  INVALID_CREDENTIALS: "error.INVALID_CREDENTIALS",
  FORBIDDEN: "error.FORBIDDEN",
  CROSS_SITE_REQUEST: "error.CROSS_SITE_REQUEST",
  NOT_FOUND: "error.NOT_FOUND",
  ROUTE_NOT_FOUND: "error.ROUTE_NOT_FOUND",
  CONFLICT: "error.CONFLICT",
  EMAIL_TAKEN: "error.EMAIL_TAKEN",
  SIGN_UP_INVITE_ONLY: "error.SIGN_UP_INVITE_ONLY",
  SIGN_UP_CLOSED: "error.SIGN_UP_CLOSED",
  BOARD_KEY_TAKEN: "error.BOARD_KEY_TAKEN",
  WIP_LIMIT_REACHED: "error.WIP_LIMIT_REACHED",
  ENTRY_CRITERIA_UNMET: "error.ENTRY_CRITERIA_UNMET",
  EXIT_CRITERIA_UNMET: "error.EXIT_CRITERIA_UNMET",
  VERSION_CONFLICT: "error.VERSION_CONFLICT",
  CHILDREN_UNDELIVERED: "error.CHILDREN_UNDELIVERED",
  DEPENDENCY_CYCLE: "error.DEPENDENCY_CYCLE",
  TOO_MANY_AT_ONCE: "error.TOO_MANY_AT_ONCE",
  OVERLOADED: "error.OVERLOADED",
  BOARD_IN_PORTFOLIO: "error.BOARD_IN_PORTFOLIO",
  STAGE_NOT_EMPTY: "error.STAGE_NOT_EMPTY",
  LANE_NOT_EMPTY: "error.LANE_NOT_EMPTY",
  PAYLOAD_TOO_LARGE: "error.PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "error.UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "error.RATE_LIMITED",
  INVALID_SIGNATURE: "error.INVALID_SIGNATURE",
  DATABASE_UNAVAILABLE: "error.DATABASE_UNAVAILABLE",
  DATABASE_BUSY: "error.DATABASE_BUSY",
  SIGN_IN_BUSY: "error.SIGN_IN_BUSY",
  SINGLE_SIGN_ON_FAILED: "error.SINGLE_SIGN_ON_FAILED",
  EMAIL_NOT_VERIFIED: "error.EMAIL_NOT_VERIFIED",
  SINGLE_SIGN_ON_UNAVAILABLE: "error.SINGLE_SIGN_ON_UNAVAILABLE",
  INTERNAL: "error.INTERNAL",
};

function isKnownCode(code: string): code is TErrorCode {
  return Object.hasOwn(SENTENCES, code);
}

/**
 * The sentence for a bare code, in the active language (English too: there is
 * no server sentence to show), for refusals that arrive as an address's
 * `?error=` rather than as a body; an unknown code reads as `fallback`.
 */
export function errorCodeSentence(code: string, fallback: MessageId): string {
  return translate(isKnownCode(code) ? SENTENCES[code] : fallback);
}

/** The details' numbers a sentence may name (a WIP refusal's limit and count); absent ones read "?". */
function numbersIn(details: unknown): { limit: number | string; count: number | string } {
  const record = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
  const numberOr = (value: unknown) => (typeof value === "number" ? value : "?");
  return { limit: numberOr(record.limit), count: numberOr(record.count) };
}

/**
 * What the person reads for an API refusal, in their language. The API speaks
 * English, with specifics (which stage, which field): an English interface
 * shows its sentence as it is. Any other language shows its own sentence for
 * every code it knows, and the server's English only for a code it does not.
 */
export function apiErrorSentence(status: number, body: TErrorBody): string {
  if (body.code === CLIENT_ERROR_CODES.NETWORK) return translate("error.NETWORK");
  if (body.code === CLIENT_ERROR_CODES.HTTP_STATUS) return translate("error.HTTP_STATUS", { status });
  if (activeLocale() === "en") return body.message;
  return isKnownCode(body.code) ? translate(SENTENCES[body.code], numbersIn(body.details)) : body.message;
}
