import { type TAuditAction, type TAuditEvent, ZAuditAction } from "@tideway/contracts";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { applyLocale } from "../../i18n/intl";
import { loadCatalogue } from "../../i18n/messages";
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

// One typical event per action, keyed by the enum (a new action fails to compile here until it
// has a case), with its sentence in English and in Chinese.
const SENTENCE_FOR: Record<TAuditAction, [TAuditEvent, string, string]> = {
  "stage.created": [
    event("stage.created", null, stage({ name: "Review" })),
    "Ada Lovelace added the stage Review",
    "Ada Lovelace 添加了阶段“Review”",
  ],
  "stage.updated": [
    event("stage.updated", stage(), stage({ wipLimit: 4 })),
    "Ada Lovelace changed Testing's WIP limit from 5 to 4",
    "Ada Lovelace 将“Testing”的 WIP 上限从 5 改为 4",
  ],
  "stage.deleted": [
    event("stage.deleted", stage(), null),
    "Ada Lovelace removed the stage Testing",
    "Ada Lovelace 删除了阶段“Testing”",
  ],
  "lane.created": [
    event("lane.created", null, lane({ name: "Platform" })),
    "Ada Lovelace added the lane Platform",
    "Ada Lovelace 添加了泳道“Platform”",
  ],
  "lane.updated": [
    event("lane.updated", lane(), lane({ wipPolicy: "soft" })),
    "Ada Lovelace made Expedite's WIP limit soft",
    "Ada Lovelace 将“Expedite”的 WIP 上限改为软性（警告）",
  ],
  "lane.deleted": [
    event("lane.deleted", lane(), null),
    "Ada Lovelace removed the lane Expedite",
    "Ada Lovelace 删除了泳道“Expedite”",
  ],
  "criterion.created": [
    event("criterion.created", null, criterion()),
    "Ada Lovelace added the entry criterion “Acceptance rules written” to Testing",
    "Ada Lovelace 为 Testing 添加了准入条件“Acceptance rules written”",
  ],
  "criterion.updated": [
    event("criterion.updated", criterion(), criterion({ required: false })),
    "Ada Lovelace made “Acceptance rules written” optional",
    "Ada Lovelace 将“Acceptance rules written”设为可选",
  ],
  "criterion.deleted": [
    event("criterion.deleted", criterion({ phase: "exit", text: "Tests pass" }), null),
    "Ada Lovelace removed the exit criterion “Tests pass” from Testing",
    "Ada Lovelace 删除了 Testing 的退出条件“Tests pass”",
  ],
  "member.added": [
    event("member.added", null, member()),
    "Ada Lovelace added Bob to the board as a member",
    "Ada Lovelace 将 Bob 添加到看板，角色为成员",
  ],
  "member.role_changed": [
    event("member.role_changed", member({ name: "Carol" }), member({ name: "Carol", role: "admin" })),
    "Ada Lovelace made Carol an admin",
    "Ada Lovelace 将 Carol 的角色改为管理员",
  ],
  "member.removed": [
    event("member.removed", member(), null),
    "Ada Lovelace removed Bob from the board",
    "Ada Lovelace 将 Bob 移出了看板",
  ],
  "member.left": [
    event("member.left", member(), null, { id: "user-2", name: "Bob" }),
    "Bob left the board",
    "Bob 离开了看板",
  ],
  "member.invited": [
    event("member.invited", null, { email: "dee@example.test", role: "viewer" }),
    "Ada Lovelace invited dee@example.test as a viewer",
    "Ada Lovelace 邀请 dee@example.test 以查看者身份加入",
  ],
  "member.invitation_revoked": [
    event("member.invitation_revoked", { email: "dee@example.test", role: "viewer" }, null),
    "Ada Lovelace withdrew the invitation of dee@example.test",
    "Ada Lovelace 撤回了对 dee@example.test 的邀请",
  ],
  "webhook_secret.created": [
    event("webhook_secret.created", null, { id: "s1", fingerprint: "1a2b3c4d5e6f", createdAt: AT }),
    "Ada Lovelace created the webhook secret 1a2b3c4d5e6f",
    "Ada Lovelace 创建了 Webhook 密钥 1a2b3c4d5e6f",
  ],
  "webhook_secret.revoked": [
    event(
      "webhook_secret.revoked",
      { id: "s0", fingerprint: "0f9e8d7c6b5a", revokedAt: null },
      { id: "s0", fingerprint: "0f9e8d7c6b5a", revokedAt: "2026-11-30T12:00:00.000Z" },
    ),
    "Ada Lovelace retired the webhook secret 0f9e8d7c6b5a, accepted for 24 hours more",
    "Ada Lovelace 停用了 Webhook 密钥 0f9e8d7c6b5a，该密钥在接下来的 24小时内仍被接受",
  ],
  "pipeline_settings.updated": [
    event(
      "pipeline_settings.updated",
      { releaseMovesToDone: false, productionEnvironments: ["production"] },
      { releaseMovesToDone: true, productionEnvironments: ["production"] },
    ),
    "Ada Lovelace let production releases move their demands to Done",
    "Ada Lovelace 开启了“生产发布时把所发布的需求移到完成”",
  ],
  "alert_webhook.updated": [
    event("alert_webhook.updated", { url: null }, { url: "https://hooks.example.com/T000/B000/secret" }),
    "Ada Lovelace set the alert webhook to hooks.example.com",
    "Ada Lovelace 将提醒 Webhook 设为 hooks.example.com",
  ],
  "forecast_settings.updated": [
    event("forecast_settings.updated", { forecastWeeks: 12 }, { forecastWeeks: 8 }),
    "Ada Lovelace changed the weeks of throughput the forecasts sample from 12 to 8",
    "Ada Lovelace 将预测抽样的吞吐量周数从 12 改为 8",
  ],
  "demand.acceptance_overridden": [
    event("demand.acceptance_overridden", null, {
      key: "BIZ-4",
      undelivered: 2,
      reason: "Launch date is fixed",
    }),
    "Ada Lovelace passed BIZ-4 through the acceptance gate with 2 product demands undelivered: “Launch date is fixed”",
    "Ada Lovelace 在还有 2 个产品需求未交付的情况下让 BIZ-4 通过了验收关卡：“Launch date is fixed”",
  ],
  "portfolio.board_added": [
    event("portfolio.board_added", null, { name: "Payments" }),
    "Ada Lovelace added the team board Payments to the portfolio",
    "Ada Lovelace 将团队看板 Payments 加入了项目组合",
  ],
  "portfolio.board_removed": [
    event("portfolio.board_removed", { name: "Payments" }, null),
    "Ada Lovelace took the team board Payments out of the portfolio",
    "Ada Lovelace 将团队看板 Payments 移出了项目组合",
  ],
};

