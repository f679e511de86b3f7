import { type TAuditAction, type TAuditEvent, ZAuditAction } from "@tideway/contracts";
import { millis } from "@tideway/domain";
import { translate } from "../../i18n/intl";
import { formatDuration, formatList, formatNumber, NO_VALUE } from "../../ui/format";

type Snapshot = TAuditEvent["before"];

/** What a sentence may need that the event does not carry. */
export interface AuditContext {
  /** The stage's current name: criteria record only their stage's id. */
  stageName: (stageId: string) => string | undefined;
}

interface Change {
  actor: string;
  before: Snapshot;
  after: Snapshot;
  at: string;
  context: AuditContext;
}

/** One or more whole sentences: a stage saved with three fields changed reads as three. */
type Sentences = string[];

/**
 * One audit event as the sentences a lead reads in the change history, in
 * the interface language, e.g. "Ada Lovelace changed Testing's WIP limit
 * from 5 to 4" / "Ada Lovelace 将“Testing”的 WIP 上限从 5 改为 4". Each
 * sentence is one whole catalogue message (ICU selects and plurals inside),
 * never pieced together: a save that changed several fields gives one
 * sentence per change. User data (names, texts, hosts) are the messages'
 * arguments. An action this version does not know (a newer server) still
 * gets a sentence naming it.
 */
export function describeAuditEvent(event: TAuditEvent, context: AuditContext): Sentences {
  const actor = event.actor?.name ?? translate("settings.history.deletedAccount");
  const action = ZAuditAction.safeParse(event.action);
  if (!action.success) return [translate("settings.history.unknown", { actor, action: event.action })];
  return SENTENCES[action.data]({ actor, before: event.before, after: event.after, at: event.at, context });
}

// Exhaustive: a new action fails to compile until it has its wording.
const SENTENCES: Record<TAuditAction, (change: Change) => Sentences> = {
  "stage.created": ({ actor, after }) => [
    translate("settings.history.stage.created", { actor, stage: name(after) }),
  ],
  "stage.updated": (change) => updated(change, "stage"),
  "stage.deleted": ({ actor, before }) => [
    translate("settings.history.stage.deleted", { actor, stage: name(before) }),
  ],
  "lane.created": ({ actor, after }) => [
    translate("settings.history.lane.created", { actor, lane: name(after) }),
  ],
  "lane.updated": (change) => updated(change, "lane"),
  "lane.deleted": ({ actor, before }) => [
    translate("settings.history.lane.deleted", { actor, lane: name(before) }),
  ],
  "criterion.created": ({ actor, after, context }) => [
    translate("settings.history.criterion.created", { actor, ...criterionFacts(after, context) }),
  ],
  "criterion.updated": criterionUpdated,
  "criterion.deleted": ({ actor, before, context }) => [
    translate("settings.history.criterion.deleted", { actor, ...criterionFacts(before, context) }),
  ],
  "member.added": ({ actor, after }) => [
    translate("settings.history.member.added", { actor, name: name(after), role: text(after, "role") }),
  ],
  "member.role_changed": ({ actor, after }) => [
    translate("settings.history.member.roleChanged", {
      actor,
      name: name(after),
      role: text(after, "role"),
    }),
  ],
  "member.removed": ({ actor, before }) => [
    translate("settings.history.member.removed", { actor, name: name(before) }),
  ],
  // The actor is the person who left; their name stays in the row even if the account is gone.
  "member.left": ({ before }) => [
    translate("settings.history.member.left", {
      name: name(before) || translate("settings.history.deletedAccount"),
    }),
  ],
  "member.invited": ({ actor, after }) => [
    translate("settings.history.member.invited", {
      actor,
      email: text(after, "email"),
      role: text(after, "role"),
    }),
  ],
  "member.invitation_revoked": ({ actor, before }) => [
    translate("settings.history.member.invitationRevoked", { actor, email: text(before, "email") }),
  ],
  "webhook_secret.created": ({ actor, after }) => [
    translate("settings.history.secret.created", { actor, fingerprint: text(after, "fingerprint") }),
  ],
  "webhook_secret.revoked": secretRevoked,
  "pipeline_settings.updated": pipelineUpdated,
  "alert_webhook.updated": alertWebhookUpdated,
  "forecast_settings.updated": ({ actor, before, after }) => [
    translate("settings.history.forecast.weeks", {
      actor,
      was: count(before?.forecastWeeks),
      now: count(after?.forecastWeeks),
    }),
  ],
  "demand.acceptance_overridden": ({ actor, after }) => [
    translate("settings.history.demand.overridden", {
      actor,
      key: text(after, "key"),
      undelivered: typeof after?.undelivered === "number" ? after.undelivered : 0,
      reason: text(after, "reason"),
    }),
  ],
  "portfolio.board_added": ({ actor, after }) => [
    translate("settings.history.portfolio.added", { actor, board: name(after) }),
  ],
  "portfolio.board_removed": ({ actor, before }) => [
    translate("settings.history.portfolio.removed", { actor, board: name(before) }),
  ],
};

