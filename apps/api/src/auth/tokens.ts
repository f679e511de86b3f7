import { createHash, randomBytes } from "node:crypto";

/** A random secret for a session cookie or API token; only its hash is stored. */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/**
 * SHA-256 is enough here (unlike for passwords): the secret has 256 bits of
 * entropy, so the hash only has to stop a database reader from using it.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Where-clause of an emailed single-use link (sign-up, password reset) that still works at `now`. */
export function usableLinkWhere(token: string, now: Date) {
  return { tokenHash: hashSecret(token), usedAt: null, expiresAt: { gt: now } };
}

export const API_TOKEN_PREFIX = "tw_";
