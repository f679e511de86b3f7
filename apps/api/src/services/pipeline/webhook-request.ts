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
 * The sender's delivery id from `headerName`, as the receipt reports it back
 * for the sender's logs; without one, the body's replay key. Not what
 * redeliveries are recognised by: see `replayKey`.
 */
export function deliveryIdFrom(request: WebhookRequest, headerName: string): string {
  const given = header(request, headerName)?.trim();
  if (given && given.length <= MAX_DELIVERY_ID_LENGTH) return given;
  return given ? sha256(given) : replayKey(request);
}

/**
 * What a delivery is recognised by when it arrives again: the SHA-256 of the
 * body. The signature covers the body only (GitHub's X-Hub-Signature-256 and
 * Tideway's own), or nothing at all (GitLab's token), so a delivery id header
 * is the sender's word, not proof: someone who captured one signed body
 * could resend it under fresh ids and have it stored each time. None of the
 * three providers signs its delivery id; one that did could use it here.
 */
export function replayKey(request: WebhookRequest): string {
  return sha256(request.rawBody);
}

const sha256 = (content: string | Buffer) => `sha256:${createHash("sha256").update(content).digest("hex")}`;

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