type Noun = "stage" | "lane";

/** A stage or lane saved with several fields changed: one sentence per change, naming it by its new name. */
function updated({ actor, before, after }: Change, noun: Noun): Sentences {
  const was = name(before);
  const now = name(after);
  const sentences: Sentences = [];
  if (was !== now) sentences.push(translate("settings.history.renamed", { actor, noun, was, now }));
  sentences.push(...limitSentences(actor, now, before, after));
  if (noun === "stage") sentences.push(...stageSentences(actor, now, before, after));
  const moved = positions(before, after);
  if (moved) {
    sentences.push(
      noun === "stage"
        ? translate("settings.history.stage.moved", { actor, stage: now, ...moved })
        : translate("settings.history.lane.moved", { actor, lane: now, ...moved }),
    );
  }
  return sentences.length > 0
    ? sentences
    : [translate("settings.history.changed", { actor, noun, name: now })];
}

function limitSentences(actor: string, name: string, before: Snapshot, after: Snapshot): Sentences {
  const sentences: Sentences = [];
  const [was, now] = [before?.wipLimit, after?.wipLimit];
  if (was !== now) {
    if (typeof was !== "number") {
      sentences.push(translate("settings.history.limit.set", { actor, name, limit: count(now) }));
    } else if (typeof now !== "number") {
      sentences.push(translate("settings.history.limit.removed", { actor, name, limit: count(was) }));
    } else {
      sentences.push(
        translate("settings.history.limit.changed", { actor, name, was: count(was), now: count(now) }),
      );
    }
  }
  if (before?.wipPolicy !== after?.wipPolicy) {
    sentences.push(
      translate("settings.history.limit.policy", { actor, name, policy: text(after, "wipPolicy") }),
    );
  }
  return sentences;
}

function stageSentences(actor: string, stage: string, before: Snapshot, after: Snapshot): Sentences {
  const sentences: Sentences = [];
  if (before?.kind !== after?.kind) {
    sentences.push(
      translate("settings.history.stage.kind", {
        actor,
        stage,
        was: text(before, "kind"),
        now: text(after, "kind"),
      }),
    );
  }
  const [was, now] = [before?.boundary, after?.boundary];
  if (was !== now) {
    if (typeof now !== "string") {
      sentences.push(
        translate("settings.history.boundary.removed", { actor, stage, boundary: text(before, "boundary") }),
      );
    } else if (typeof was !== "string") {
      sentences.push(translate("settings.history.boundary.set", { actor, stage, boundary: now }));
    } else {
      sentences.push(translate("settings.history.boundary.moved", { actor, stage, was, now }));
    }
  }
  return sentences;
}

