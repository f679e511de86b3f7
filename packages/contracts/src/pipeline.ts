import { z } from "zod";
import { ZId } from "./board";

/**
 * The delivery pipeline: webhooks from GitHub, GitLab or any CI/CD tool
 * (the generic event), the webhook secrets that authenticate them, the
 * board's pipeline settings, and what the pipeline recorded per demand.
 * DESIGN.md "CodeEvent" and "release lead time".
 */

export const ZCodeEventKind = z.enum(["commit", "merge", "deploy", "release"]);
export type TCodeEventKind = z.infer<typeof ZCodeEventKind>;
export const ZCodeEventSource = z.enum(["github", "gitlab", "generic"]);
export type TCodeEventSource = z.infer<typeof ZCodeEventSource>;

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10_000, 0, 1);
const PROVIDER_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads the timestamps the providers send: ISO 8601 (`2026-03-02T10:00:00Z`,
 * `...+02:00`) and GitLab's older forms (`2026-03-02 10:00:00 UTC`,
 * `2026-03-02 10:00:00 +0200`). A time without an offset is taken as UTC.
 * Null for anything else, or for an instant outside 1970..9999.
 */
export function parseProviderTime(text: string): Date | null {
  const match = PROVIDER_TIME.exec(text.trim());
  if (!match) return null;
  const [, date, time, zone] = match;
  let offset = "Z";
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const digits = zone.replace(":", "");
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
  }
  // Milliseconds at most: JavaScript dates hold no finer time.
  const at = Date.parse(`${date}T${time?.replace(/(\.\d{3})\d+$/, "$1")}${offset}`);
  if (Number.isNaN(at) || at < EARLIEST || at >= LATEST) return null;
  return new Date(at);
}

/** A provider timestamp, parsed to a Date. */
export const ZProviderTime = z.string().transform((text, context) => {
  const at = parseProviderTime(text);
  if (at === null) {
    context.addIssue({ code: "custom", message: "must be a date and time such as 2026-03-02T10:00:00Z" });
    return z.NEVER;
  }
  return at;
});

const ZSha = z
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
      .refine((text) => parseProviderTime(text) !== null, "must lie between 1970 and 9999")
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

// Provider payloads: only the fields Tideway reads; everything else is ignored.

const ZGithubRepository = z.object({ full_name: z.string().min(1).max(200) });

export const ZGithubPush = z.object({
  ref: z.string().max(1_000),
  repository: ZGithubRepository,
  commits: z
    .array(
      z.object({
        id: ZSha,
        message: z.string().max(100_000),
        timestamp: ZProviderTime,
      }),
    )
    .max(10_000)
    .default([]),
});

export const ZGithubPullRequest = z.object({
  action: z.string(),
  repository: ZGithubRepository,
  pull_request: z.object({
    title: z.string().max(10_000),
    merged: z.boolean().nullish(),
    merged_at: ZProviderTime.nullish(),
    merge_commit_sha: ZSha.nullish(),
    head: z.object({ ref: z.string().max(1_000), sha: ZSha }),
  }),
});

export const ZGithubDeploymentStatus = z.object({
  repository: ZGithubRepository,
  deployment_status: z.object({
    state: z.string(),
    environment: z.string().max(200).nullish(),
    created_at: ZProviderTime,
    updated_at: ZProviderTime.nullish(),
  }),
  deployment: z.object({
    sha: ZSha,
    ref: z.string().max(1_000).nullish(),
    environment: z.string().max(200).nullish(),
    description: z.string().max(10_000).nullish(),
  }),
});

export const ZGithubRelease = z.object({
  action: z.string(),
  repository: ZGithubRepository,
  release: z.object({
    tag_name: z.string().max(1_000),
    target_commitish: z.string().max(1_000).nullish(),
    name: z.string().max(1_000).nullish(),
    body: z.string().max(200_000).nullish(),
    draft: z.boolean().nullish(),
    prerelease: z.boolean().nullish(),
    published_at: ZProviderTime.nullish(),
    created_at: ZProviderTime.nullish(),
  }),
});

const ZGitlabProject = z.object({ path_with_namespace: z.string().min(1).max(200) });

export const ZGitlabPush = z.object({
  object_kind: z.literal("push"),
  ref: z.string().max(1_000),
  project: ZGitlabProject,
  commits: z
    .array(z.object({ id: ZSha, message: z.string().max(100_000), timestamp: ZProviderTime }))
    .max(10_000)
    .default([]),
});

export const ZGitlabMergeRequest = z.object({
  object_kind: z.literal("merge_request"),
  project: ZGitlabProject,
  object_attributes: z.object({
    action: z.string().nullish(),
    state: z.string().nullish(),
    title: z.string().max(10_000),
    source_branch: z.string().max(1_000),
    merge_commit_sha: ZSha.nullish(),
    last_commit: z.object({ id: ZSha }).nullish(),
    updated_at: ZProviderTime,
  }),
});

export const ZGitlabDeployment = z.object({
  object_kind: z.literal("deployment"),
  status: z.string(),
  status_changed_at: ZProviderTime,
  environment: z.string().max(200),
  project: ZGitlabProject,
  sha: ZSha,
  ref: z.string().max(1_000).nullish(),
  commit_title: z.string().max(10_000).nullish(),
});

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
