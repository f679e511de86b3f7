import { createHash } from "node:crypto";
import type { TWebhookSecret } from "@tideway/contracts";
import type { Prisma } from "../../generated/prisma/client";

export interface WebhookSecretRow {
  id: string;
  secret: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * `revokedAt` is when a secret stops being accepted: null until a rotation
 * sets it, in the future during the rotation's grace period, in the past
 * once revoked.
 */
export function acceptedSecretsWhere(now: Date): Prisma.WebhookSecretWhereInput {
  return { OR: [{ revokedAt: null }, { revokedAt: { gt: now } }] };
}

export function isAccepted(row: Pick<WebhookSecretRow, "revokedAt">, now: Date): boolean {
  return row.revokedAt === null || row.revokedAt > now;
}

/** Tells secrets apart without revealing them (audit trail, lists). */
export function secretFingerprint(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 12);
}

export function toWebhookSecretView(row: WebhookSecretRow, now: Date): TWebhookSecret {
  const active = isAccepted(row, now);
  return {
    id: row.id,
    secret: active ? row.secret : null,
    fingerprint: secretFingerprint(row.secret),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active,
  };
}

export function webhookEndpoints(boardId: string) {
  return {
    github: `/api/hooks/${boardId}/github`,
    gitlab: `/api/hooks/${boardId}/gitlab`,
    generic: `/api/hooks/${boardId}/generic`,
  };
}
