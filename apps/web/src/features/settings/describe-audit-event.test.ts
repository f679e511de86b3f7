import { type TAuditAction, type TAuditEvent, ZAuditAction } from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import { type AuditContext, describeAuditEvent } from "./describe-audit-event";

const AT = "2026-11-29T12:00:00.000Z";
const ADA = { id: "8d0f4a52-3a5b-4c59-9d7e-0d6c1b1e2f01", name: "Ada Lovelace" };
const TESTING_ID = "8d0f4a52-3a5b-4c59-9d7e-0d6c1b1e2f02";
const context: AuditContext = { stageName: (id) => (id === TESTING_ID ? "Testing" : undefined) };

type Row = Record<string, unknown>;
const stage = (fields: Row = {}): Row => ({
  id: "stage-1",
  name: "Testing",
  position: 3,
  kind: "active",
  wipLimit: 5,
  wipPolicy: "hard",
  boundary: null,
  ...fields,
});
const lane = (fields: Row = {}): Row => ({
  id: "lane-1",
  name: "Expedite",
  position: 0,
  wipLimit: 1,
  wipPolicy: "hard",
  ...fields,
});
const criterion = (fields: Row = {}): Row => ({
  id: "criterion-1",
  stageId: TESTING_ID,
  text: "Acceptance rules written",
  phase: "entry",
  required: true,
  position: 0,
  ...fields,
});
const member = (fields: Row = {}): Row => ({
  userId: "user-2",
  name: "Bob",
  email: "bob@example.com",
  role: "member",
  addedAt: AT,
  ...fields,
});

function event(action: string, before: Row | null, after: Row | null, actor = ADA): TAuditEvent {
  return {
    id: "1",
    at: AT,
    actor,
    action,
    entity: action.split(".")[0] ?? "",
    entityId: null,
    before,
    after,
  };
}

// One typical event per action, keyed by the enum: a new action fails to compile here until it has a case.
const SENTENCE_FOR: Record<TAuditAction, [TAuditEvent, string]> = {
  "stage.created": [
    event("stage.created", null, stage({ name: "Review" })),
    "Ada Lovelace added the stage Review",
  ],
  "stage.updated": [
    event("stage.updated", stage(), stage({ wipLimit: 4 })),
    "Ada Lovelace changed Testing's WIP limit from 5 to 4",
  ],
  "stage.deleted": [event("stage.deleted", stage(), null), "Ada Lovelace removed the stage Testing"],
  "lane.created": [
    event("lane.created", null, lane({ name: "Platform" })),
    "Ada Lovelace added the lane Platform",
  ],
  "lane.updated": [
    event("lane.updated", lane(), lane({ wipPolicy: "soft" })),
    "Ada Lovelace made Expedite's WIP limit soft",
  ],
  "lane.deleted": [event("lane.deleted", lane(), null), "Ada Lovelace removed the lane Expedite"],
  "criterion.created": [
    event("criterion.created", null, criterion()),
    "Ada Lovelace added the entry criterion “Acceptance rules written” to Testing",
  ],
  "criterion.updated": [
    event("criterion.updated", criterion(), criterion({ required: false })),
    "Ada Lovelace made “Acceptance rules written” optional",
  ],
  "criterion.deleted": [
    event("criterion.deleted", criterion({ phase: "exit", text: "Tests pass" }), null),
    "Ada Lovelace removed the exit criterion “Tests pass” from Testing",
  ],
  "member.added": [event("member.added", null, member()), "Ada Lovelace added Bob to the board as a member"],
  "member.role_changed": [
    event("member.role_changed", member({ name: "Carol" }), member({ name: "Carol", role: "admin" })),
    "Ada Lovelace made Carol an admin",
  ],
  "member.removed": [event("member.removed", member(), null), "Ada Lovelace removed Bob from the board"],
  "member.left": [event("member.left", member(), null, { id: "user-2", name: "Bob" }), "Bob left the board"],
  "member.invited": [
    event("member.invited", null, { email: "dee@example.test", role: "viewer" }),
    "Ada Lovelace invited dee@example.test as a viewer",
  ],
  "member.invitation_revoked": [
    event("member.invitation_revoked", { email: "dee@example.test", role: "viewer" }, null),
    "Ada Lovelace withdrew the invitation of dee@example.test",
  ],
  "webhook_secret.created": [
    event("webhook_secret.created", null, { id: "s1", fingerprint: "1a2b3c4d5e6f", createdAt: AT }),
    "Ada Lovelace created the webhook secret 1a2b3c4d5e6f",
  ],
  "webhook_secret.revoked": [
    event(
      "webhook_secret.revoked",
      { id: "s0", fingerprint: "0f9e8d7c6b5a", revokedAt: null },
      { id: "s0", fingerprint: "0f9e8d7c6b5a", revokedAt: "2026-11-30T12:00:00.000Z" },
    ),
    "Ada Lovelace retired the webhook secret 0f9e8d7c6b5a, accepted for 24 hours more",
  ],
  "pipeline_settings.updated": [
    event(
      "pipeline_settings.updated",
      { releaseMovesToDone: false, productionEnvironments: ["production"] },
      { releaseMovesToDone: true, productionEnvironments: ["production"] },
    ),
    "Ada Lovelace let production releases move their demands to Done",
  ],
  "alert_webhook.updated": [
    event("alert_webhook.updated", { url: null }, { url: "https://hooks.example.com/T000/B000/secret" }),
    "Ada Lovelace set the alert webhook to hooks.example.com",
  ],
  "forecast_settings.updated": [
    event("forecast_settings.updated", { forecastWeeks: 12 }, { forecastWeeks: 8 }),
    "Ada Lovelace changed the weeks of throughput the forecasts sample from 12 to 8",
  ],
  "demand.acceptance_overridden": [
    event("demand.acceptance_overridden", null, {
      key: "BIZ-4",
      undelivered: 2,
      reason: "Launch date is fixed",
    }),
    "Ada Lovelace passed BIZ-4 through the acceptance gate with 2 product demands undelivered: “Launch date is fixed”",
  ],
  "portfolio.board_added": [
    event("portfolio.board_added", null, { name: "Payments" }),
    "Ada Lovelace added the team board Payments to the portfolio",
  ],
  "portfolio.board_removed": [
    event("portfolio.board_removed", { name: "Payments" }, null),
    "Ada Lovelace took the team board Payments out of the portfolio",
  ],
};

