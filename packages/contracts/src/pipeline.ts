import { z } from "zod";
import { ZId } from "./board";

/**
 * The delivery pipeline on the wire: the documented generic event any CI/CD
 * tool may send, what a webhook delivery recorded, the webhook secrets, the
 * board's pipeline settings, and what the pipeline recorded per demand.
 * DESIGN.md "CodeEvent" and "release lead time". GitHub's and GitLab's own
 * payloads are read by the API (apps/api/src/services/pipeline/provider-payloads.ts):
 * nothing else imports them.
 */

export const ZCodeEventKind = z.enum(["commit", "merge", "deploy", "release"]);
export type TCodeEventKind = z.infer<typeof ZCodeEventKind>;
export const ZCodeEventSource = z.enum(["github", "gitlab", "generic"]);
export type TCodeEventSource = z.infer<typeof ZCodeEventSource>;

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10_000, 0, 1);

/** A commit sha as events carry it; the API's provider payload schemas use it too. */
export const ZSha = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{7,64}$/i, "must be a commit sha (7 to 64 hex digits; send the full sha)")
  .toLowerCase();

/**
 * The documented generic event, for CI/CD tools other than GitHub and GitLab:
 * POST /api/hooks/:boardId/generic, signed with `X-Tideway-Signature-256`.
 */
export const ZCodeEventInput = z
  .object({
    kind: ZCodeEventKind.describe(
      "commit or merge: code submitted; deploy: shipped to `environment`; release: shipped to production",
    ),
    sha: ZSha.describe("The commit (for deploy and release: the newest commit shipped)"),
    at: z.iso
      .datetime({ offset: true })
      .refine((text) => {
        const at = Date.parse(text);
        return at >= EARLIEST && at < LATEST;
      }, "must lie between 1970 and 9999")
      .describe("When it happened (event time, not delivery time)"),
    repository: z.string().trim().min(1).max(200).describe("e.g. acme/payments"),
    demandKeys: z
      .array(z.string().trim().max(40))
      .max(100)
      .optional()
      .describe("Demands this event is about, e.g. PAY-42; keys in `message` are found too"),
    message: z.string().max(10_000).optional().describe("Commit message or title"),
    environment: z.string().trim().min(1).max(100).optional().describe("For deploy (and release): where to"),
    commits: z
      .array(ZSha)
      .max(5_000)
      .optional()
      .describe(
        "For deploy and release: the commits shipped. Without it, the commits of the repository seen up to `sha` that no earlier release of the same kind covered",
      ),
  })
  .meta({ id: "CodeEventInput" });
export type TCodeEventInput = z.infer<typeof ZCodeEventInput>;

// What a webhook delivery recorded.

export const ZRecordedCodeEvent = z.object({
  kind: ZCodeEventKind,
  sha: z.string().nullable(),
  at: z.iso.datetime(),
  demandKeys: z
    .array(z.string())
    .describe("Demands linked to this event (named, or covered by a deploy or release)"),
  countsAsRelease: z.boolean().describe("A production release under the board's pipeline settings"),
});

export const ZWebhookReceipt = z.object({
  deliveryId: z.string(),
  duplicate: z.boolean().describe("This delivery id was received before: nothing was stored again"),
  ignored: z
    .string()
    .nullable()
    .describe("Why the delivery records nothing (an event or action the pipeline does not use)"),
  events: z.array(ZRecordedCodeEvent),
  movedToDone: z.array(z.string()).describe("Keys of demands the release moved to Done"),
  notMoved: z
    .array(z.object({ key: z.string(), code: z.string(), message: z.string() }))
    .describe("Demands a production release could not move to Done, and why"),
});
export type TWebhookReceipt = z.infer<typeof ZWebhookReceipt>;

// Per demand: GET /api/demands/:id/code

export const ZCodeEvent = z.object({
  id: ZId,
  source: ZCodeEventSource,
  kind: ZCodeEventKind,
  sha: z.string().nullable(),
  repository: z.string().nullable(),
  message: z.string().nullable(),
  environment: z.string().nullable(),
  at: z.iso.datetime(),
});
export type TCodeEvent = z.infer<typeof ZCodeEvent>;

