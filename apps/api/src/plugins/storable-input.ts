import { ErrorCode, NUL_REFUSAL } from "@tideway/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../errors/app-error";

/** Deeper than any document Tideway reads (a board export nests 5 levels). */
export const MAX_INPUT_DEPTH = 64;
const NUL = "\u0000";

/**
 * Two things no contract can state once for every route, checked for every
 * request: nesting deeper than MAX_INPUT_DEPTH (before validation, so no
 * schema walks a 10,000-deep body recursively) and the NUL character, which
 * PostgreSQL refuses in text and jsonb (after validation, so a contract's own
 * issues are listed first; the contracts' ZStorableText says the same
 * sentence, NUL_REFUSAL, for the text fields it guards). Both answer 400
 * naming the field. The walk is a loop with an explicit stack, never recursion.
 */
export const storableInput = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    for (const [location, value] of inputsOf(request)) refuseTooDeep(value, location);
  });
  app.addHook("preHandler", async (request) => {
    for (const [location, value] of inputsOf(request)) refuseNul(value, location);
  });
});

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route's body parser ran `refuseUnstorable` on each part of the body
     * as it read it (a streamed import): walking a 100 MiB document again
     * here would hold the event loop for a second.
     */
    bodyCheckedWhileRead?: boolean;
  }
}

/** Both checks on one value, for a parser that checks a large body part by part (`path` names the part). */
export function refuseUnstorable(value: unknown, path: string): void {
  // One walk for both, naming nothing, as nearly every part is fine; paths only for a refusal.
  if (!anyInput(value, (found, depth) => depth > MAX_INPUT_DEPTH || hasNul(found))) return;
  refuseTooDeep(value, path);
  refuseNul(value, path);
}

function refuseTooDeep(value: unknown, path: string): void {
  const tooDeep = findInput(value, path, (_value, depth) => depth > MAX_INPUT_DEPTH);
  if (tooDeep) throw refused(tooDeep, `nests deeper than ${MAX_INPUT_DEPTH} levels`);
}

function refuseNul(value: unknown, path: string): void {
  const withNul = findInput(value, path, hasNul);
  if (withNul) throw refused(withNul, NUL_REFUSAL);
}

function inputsOf(request: FastifyRequest): [string, unknown][] {
  return [
    ...(request.routeOptions.config.bodyCheckedWhileRead
      ? []
      : [["body", request.body] as [string, unknown]]),
    ["querystring", request.query],
    ["params", request.params],
  ];
}

function hasNul(value: unknown): boolean {
  return typeof value === "string" && value.includes(NUL);
}

type InputMatch = (value: unknown, depth: number) => boolean;

/** The path of the first value (or object key) `matches` picks, depth-first; null when none does. */
function findInput(root: unknown, rootPath: string, matches: InputMatch): string | null {
  if (!anyInput(root, matches)) return null;
  const stack: [unknown, string, number][] = [[root, rootPath, 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (matches(value, depth)) return path;
    if (typeof value !== "object" || value === null || Buffer.isBuffer(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      if (matches(key, depth + 1)) return `${path}.${key.replaceAll(NUL, "\\u0000")}`;
      stack.push([child, `${path}.${key}`, depth + 1]);
    }
  }
  return null;
}

/**
 * Whether `matches` picks any value or object key, walking as findInput does
 * but building no paths nor entry pairs: a streamed import checks every item
 * of a 100 MiB document, and the paths were most of what that allocated.
 */
function anyInput(root: unknown, matches: InputMatch): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (matches(value, depth)) return true;
    if (typeof value !== "object" || value === null || Buffer.isBuffer(value)) continue;
    if (Array.isArray(value)) {
      for (const child of value) {
        values.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (matches(key, depth + 1)) return true;
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return false;
}

function refused(field: string, problem: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, `${field}: ${problem}`, {
    issues: [{ field, message: problem }],
  });
}
