import { describe, expect, it } from "vitest";
import { readGitlabDelivery } from "./gitlab-delivery";

const request = { headers: {}, rawBody: Buffer.alloc(0) };
const deployment = (statusChangedAt: string) => ({
  object_kind: "deployment",
  status: "success",
  status_changed_at: statusChangedAt,
  environment: "production",
  project: { path_with_namespace: "acme/ledger" },
  sha: "5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081",
  ref: "PAY-3-export",
  commit_title: "Merge branch 'PAY-3-export'",
});

describe("readGitlabDelivery", () => {
  it("reads GitLab's time formats: ISO 8601, '... UTC' and '... +0200'", () => {
    for (const [text, iso] of [
      ["2026-03-03T09:40:00+01:00", "2026-03-03T08:40:00.000Z"],
      ["2026-03-03 08:40:00 UTC", "2026-03-03T08:40:00.000Z"],
      ["2026-03-03 10:40:00 +0200", "2026-03-03T08:40:00.000Z"],
    ] as const) {
      const reading = readGitlabDelivery(request, deployment(text));
      expect(reading.events[0]?.at.toISOString()).toBe(iso);
    }
  });

  it("ignores unsuccessful deployments and unknown kinds", () => {
    expect(
      readGitlabDelivery(request, { ...deployment("2026-03-03 08:40:00 UTC"), status: "failed" }).ignored,
    ).toMatch(/only successful/);
    expect(readGitlabDelivery(request, { object_kind: "note" }).ignored).toMatch(/"note" is not used/);
    expect(readGitlabDelivery(request, [1, 2]).ignored).toMatch(/"\(none\)" is not used/);
  });
});
