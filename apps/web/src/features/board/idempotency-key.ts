/**
 * A fresh key per move attempt, so a retried request is applied once.
 * `crypto.randomUUID` exists only in secure contexts; a board served over
 * plain http on a LAN still needs keys.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
