import { ZSha } from "@tideway/contracts";
import { z } from "zod";

/**
 * GitHub's and GitLab's webhook payloads as the API reads them: only the
 * fields Tideway uses; everything else is ignored. These are the providers'
 * formats, not Tideway's wire, so they live beside the code that reads them
 * rather than in packages/contracts (which the web app bundles).
 */

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