function criterionUpdated({ actor, before, after, context }: Change): Sentences {
  const facts = criterionFacts(after, context);
  const was = text(before, "text");
  const sentences: Sentences = [];
  if (was !== facts.text) {
    sentences.push(
      translate("settings.history.criterion.reworded", {
        actor,
        ...criterionFacts(before, context),
        stage: facts.stage,
        now: facts.text,
      }),
    );
  }
  if (before?.phase !== after?.phase) {
    sentences.push(translate("settings.history.criterion.phase", { actor, ...facts }));
  }
  if (before?.required !== after?.required) {
    sentences.push(translate("settings.history.criterion.required", { actor, ...facts }));
  }
  const moved = positions(before, after);
  if (moved) sentences.push(translate("settings.history.criterion.moved", { actor, ...facts, ...moved }));
  return sentences.length > 0
    ? sentences
    : [translate("settings.history.criterion.changed", { actor, ...facts })];
}

/** A criterion's words, phase, whether it is required and its stage: what every criterion sentence may name. */
function criterionFacts(row: Snapshot, context: AuditContext) {
  const stageId = row?.stageId;
  return {
    text: text(row, "text"),
    phase: text(row, "phase"),
    required: row?.required === false ? "no" : "yes",
    stage:
      (typeof stageId === "string" && context.stageName(stageId)) ||
      translate("settings.history.removedStage"),
  };
}

/** A rotation keeps the old secret accepted for a grace period; 0 revokes it at once. */
function secretRevoked({ actor, before, after, at }: Change): Sentences {
  const graceMs = Date.parse(text(after, "revokedAt")) - Date.parse(at);
  const fingerprint = text(before, "fingerprint");
  if (!(graceMs > 0)) return [translate("settings.history.secret.revoked", { actor, fingerprint })];
  return [
    translate("settings.history.secret.retired", {
      actor,
      fingerprint,
      grace: formatDuration(millis(graceMs)),
    }),
  ];
}

function pipelineUpdated({ actor, before, after }: Change): Sentences {
  const sentences: Sentences = [];
  if (before?.releaseMovesToDone !== after?.releaseMovesToDone) {
    sentences.push(
      after?.releaseMovesToDone === true
        ? translate("settings.history.pipeline.releaseMoves", { actor })
        : translate("settings.history.pipeline.releaseStays", { actor }),
    );
  }
  const [was, now] = [names(before?.productionEnvironments), names(after?.productionEnvironments)];
  if (formatList(was) !== formatList(now)) {
    sentences.push(
      translate("settings.history.pipeline.environments", {
        actor,
        was: formatList(was),
        wasCount: was.length,
        now: formatList(now),
        nowCount: now.length,
      }),
    );
  }
  return sentences.length > 0 ? sentences : [translate("settings.history.pipeline.changed", { actor })];
}

function alertWebhookUpdated({ actor, before, after }: Change): Sentences {
  const [was, now] = [before?.url, after?.url];
  if (typeof now !== "string") return [translate("settings.history.alertWebhook.removed", { actor })];
  if (typeof was !== "string")
    return [translate("settings.history.alertWebhook.set", { actor, host: host(now) })];
  return [translate("settings.history.alertWebhook.changed", { actor, was: host(was), now: host(now) })];
}

// Reading the rows: they are JSON from the server, so every field is checked before it is shown.

function name(row: Snapshot): string {
  return text(row, "name");
}

/** A field as text; a missing or odd one is empty, which the messages' selects read as "other". */
function text(row: Snapshot, field: string): string {
  const value = row?.[field];
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return "";
}

/** A number as the interface language writes it; anything else as a dash. */
function count(value: unknown): string {
  return typeof value === "number" ? formatNumber(value, 0) : NO_VALUE;
}

/** Positions are 0-based in the rows and 1-based for people. */
function positions(before: Snapshot, after: Snapshot): { from: string; to: string } | null {
  const [was, now] = [before?.position, after?.position];
  if (typeof was !== "number" || typeof now !== "number" || was === now) return null;
  return { from: formatNumber(was + 1, 0), to: formatNumber(now + 1, 0) };
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Only the host: a webhook URL's path often holds its secret. */
function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
