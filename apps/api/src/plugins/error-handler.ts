import { ErrorCode, type TErrorBody } from "@tideway/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { POOL_OVERLOADED_MESSAGE, RELEASED_CHECKOUT_MESSAGE } from "../db/guarded-pool";
import { AppError, RETRY_AFTER_SECONDS } from "../errors/app-error";

/**
 * Maps every failure to `{ code, message, details? }`: the real message for
 * client mistakes (4xx), a generic one for server faults, never a stack trace.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = toErrorResponse(error);
    if (status >= 500 && body.code !== ErrorCode.OVERLOADED)
      request.log.error({ err: error }, "request failed");
    const retryAfterSeconds = RETRY_AFTER_SECONDS[body.code as keyof typeof RETRY_AFTER_SECONDS];
    if (retryAfterSeconds !== undefined) void reply.header("retry-after", String(retryAfterSeconds));
    void reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      code: ErrorCode.ROUTE_NOT_FOUND,
      message: `There is no ${request.method} ${request.url.split("?")[0]} route.`,
    } satisfies TErrorBody);
  });
}

export function toErrorResponse(error: FastifyError | Error): { status: number; body: TErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({
      field: [error.validationContext, ...issue.instancePath.split("/").filter(Boolean)].join("."),
      message: issue.message,
    }));
    const first = issues[0];
    return {
      status: 400,
      body: {
        code: ErrorCode.VALIDATION_FAILED,
        message: first ? `${first.field}: ${first.message}` : "The request is not valid.",
        details: { issues },
      },
    };
  }
  if (isOverloaded(error)) {
    return { status: 503, body: overloadedBody };
  }
  if (isDatabaseBusy(error)) {
    return {
      status: 503,
      body: {
        code: ErrorCode.DATABASE_BUSY,
        message: "The database was too busy to finish this in time; nothing was changed. Try again.",
      },
    };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: {
        code: ErrorCode.DATABASE_UNAVAILABLE,
        message: "The database is unavailable; try again shortly.",
      },
    };
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: { code: clientErrorCode(error as FastifyError), message: error.message },
    };
  }
  return { status: 500, body: { code: ErrorCode.INTERNAL, message: "Something went wrong on the server." } };
}

function clientErrorCode(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return ErrorCode.MALFORMED_JSON;
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return ErrorCode.UNSUPPORTED_MEDIA_TYPE;
    default:
      return error.statusCode === 429 ? ErrorCode.RATE_LIMITED : ErrorCode.VALIDATION_FAILED;
  }
}

const overloadedBody: TErrorBody = {
  code: ErrorCode.OVERLOADED,
  message: "The server has more requests than it can answer in time; nothing was changed. Try again shortly.",
};

/** The connection pool refused a request (db/guarded-pool.ts): the database answers, this process is saturated. */
function isOverloaded(error: Error): boolean {
  const cause = (error as { cause?: { message?: string } }).cause?.message ?? "";
  return error.message.includes(POOL_OVERLOADED_MESSAGE) || cause.includes(POOL_OVERLOADED_MESSAGE);
}

const UNAVAILABLE_PATTERNS = [
  /ECONNREFUSED/,
  /Connection terminated/,
  // pg's own handshake timer (db/guarded-pool.ts CONNECT_TIMEOUT_MS).
  /timeout expired/,
  /timeout exceeded when trying to connect/i,
];

// How Prisma's driver adapter reports a lost database on raw queries (P2010).
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);

/**
 * SQLSTATEs of a server that is going away or not there yet: 57P01
 * admin_shutdown (a fast shutdown or restart cut the session), 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or in recovery).
 */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03"]);

function isDatabaseUnavailable(error: Error): boolean {
  const text = `${error.message} ${(error as { cause?: { message?: string } }).cause?.message ?? ""}`;
  const { code, meta } = error as PrismaErrorShape;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  return (
    code === "ECONNREFUSED" ||
    UNAVAILABLE_SQLSTATES.has(code ?? "") ||
    UNAVAILABLE_SQLSTATES.has(sqlState ?? "") ||
    /Query read timeout/i.test(text) ||
    code === "P1001" ||
    UNAVAILABLE_ADAPTER_KINDS.has(meta?.driverAdapterError?.cause?.kind ?? "") ||
    UNAVAILABLE_PATTERNS.some((pattern) => pattern.test(text))
  );
}

interface PrismaErrorShape {
  code?: string;
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
}

// SQLSTATEs of a statement cut short by lock_timeout or statement_timeout.
const BUSY_SQLSTATES = new Set(["55P03", "57014"]);

/**
 * A transaction that could not finish in time (see SESSION_LIMITS and
 * TRANSACTION_OPTIONS): a lock wait past the lock timeout, or Prisma's own
 * transaction timeout (P2028). Either way it was rolled back whole. A bulk
 * statement sent on the connection under a transaction
 * (db/transaction-connection.ts) fails with pg's own error, the SQLSTATE in
 * its `code`, or, after the transaction's time limit, with the pool's refusal.
 */
function isDatabaseBusy(error: Error): boolean {
  const prismaError = error as PrismaErrorShape;
  if (prismaError.code === "P2028" || BUSY_SQLSTATES.has(prismaError.code ?? "")) return true;
  if (error.message === RELEASED_CHECKOUT_MESSAGE) return true;
  const sqlState = prismaError.meta?.driverAdapterError?.cause?.originalCode;
  return sqlState !== undefined && BUSY_SQLSTATES.has(sqlState);
}
