import { createHash } from "node:crypto";
import { ErrorCode } from "@tideway/contracts";
import type { z } from "zod";
import { AppError } from "../../errors/app-error";

/** A webhook as it arrived: headers and the body's exact bytes (signatures cover the bytes). */
export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

const MAX_DELIVERY_ID_LENGTH = 200;

/** The first value of a header (names in lower case, as Node.js gives them). */
export function header(request: WebhookRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The sender's delivery id from `headerName`; without one, the SHA-256 of the
 * body, so an identical body sent twice is still stored once.
 */
export function deliveryIdFrom(request: WebhookRequest, headerName: string): string {
  const given = header(request, headerName)?.trim();
  if (given && given.length <= MAX_DELIVERY_ID_LENGTH) return given;
  return `sha256:${createHash("sha256")
    .update(given ?? request.rawBody)
    .digest("hex")}`;
}

/** The body as JSON, or a 400 that says what is wrong with it. Only called after the signature checked out. */
export function parseJsonBody(rawBody: Buffer): unknown {
  if (rawBody.length === 0) {
    throw new AppError(ErrorCode.MALFORMED_JSON, "The body is empty; send the event as JSON.");
  }
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unreadable";
    throw new AppError(ErrorCode.MALFORMED_JSON, `The body is not valid JSON: ${reason}.`);
  }
}

/** Parses a verified payload with its contract; a 400 names the first wrong field (`body.commits.0.id`). */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: ["body", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError(
    ErrorCode.VALIDATION_FAILED,
    first ? `${first.field}: ${first.message}` : "The event is not valid.",
    { issues },
  );
}