describe("describeAuditEvent", () => {
  it.each(ZAuditAction.options)("words %s as a sentence", (action) => {
    const [audited, sentence] = SENTENCE_FOR[action];
    expect(audited.action).toBe(action);
    expect(describeAuditEvent(audited, context)).toBe(sentence);
  });

  it("joins several changes saved at once into one sentence, naming the stage by its new name", () => {
    const renamed = event(
      "stage.updated",
      stage({ boundary: null }),
      stage({ name: "Verification", wipLimit: null, position: 4, boundary: "development_end" }),
    );
    expect(describeAuditEvent(renamed, context)).toBe(
      "Ada Lovelace renamed the stage Testing to Verification, removed Verification's WIP limit of 5, made Verification the end of development, and moved the stage Verification from column 4 to 5",
    );
    const limited = event("lane.updated", lane({ wipLimit: null }), lane({ wipLimit: 2, position: 2 }));
    expect(describeAuditEvent(limited, context)).toBe(
      "Ada Lovelace set Expedite's WIP limit to 2 and moved the lane Expedite from row 1 to 3",
    );
  });

  it("says where a boundary went and which kind a stage became", () => {
    const released = event(
      "stage.updated",
      stage({ name: "Design", boundary: "commitment" }),
      stage({ name: "Design" }),
    );
    expect(describeAuditEvent(released, context)).toBe("Ada Lovelace took the commitment point off Design");
    const kind = event("stage.updated", stage({ kind: "active" }), stage({ kind: "queue" }));
    expect(describeAuditEvent(kind, context)).toBe(
      "Ada Lovelace changed Testing from active to queue (waiting)",
    );
  });

  it("rewords, rephases and reorders criteria, and names a stage that is gone", () => {
    const reworded = event(
      "criterion.updated",
      criterion(),
      criterion({ text: "Acceptance rules agreed", phase: "exit", position: 1 }),
    );
    expect(describeAuditEvent(reworded, context)).toBe(
      "Ada Lovelace reworded the entry criterion “Acceptance rules written” on Testing to “Acceptance rules agreed”, made “Acceptance rules agreed” an exit criterion, and moved “Acceptance rules agreed” from place 1 to 2 among Testing's criteria",
    );
    const orphan = event("criterion.created", null, criterion({ stageId: "gone", required: false }));
    expect(describeAuditEvent(orphan, context)).toBe(
      "Ada Lovelace added the optional entry criterion “Acceptance rules written” to a stage since removed",
    );
  });

  it("words the pipeline, alert webhook and secret changes that undo or revoke", () => {
    const environments = event(
      "pipeline_settings.updated",
      { releaseMovesToDone: true, productionEnvironments: ["production"] },
      { releaseMovesToDone: false, productionEnvironments: ["production", "eu-prod"] },
    );
    expect(describeAuditEvent(environments, context)).toBe(
      "Ada Lovelace stopped production releases from moving their demands to Done and changed the production environments from production to production and eu-prod",
    );
    const hook = (before: string | null, after: string | null) =>
      describeAuditEvent(event("alert_webhook.updated", { url: before }, { url: after }), context);
    expect(hook("https://a.example.com/x", "https://b.example.com/y")).toBe(
      "Ada Lovelace changed the alert webhook from a.example.com to b.example.com",
    );
    expect(hook("https://a.example.com/x", null)).toBe("Ada Lovelace removed the alert webhook");
    const revokedNow = event(
      "webhook_secret.revoked",
      { fingerprint: "0f9e8d7c6b5a", revokedAt: null },
      { fingerprint: "0f9e8d7c6b5a", revokedAt: AT },
    );
    expect(describeAuditEvent(revokedNow, context)).toBe(
      "Ada Lovelace revoked the webhook secret 0f9e8d7c6b5a",
    );
  });

  it("still says something for a deleted account and for an action this version does not know", () => {
    const orphaned = { ...event("stage.deleted", stage(), null), actor: null };
    expect(describeAuditEvent(orphaned, context)).toBe(
      "Someone whose account was deleted removed the stage Testing",
    );
    expect(describeAuditEvent(event("board.renamed", { name: "A" }, { name: "B" }), context)).toBe(
      "Ada Lovelace made a change (board.renamed)",
    );
  });
});
