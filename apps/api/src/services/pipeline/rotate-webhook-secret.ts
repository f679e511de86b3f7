import { randomBytes } from "node:crypto";
import type { TRotateWebhookSecretBody, TWebhookSecretRotation } from "@tideway/contracts";
import { DAY, minutes } from "@tideway/domain";
import { requireBoardRole } from "../access/require-board-role";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";
import type { AuditEntry } from "../settings/record-audit-event";
import { webhookSecretList } from "./list-webhook-secrets";
import { acceptedSecretsWhere, secretFingerprint, toWebhookSecretView } from "./webhook-secret-view";

const SECRET_BYTES = 32;

/**
 * Creates a new webhook secret for the board (32 random bytes, base64url)
 * and schedules the end of the secrets accepted so far: they stay accepted
 * for `gracePeriodMinutes` (default a day) so deliveries keep working while
 * the providers are switched to the new one; 0 revokes them at once (for a
 * leaked secret). The first call simply creates the board's first secret.
 * Admins only; audited without the secret values (fingerprints only).
 */
export async function rotateWebhookSecret(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TRotateWebhookSecretBody,
  now = new Date(),
): Promise<TWebhookSecretRotation> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  const grace = input?.gracePeriodMinutes === undefined ? DAY : minutes(input.gracePeriodMinutes);
  const until = new Date(now.getTime() + grace);
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    // Concurrent rotations of one board take turns, so exactly one secret stays without an end.
    await tx.$queryRaw`
      SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`webhook-secrets:${boardId}`}, 0))`;
    const previous = await tx.webhookSecret.findMany({ where: { boardId, ...acceptedSecretsWhere(now) } });
    const created = await tx.webhookSecret.create({
      data: { boardId, secret: randomBytes(SECRET_BYTES).toString("base64url"), createdAt: now },
    });
    const audit: AuditEntry[] = [
      {
        action: "webhook_secret.created",
        entity: "webhook_secret",
        entityId: created.id,
        before: null,
        after: {
          id: created.id,
          fingerprint: secretFingerprint(created.secret),
          createdAt: now.toISOString(),
        },
      },
    ];
    for (const secret of previous) {
      if (secret.revokedAt !== null && secret.revokedAt <= until) continue;
      await tx.webhookSecret.update({ where: { id: secret.id }, data: { revokedAt: until } });
      const identity = { id: secret.id, fingerprint: secretFingerprint(secret.secret) };
      audit.push({
        action: "webhook_secret.revoked",
        entity: "webhook_secret",
        entityId: secret.id,
        before: { ...identity, revokedAt: secret.revokedAt?.toISOString() ?? null },
        after: { ...identity, revokedAt: until.toISOString() },
      });
    }
    const list = await webhookSecretList(tx, boardId, now);
    return { result: { ...list, secret: toWebhookSecretView(created, now) }, audit };
  });
}
