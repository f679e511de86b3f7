import type { TErrorBody } from "@tideway/contracts";
import { apiErrorSentence, CLIENT_ERROR_CODES } from "../i18n/api-error-sentence";
import { peekFirstAnswer, takeFirstAnswer } from "./first-answers";

/** Anything with zod's `parse`: responses are checked against the shared contract once, here. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

/**
 * A refusal or failure the API explained with `{ code, message, details }`.
 * `message` is the sentence for people in the interface language
 * (i18n/api-error-sentence.ts); `serverMessage` the API's own English one.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly serverMessage: string;

  constructor(status: number, body: TErrorBody) {
    super(apiErrorSentence(status, body));
    this.serverMessage = body.message;
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

let onUnauthenticated: (() => void) | null = null;

/** The session store registers here so that an expired session anywhere sends the user to sign in. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  schema: ResponseSchema<T>,
  body?: unknown,
  options: {
    quietUnauthenticated?: boolean;
    /** The GET whose answer the page may have brought, when it differs from `path` (api/first-answers.ts). */
    sameAnswerAs?: string;
  } = {},
): Promise<T> {
  if (method === "GET") {
    const answer = takeFirstAnswer(options.sameAnswerAs ?? path);
    if (answer !== undefined) return schema.parse(answer);
  }
  const init: RequestInit = { method, credentials: "same-origin", headers: { accept: "application/json" } };
  // Fastify refuses an empty body sent as JSON, so bodiless requests carry no content type.
  if (body !== undefined) {
    init.headers = { accept: "application/json", "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, {
      code: CLIENT_ERROR_CODES.NETWORK,
      message: "The server cannot be reached. Check your connection.",
    });
  }
  const payload = await readJson(response);
  if (!response.ok) {
    const error = new ApiError(response.status, toErrorBody(response, payload));
    if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  return schema.parse(payload);
}

/**
 * The page's answer to GET `path`, checked against `schema`, without taking it (first-page.ts);
 * undefined when the page brought none or it does not fit.
 */
export function firstAnswerTo<T>(path: string, schema: ResponseSchema<T>): T | undefined {
  const answer = peekFirstAnswer(path);
  if (answer === undefined) return undefined;
  try {
    return schema.parse(answer);
  } catch {
    return undefined;
  }
}

/** For replies whose body the client does not use (sign-out, deletions). */
export const ignoreBody: ResponseSchema<void> = { parse: () => undefined };

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toErrorBody(response: Response, payload: unknown): TErrorBody {
  if (payload && typeof payload === "object" && "code" in payload && "message" in payload) {
    const { code, message, details } = payload as { code: unknown; message: unknown; details?: unknown };
    if (typeof code === "string" && typeof message === "string") return { code, message, details };
  }
  return {
    code: CLIENT_ERROR_CODES.HTTP_STATUS,
    message: `The server answered ${response.status} ${response.statusText}.`,
  };
}

/** `{ [key]: T }`, for replies that wrap one contract type (`{ user }`, `{ boards }`). */
export function wrapped<K extends string, T>(
  key: K,
  schema: ResponseSchema<T>,
): ResponseSchema<Record<K, T>> {
  return {
    parse(data) {
      if (!data || typeof data !== "object" || !(key in data)) {
        throw new Error(`The server's reply has no "${key}" field.`);
      }
      return { [key]: schema.parse((data as Record<string, unknown>)[key]) } as Record<K, T>;
    },
  };
}
