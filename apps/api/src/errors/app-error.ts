import { ErrorCode, type TErrorCode } from "@tideway/contracts";

/**
 * The one error type services throw. It carries a stable code and a sentence
 * for people; the HTTP status comes from the table below, so the core never
 * speaks HTTP and socket handlers reuse the same codes.
 */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const STATUS_BY_CODE: Record<TErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.MALFORMED_JSON]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.INVALID_CREDENTIALS]: 401,
  [ErrorCode.INVALID_SIGNATURE]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.CROSS_SITE_REQUEST]: 403,
  [ErrorCode.SIGN_UP_INVITE_ONLY]: 403,
  [ErrorCode.SIGN_UP_CLOSED]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.ROUTE_NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.EMAIL_TAKEN]: 409,
  [ErrorCode.BOARD_KEY_TAKEN]: 409,
  [ErrorCode.WIP_LIMIT_REACHED]: 409,
  [ErrorCode.ENTRY_CRITERIA_UNMET]: 409,
  [ErrorCode.EXIT_CRITERIA_UNMET]: 409,
  [ErrorCode.VERSION_CONFLICT]: 409,
  [ErrorCode.CHILDREN_UNDELIVERED]: 409,
  [ErrorCode.DEPENDENCY_CYCLE]: 409,
  [ErrorCode.BOARD_IN_PORTFOLIO]: 409,
  [ErrorCode.STAGE_NOT_EMPTY]: 409,
  [ErrorCode.LANE_NOT_EMPTY]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.TOO_MANY_AT_ONCE]: 429,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.DATABASE_BUSY]: 503,
  [ErrorCode.SIGN_IN_BUSY]: 503,
  [ErrorCode.OVERLOADED]: 503,
  [ErrorCode.SINGLE_SIGN_ON_FAILED]: 400,
  [ErrorCode.EMAIL_NOT_VERIFIED]: 403,
  [ErrorCode.SINGLE_SIGN_ON_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};

/**
 * Seconds a client should wait before trying again (the Retry-After header),
 * for refusals that say "not now" rather than "not this".
 */
export const RETRY_AFTER_SECONDS: Partial<Record<TErrorCode, number>> = {
  [ErrorCode.TOO_MANY_AT_ONCE]: 2,
  [ErrorCode.OVERLOADED]: 5,
};

export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} was not found.`);

/** A body field that is well-formed but wrong for this board (found only after reading the database). */
export function invalidField(
  field: string,
  problem: string,
  location: "body" | "querystring" = "body",
): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, `${location}.${field}: ${problem}`, {
    issues: [{ field: `${location}.${field}`, message: problem }],
  });
}