export const ZDemandCode = z.object({
  demandId: ZId,
  key: z.string(),
  submissions: z
    .array(ZCodeEvent)
    .describe("Commits and merges naming the demand, newest first (at most 200)"),
  deliveries: z
    .array(ZCodeEvent.extend({ countsAsRelease: z.boolean() }))
    .describe("Deploys and releases that shipped the demand, oldest first (at most 200)"),
  lastSubmissionAt: z.iso.datetime().nullable().describe("The last commit or merge"),
  releasedAt: z.iso
    .datetime()
    .nullable()
    .describe("The first production release at or after the last submission; null: not released yet"),
  releaseLeadTime: z
    .number()
    .nonnegative()
    .nullable()
    .describe("Seconds from the last submission to its release; goal: 85% within 3600"),
});
export type TDemandCode = z.infer<typeof ZDemandCode>;

// Webhook secrets (board admins)

export const ZWebhookSecret = z.object({
  id: ZId,
  secret: z.string().nullable().describe("The secret itself while it is accepted; null once revoked"),
  fingerprint: z.string().describe("First 12 hex digits of the secret's SHA-256: tells secrets apart"),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso
    .datetime()
    .nullable()
    .describe("When it stops (or stopped) being accepted; null: until the next rotation"),
  active: z.boolean(),
});
export type TWebhookSecret = z.infer<typeof ZWebhookSecret>;

export const ZWebhookEndpoints = z
  .object({ github: z.string(), gitlab: z.string(), generic: z.string() })
  .describe("Paths to configure in the providers, relative to this server's address");

export const ZWebhookSecretList = z.object({
  secrets: z.array(ZWebhookSecret).describe("Newest first; revoked secrets are listed for 30 days"),
  endpoints: ZWebhookEndpoints,
});
export type TWebhookSecretList = z.infer<typeof ZWebhookSecretList>;

export const ZRotateWebhookSecretBody = z
  .object({
    gracePeriodMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(24 * 60)
      .describe("How long the previous secrets stay accepted (default one day; 0: revoke them now)"),
  })
  .nullish();
export type TRotateWebhookSecretBody = z.infer<typeof ZRotateWebhookSecretBody>;

export const ZWebhookSecretRotation = ZWebhookSecretList.extend({
  secret: ZWebhookSecret.describe("The new secret"),
  seq: z.number().int(),
});
export type TWebhookSecretRotation = z.infer<typeof ZWebhookSecretRotation>;

// Pipeline settings (kept in Board.settings)

const ZEnvironmentName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100)
  .refine((name) => ![...name].some((char) => char.charCodeAt(0) < 0x20), {
    message: "must not contain control characters",
  });

export const ZPipelineSettings = z.object({
  releaseMovesToDone: z
    .boolean()
    .describe("A production release moves the demands it ships to Done (the pipeline is the actor)"),
  productionEnvironments: z
    .array(ZEnvironmentName)
    .min(1)
    .max(20)
    .describe("Deploys to these environments (case-insensitive) count as production releases"),
});
export type TPipelineSettings = z.infer<typeof ZPipelineSettings>;

export const DEFAULT_PIPELINE_SETTINGS: TPipelineSettings = {
  releaseMovesToDone: false,
  productionEnvironments: ["production"],
};

export const ZUpdatePipelineSettingsBody = ZPipelineSettings.partial().refine(
  (body) => Object.values(body).some((value) => value !== undefined),
  { message: "name at least one field to change" },
);
export type TUpdatePipelineSettingsBody = z.infer<typeof ZUpdatePipelineSettingsBody>;

export const ZPipelineSettingsView = z.object({ settings: ZPipelineSettings });
export const ZPipelineSettingsChange = ZPipelineSettingsView.extend({ seq: z.number().int() });
export type TPipelineSettingsChange = z.infer<typeof ZPipelineSettingsChange>;
