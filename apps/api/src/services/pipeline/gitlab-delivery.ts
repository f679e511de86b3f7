import { type DeliveryReading, ignored, reported } from "./pipeline-event";
import { ZGitlabDeployment, ZGitlabMergeRequest, ZGitlabPush } from "./provider-payloads";
import { parsePayload, type WebhookRequest } from "./webhook-request";

/**
 * Reads a GitLab delivery (the payload's `object_kind` names its kind):
 * - push: one commit event per commit; keys in its message and the branch;
 * - merge_request with action merge: a merge (its merge commit) at the
 *   request's `updated_at` (GitLab sends no merge time), keys in the title
 *   and the source branch;
 * - deployment with status success: a deploy of `sha` to `environment` at
 *   `status_changed_at`.
 * Anything else is acknowledged and ignored.
 */
export function readGitlabDelivery(_request: WebhookRequest, payload: unknown): DeliveryReading {
  const kind =
    typeof payload === "object" && payload !== null
      ? (payload as { object_kind?: unknown }).object_kind
      : null;
  switch (kind) {
    case "push":
      return readPush(payload);
    case "merge_request":
      return readMergeRequest(payload);
    case "deployment":
      return readDeployment(payload);
    default:
      return ignored(`GitLab event "${typeof kind === "string" ? kind : "(none)"}" is not used`);
  }
}

function readPush(payload: unknown): DeliveryReading {
  const push = parsePayload(ZGitlabPush, payload);
  const branch = push.ref.startsWith("refs/heads/") ? push.ref.slice("refs/heads/".length) : null;
  return reported(
    push.commits.map((commit) => ({
      kind: "commit",
      sha: commit.id,
      at: commit.timestamp,
      repository: push.project.path_with_namespace,
      message: commit.message,
      environment: null,
      keyTexts: [commit.message, branch],
      namedKeys: [],
      commits: null,
    })),
  );
}

function readMergeRequest(payload: unknown): DeliveryReading {
  const { object_attributes: mr, project } = parsePayload(ZGitlabMergeRequest, payload);
  if (mr.action !== "merge") return ignored(`merge_request ${mr.action ?? "update"}: only merges count`);
  return reported([
    {
      kind: "merge",
      sha: mr.merge_commit_sha ?? mr.last_commit?.id ?? null,
      at: mr.updated_at,
      repository: project.path_with_namespace,
      message: mr.title,
      environment: null,
      keyTexts: [mr.title, mr.source_branch],
      namedKeys: [],
      commits: null,
    },
  ]);
}

function readDeployment(payload: unknown): DeliveryReading {
  const deployment = parsePayload(ZGitlabDeployment, payload);
  if (deployment.status !== "success") {
    return ignored(`deployment ${deployment.status}: only successful deployments count`);
  }
  return reported([
    {
      kind: "deploy",
      sha: deployment.sha,
      at: deployment.status_changed_at,
      repository: deployment.project.path_with_namespace,
      message: deployment.commit_title ?? null,
      environment: deployment.environment,
      keyTexts: [deployment.ref, deployment.commit_title],
      namedKeys: [],
      commits: null,
    },
  ]);
}
