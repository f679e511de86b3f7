import { type DeliveryReading, ignored, reported } from "./pipeline-event";
import {
  ZGithubDeploymentStatus,
  ZGithubPullRequest,
  ZGithubPush,
  ZGithubRelease,
} from "./provider-payloads";
import { header, parsePayload, type WebhookRequest } from "./webhook-request";

const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i;

/**
 * Reads a GitHub delivery (`X-GitHub-Event` names its kind):
 * - push: one commit event per pushed commit; keys in its message and in the
 *   branch name;
 * - pull_request closed and merged: a merge at `merged_at` (its merge commit),
 *   keys in the title and the source branch;
 * - deployment_status with state success: a deploy of `deployment.sha` to
 *   its environment;
 * - release published (not drafts or pre-releases): a release at
 *   `published_at`; keys in its name and notes.
 * Anything else (ping, other events or actions) is acknowledged and ignored.
 */
export function readGithubDelivery(request: WebhookRequest, payload: unknown): DeliveryReading {
  const event = header(request, "x-github-event");
  switch (event) {
    case "push":
      return readPush(payload);
    case "pull_request":
      return readPullRequest(payload);
    case "deployment_status":
      return readDeploymentStatus(payload);
    case "release":
      return readRelease(payload);
    case "ping":
      return ignored("ping: the webhook is connected");
    default:
      return ignored(`GitHub event "${event ?? "(none)"}" is not used`);
  }
}

function readPush(payload: unknown): DeliveryReading {
  const push = parsePayload(ZGithubPush, payload);
  const branch = branchName(push.ref);
  return reported(
    push.commits.map((commit) => ({
      kind: "commit",
      sha: commit.id,
      at: commit.timestamp,
      repository: push.repository.full_name,
      message: commit.message,
      environment: null,
      keyTexts: [commit.message, branch],
      namedKeys: [],
      commits: null,
    })),
  );
}

function readPullRequest(payload: unknown): DeliveryReading {
  const { action, pull_request: pr, repository } = parsePayload(ZGithubPullRequest, payload);
  if (action !== "closed" || pr.merged !== true || !pr.merged_at) {
    return ignored(`pull_request ${action}: only merged pull requests count`);
  }
  return reported([
    {
      kind: "merge",
      sha: pr.merge_commit_sha ?? pr.head.sha,
      at: pr.merged_at,
      repository: repository.full_name,
      message: pr.title,
      environment: null,
      keyTexts: [pr.title, pr.head.ref],
      namedKeys: [],
      commits: null,
    },
  ]);
}

function readDeploymentStatus(payload: unknown): DeliveryReading {
  const {
    deployment_status: status,
    deployment,
    repository,
  } = parsePayload(ZGithubDeploymentStatus, payload);
  if (status.state !== "success") {
    return ignored(`deployment_status ${status.state}: only successful deployments count`);
  }
  return reported([
    {
      kind: "deploy",
      sha: deployment.sha,
      at: status.updated_at ?? status.created_at,
      repository: repository.full_name,
      message: deployment.description ?? null,
      environment: status.environment || deployment.environment || null,
      keyTexts: [deployment.ref],
      namedKeys: [],
      commits: null,
    },
  ]);
}

function readRelease(payload: unknown): DeliveryReading {
  const { action, release, repository } = parsePayload(ZGithubRelease, payload);
  if (action !== "published") return ignored(`release ${action}: only published releases count`);
  if (release.draft || release.prerelease) return ignored("pre-releases and drafts do not count as releases");
  const at = release.published_at ?? release.created_at;
  if (!at) return ignored("the release has no publication time");
  const target = release.target_commitish ?? "";
  return reported([
    {
      kind: "release",
      // target_commitish is often a branch name: then the release covers what was seen up to its time.
      sha: SHA.test(target) ? target.toLowerCase() : null,
      at,
      repository: repository.full_name,
      message: release.name || release.tag_name,
      environment: null,
      keyTexts: [release.name, release.body],
      namedKeys: [],
      commits: null,
    },
  ]);
}

function branchName(ref: string): string | null {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : null;
}
