import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Whether `header` is `sha256=<hex>` of the HMAC-SHA256 of the raw body
 * under one of the secrets: GitHub's `X-Hub-Signature-256` and the generic
 * `X-Tideway-Signature-256`. Every secret is tried, and each comparison takes
 * the same time whatever the bytes (crypto.timingSafeEqual), so the answer's
 * timing tells an attacker nothing about how close a guess was.
 */
export function hmacSignatureValid(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].toLowerCase(), "hex");
  let valid = false;
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret).update(rawBody).digest();
    if (timingSafeEqual(given, expected)) valid = true;
  }
  return valid;
}

/**
 * Whether `header` equals one of the secrets: GitLab's `X-Gitlab-Token`,
 * which carries the secret itself. Both sides are hashed first, so the
 * constant-time comparison sees equal lengths and leaks not even the length.
 */
export function tokenValid(header: string | undefined, secrets: readonly string[]): boolean {
  if (header === undefined || header.length === 0) return false;
  const given = sha256(header);
  let valid = false;
  for (const secret of secrets) {
    if (timingSafeEqual(given, sha256(secret))) valid = true;
  }
  return valid;
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
