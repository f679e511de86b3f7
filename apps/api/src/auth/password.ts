import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { ErrorCode } from "@tideway/contracts";
import pLimit from "p-limit";
import { AppError } from "../errors/app-error";

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// scrypt from node:crypto: memory-hard, maintained with Node itself, no native
// addon to build. Parameters follow OWASP's minimum (N=2^17, r=8, p=1); the
// stored string carries them so they can be raised later without a migration.
export const PRODUCTION_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/**
 * For test runs only: 1 MiB and about a millisecond per hash instead of 128 MiB
 * and a core for a few tenths of a second, so suites that sign many people up
 * spend their time on what they test. Chosen by FAST_PASSWORD_HASHING_FOR_TESTS=1,
 * which the test runners set (vitest.config.ts, scripts/e2e-server.mjs) and
 * loadConfig refuses with NODE_ENV=production.
 */
const TEST_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
export const FAST_PASSWORD_HASHING_VARIABLE = "FAST_PASSWORD_HASHING_FOR_TESTS";
const KEY_LENGTH = 64;
const MAX_MEMORY = 256 * 1024 * 1024;

/** The parameters new hashes get: production's unless a test run asked for fast ones (read on each hash, so one test can restore production's). */
export function scryptParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  if (env[FAST_PASSWORD_HASHING_VARIABLE] !== "1") return PRODUCTION_SCRYPT_PARAMS;
  if (env.NODE_ENV === "production") {
    throw new Error(
      `${FAST_PASSWORD_HASHING_VARIABLE} is for test runs only and is refused with NODE_ENV=production`,
    );
  }
  return TEST_SCRYPT_PARAMS;
}

/**
 * Each hash holds 128 MiB and a core for a few tenths of a second on an idle
 * 2-core machine. Hashes beyond HASH_CONCURRENCY wait in a queue of at most
 * HASH_QUEUE_LIMIT; past that a sign-in or sign-up is refused at once with
 * 503 SIGN_IN_BUSY instead of queueing behind a flood, so no caller waits for
 * more than HASH_QUEUE_LIMIT / HASH_CONCURRENCY + 1 = 2 hash times before its
 * own (`npm run bench:sign-in-flood` measures it). The per-address and
 * per-account limits (routes/auth.ts) keep one client from filling the
 * queue; this bound holds against many.
 */
export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE_LIMIT = 2;
const hashing = pLimit(HASH_CONCURRENCY);

/** True while a new hash would be refused; sign-in checks it before counting an attempt against any limit. */
export function passwordHashingFull(): boolean {
  return hashing.pendingCount >= HASH_QUEUE_LIMIT;
}

export function passwordHashingBusy(): AppError {
  return new AppError(
    ErrorCode.SIGN_IN_BUSY,
    "Too many sign-ins are being checked right now; try again in a second.",
  );
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (passwordHashingFull()) return Promise.reject(passwordHashingBusy());
  const options: ScryptOptions = { ...params, maxmem: MAX_MEMORY };
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

function encode(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = scryptParams();
  return encode(params, salt, await derive(password, salt, params));
}

const decoys = new Map<ScryptParams, string>();

/**
 * A stored-hash look-alike no password matches (its key is random, not
 * derived), at the cost new hashes get. Verifying against it when an email is
 * unknown costs the same hash as a wrong password, so timing does not reveal
 * which accounts exist.
 */
export function decoyPasswordHash(): string {
  const params = scryptParams();
  let decoy = decoys.get(params);
  if (decoy === undefined) {
    decoy = encode(params, randomBytes(16), randomBytes(KEY_LENGTH));
    decoys.set(params, decoy);
  }
  return decoy;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