// The Chinese catalogue loads on demand in the app; these tests show it, so they load it first.
beforeAll(() => loadCatalogue("zh-CN"));
afterEach(() => applyLocale("en", []));

/** The event's sentences in English, then in Chinese. */
function sentencesOf(audited: TAuditEvent): { en: string[]; zh: string[] } {
  applyLocale("en", ["en-US"]);
  const en = describeAuditEvent(audited, context);
  applyLocale("zh-CN", ["zh-CN"]);
  return { en, zh: describeAuditEvent(audited, context) };
}

describe("describeAuditEvent", () => {
  it.each(ZAuditAction.options)("words %s as a sentence in English and in Chinese", (action) => {
    const [audited, en, zh] = SENTENCE_FOR[action];
    expect(audited.action).toBe(action);
    expect(sentencesOf(audited)).toEqual({ en: [en], zh: [zh] });
  });

  it("words several changes saved at once as one whole sentence each, naming the stage by its new name", () => {
    const renamed = event(
      "stage.updated",
      stage({ boundary: null }),
      stage({ name: "Verification", wipLimit: null, position: 4, boundary: "development_end" }),
    );
    expect(sentencesOf(renamed)).toEqual({
      en: [
        "Ada Lovelace renamed the stage Testing to Verification",
        "Ada Lovelace removed Verification's WIP limit of 5",
        "Ada Lovelace made Verification the end of development",
        "Ada Lovelace moved the stage Verification from column 4 to 5",
      ],
      zh: [
        "Ada Lovelace 将阶段“Testing”重命名为“Verification”",
        "Ada Lovelace 取消了“Verification”的 WIP 上限（原为 5）",
        "Ada Lovelace 将阶段“Verification”设为开发结束",
        "Ada Lovelace 将阶段“Verification”从第 4 列移到第 5 列",
      ],
    });
    const limited = event("lane.updated", lane({ wipLimit: null }), lane({ wipLimit: 2, position: 2 }));
    expect(sentencesOf(limited)).toEqual({
      en: [
        "Ada Lovelace set Expedite's WIP limit to 2",
        "Ada Lovelace moved the lane Expedite from row 1 to 3",
      ],
      zh: ["Ada Lovelace 将“Expedite”的 WIP 上限设为 2", "Ada Lovelace 将泳道“Expedite”从第 1 行移到第 3 行"],
    });
  });

  it("says where a boundary went and which kind a stage became", () => {
    const released = event(
      "stage.updated",
      stage({ name: "Design", boundary: "commitment" }),
      stage({ name: "Design" }),
    );
    expect(sentencesOf(released)).toEqual({
      en: ["Ada Lovelace took the commitment point off Design"],
      zh: ["Ada Lovelace 不再以阶段“Design”作为承诺点"],
    });
    const kind = event("stage.updated", stage({ kind: "active" }), stage({ kind: "queue" }));
    expect(sentencesOf(kind)).toEqual({
      en: ["Ada Lovelace changed Testing from active to queue (waiting)"],
      zh: ["Ada Lovelace 将阶段“Testing”从活动改为队列（等待）"],
    });
    const moved = event("stage.updated", stage({ boundary: "commitment" }), stage({ boundary: "delivered" }));
    expect(sentencesOf(moved)).toEqual({
      en: ["Ada Lovelace made Testing the delivery point instead of the commitment point"],
      zh: ["Ada Lovelace 将阶段“Testing”由承诺点改设为交付点"],
    });
  });

  it("rewords, rephases and reorders criteria, and names a stage that is gone", () => {
    const reworded = event(
      "criterion.updated",
      criterion(),
      criterion({ text: "Acceptance rules agreed", phase: "exit", position: 1 }),
    );
    expect(sentencesOf(reworded)).toEqual({
      en: [
        "Ada Lovelace reworded the entry criterion “Acceptance rules written” on Testing to “Acceptance rules agreed”",
        "Ada Lovelace made “Acceptance rules agreed” an exit criterion",
        "Ada Lovelace moved “Acceptance rules agreed” from place 1 to 2 among Testing's criteria",
      ],
      zh: [
        "Ada Lovelace 将 Testing 的准入条件“Acceptance rules written”改写为“Acceptance rules agreed”",
        "Ada Lovelace 将“Acceptance rules agreed”改为退出条件",
        "Ada Lovelace 将“Acceptance rules agreed”在 Testing 的条件中从第 1 位移到第 2 位",
      ],
    });
    const orphan = event("criterion.created", null, criterion({ stageId: "gone", required: false }));
    expect(sentencesOf(orphan)).toEqual({
      en: [
        "Ada Lovelace added the optional entry criterion “Acceptance rules written” to a stage since removed",
      ],
      zh: ["Ada Lovelace 为 已删除的阶段 添加了可选的准入条件“Acceptance rules written”"],
    });
  });

  it("words the pipeline, alert webhook and secret changes that undo or revoke", () => {
    const environments = event(
      "pipeline_settings.updated",
      { releaseMovesToDone: true, productionEnvironments: [] },
      { releaseMovesToDone: false, productionEnvironments: ["production", "eu-prod"] },
    );
    expect(sentencesOf(environments)).toEqual({
      en: [
        "Ada Lovelace stopped production releases from moving their demands to Done",
        "Ada Lovelace changed the production environments from none to production and eu-prod",
      ],
      zh: [
        "Ada Lovelace 关闭了“生产发布时把所发布的需求移到完成”",
        "Ada Lovelace 将生产环境从 无 改为 production和eu-prod",
      ],
    });
    const hook = (before: string | null, after: string | null) =>
      sentencesOf(event("alert_webhook.updated", { url: before }, { url: after }));
    expect(hook("https://a.example.com/x", "https://b.example.com/y")).toEqual({
      en: ["Ada Lovelace changed the alert webhook from a.example.com to b.example.com"],
      zh: ["Ada Lovelace 将提醒 Webhook 从 a.example.com 改为 b.example.com"],
    });
    expect(hook("https://a.example.com/x", null)).toEqual({
      en: ["Ada Lovelace removed the alert webhook"],
      zh: ["Ada Lovelace 删除了提醒 Webhook"],
    });
    const secretRevoked = (revokedAt: string) =>
      sentencesOf(
        event(
          "webhook_secret.revoked",
          { fingerprint: "0f9e8d7c6b5a", revokedAt: null },
          { fingerprint: "0f9e8d7c6b5a", revokedAt },
        ),
      );
    expect(secretRevoked(AT)).toEqual({
      en: ["Ada Lovelace revoked the webhook secret 0f9e8d7c6b5a"],
      zh: ["Ada Lovelace 吊销了 Webhook 密钥 0f9e8d7c6b5a"],
    });
    // The grace period is a duration written by the formatter, in the interface language.
    expect(secretRevoked("2026-11-29T12:45:00.000Z")).toEqual({
      en: ["Ada Lovelace retired the webhook secret 0f9e8d7c6b5a, accepted for 45 minutes more"],
      zh: ["Ada Lovelace 停用了 Webhook 密钥 0f9e8d7c6b5a，该密钥在接下来的 45分钟内仍被接受"],
    });
  });

  it("counts undelivered demands with the language's plural forms", () => {
    const one = event("demand.acceptance_overridden", null, {
      key: "BIZ-5",
      undelivered: 1,
      reason: "Fixed date",
    });
    expect(sentencesOf(one)).toEqual({
      en: [
        "Ada Lovelace passed BIZ-5 through the acceptance gate with 1 product demand undelivered: “Fixed date”",
      ],
      zh: ["Ada Lovelace 在还有 1 个产品需求未交付的情况下让 BIZ-5 通过了验收关卡：“Fixed date”"],
    });
  });

  it("still says something for a deleted account and for an action this version does not know", () => {
    const orphaned = { ...event("stage.deleted", stage(), null), actor: null };
    expect(sentencesOf(orphaned)).toEqual({
      en: ["Someone whose account was deleted removed the stage Testing"],
      zh: ["一位账户已删除的用户 删除了阶段“Testing”"],
    });
    expect(sentencesOf(event("board.renamed", { name: "A" }, { name: "B" }))).toEqual({
      en: ["Ada Lovelace made a change (board.renamed)"],
      zh: ["Ada Lovelace 做了一项更改（board.renamed）"],
    });
  });
});
