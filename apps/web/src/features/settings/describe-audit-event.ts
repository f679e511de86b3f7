import {
  type TAuditAction,
  type TAuditEvent,
  ZAuditAction,
  type ZFlowBoundary,
  type ZStageKind,
} from "@tideway/contracts";
import { MINUTE } from "@tideway/domain";

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

const DELETED_ACCOUNT = "Someone whose account was deleted";

/**
 * One audit event as the sentence a lead reads in the change history, e.g.
 * "Ada Lovelace changed Testing's WIP limit from 5 to 4". The wording comes
 * from the action and the row before and after; an action this version does
 * not know (a newer server) still gets a sentence naming it.
 */
export function describeAuditEvent(event: TAuditEvent, context: AuditContext): string {
  const actor = event.actor?.name ?? DELETED_ACCOUNT;
  const action = ZAuditAction.safeParse(event.action);
  if (!action.success) return `${actor} made a change (${event.action})`;
  return SENTENCES[action.data]({ actor, before: event.before, after: event.after, at: event.at, context });
}

// Exhaustive: a new action fails to compile until it has its wording.
const SENTENCES: Record<TAuditAction, (change: Change) => string> = {
  "stage.created": ({ actor, after }) => `${actor} added the stage ${name(after, "stage")}`,
  "stage.updated": (change) => updated(change, "stage", stageClauses),
  "stage.deleted": ({ actor, before }) => `${actor} removed the stage ${name(before, "stage")}`,
  "lane.created": ({ actor, after }) => `${actor} added the lane ${name(after, "lane")}`,
  "lane.updated": (change) => updated(change, "lane", limitClauses),
  "lane.deleted": ({ actor, before }) => `${actor} removed the lane ${name(before, "lane")}`,
  "criterion.created": ({ actor, after, context }) =>
    `${actor} added the ${criterionKind(after)} “${text(after, "text")}” to ${criterionStage(after, context)}`,
  "criterion.updated": criterionUpdated,
  "criterion.deleted": ({ actor, before, context }) =>
    `${actor} removed the ${criterionKind(before)} “${text(before, "text")}” from ${criterionStage(before, context)}`,
  "member.added": ({ actor, after }) =>
    `${actor} added ${name(after, "someone")} to the board as ${role(after)}`,
  "member.role_changed": ({ actor, after }) => `${actor} made ${name(after, "someone")} ${role(after)}`,
  "member.removed": ({ actor, before }) => `${actor} removed ${name(before, "someone")} from the board`,
  // The actor is the person who left; their name stays in the row even if the account is gone.
  "member.left": ({ before }) => `${name(before, "Someone")} left the board`,
  "member.invited": ({ actor, after }) => `${actor} invited ${text(after, "email")} as ${role(after)}`,
  "member.invitation_revoked": ({ actor, before }) =>
    `${actor} withdrew the invitation of ${text(before, "email")}`,
  "webhook_secret.created": ({ actor, after }) =>
    `${actor} created the webhook secret ${text(after, "fingerprint")}`,
  "webhook_secret.revoked": secretRevoked,
  "pipeline_settings.updated": pipelineUpdated,
  "alert_webhook.updated": alertWebhookUpdated,
  "forecast_settings.updated": ({ actor, before, after }) =>
    `${actor} changed the weeks of throughput the forecasts sample from ${shown(before?.forecastWeeks)} to ${shown(after?.forecastWeeks)}`,
  "demand.acceptance_overridden": ({ actor, after }) =>
    `${actor} passed ${text(after, "key")} through the acceptance gate with ${shown(after?.undelivered)} product demands undelivered: “${text(after, "reason")}”`,
  "portfolio.board_added": ({ actor, after }) =>
    `${actor} added the team board ${name(after, "board")} to the portfolio`,
  "portfolio.board_removed": ({ actor, before }) =>
    `${actor} took the team board ${name(before, "board")} out of the portfolio`,
};

type Clauses = (name: string, before: Snapshot, after: Snapshot) => string[];

/** A stage or lane saved with several fields changed reads as one sentence: "renamed …, and changed …". */
function updated({ actor, before, after }: Change, noun: "stage" | "lane", clausesOf: Clauses): string {
  const was = name(before, noun);
  const now = name(after, was);
  const clauses = was === now ? [] : [`renamed the ${noun} ${was} to ${now}`];
  clauses.push(...clausesOf(now, before, after));
  const place = positionClause(before, after, noun === "stage" ? "column" : "row");
  if (place) clauses.push(`moved the ${noun} ${now} ${place}`);
  return `${actor} ${clauses.length > 0 ? joined(clauses) : `changed the ${noun} ${now}`}`;
}

function limitClauses(name: string, before: Snapshot, after: Snapshot): string[] {
  const clauses: string[] = [];
  const [was, now] = [before?.wipLimit, after?.wipLimit];
  if (was !== now) {
    if (typeof was !== "number") clauses.push(`set ${name}'s WIP limit to ${shown(now)}`);
    else if (typeof now !== "number") clauses.push(`removed ${name}'s WIP limit of ${was}`);
    else clauses.push(`changed ${name}'s WIP limit from ${was} to ${now}`);
  }
  if (before?.wipPolicy !== after?.wipPolicy)
    clauses.push(`made ${name}'s WIP limit ${shown(after?.wipPolicy)}`);
  return clauses;
}

// Looked up by whatever a snapshot holds; `satisfies` keeps them complete as kinds and boundaries grow.
const STAGE_KINDS: Record<string, string> = {
  queue: "queue (waiting)",
  active: "active",
  done: "done",
} satisfies Record<(typeof ZStageKind.options)[number], string>;
const BOUNDARIES: Record<string, string> = {
  commitment: "commitment point",
  development_start: "start of development",
  development_end: "end of development",
  delivered: "delivery point",
} satisfies Record<(typeof ZFlowBoundary.options)[number], string>;

function stageClauses(name: string, before: Snapshot, after: Snapshot): string[] {
  const clauses = limitClauses(name, before, after);
  if (before?.kind !== after?.kind) {
    clauses.push(
      `changed ${name} from ${label(STAGE_KINDS, before?.kind)} to ${label(STAGE_KINDS, after?.kind)}`,
    );
  }
  const [was, now] = [before?.boundary, after?.boundary];
  if (was !== now) {
    if (typeof now !== "string") clauses.push(`took the ${label(BOUNDARIES, was)} off ${name}`);
    else if (typeof was !== "string") clauses.push(`made ${name} the ${label(BOUNDARIES, now)}`);
    else clauses.push(`made ${name} the ${label(BOUNDARIES, now)} instead of the ${label(BOUNDARIES, was)}`);
  }
  return clauses;
}

function criterionUpdated({ actor, before, after, context }: Change): string {
  const was = text(before, "text");
  const now = text(after, "text");
  const stage = criterionStage(after, context);
  const clauses =
    was === now ? [] : [`reworded the ${criterionKind(before)} “${was}” on ${stage} to “${now}”`];
  if (before?.phase !== after?.phase) clauses.push(`made “${now}” an ${shown(after?.phase)} criterion`);
  if (before?.required !== after?.required) {
    clauses.push(`made “${now}” ${after?.required === true ? "required" : "optional"}`);
  }
  const place = positionClause(before, after, "place");
  if (place) clauses.push(`moved “${now}” ${place} among ${stage}'s criteria`);
  return `${actor} ${clauses.length > 0 ? joined(clauses) : `changed the criterion “${now}” on ${stage}`}`;
}

function criterionKind(row: Snapshot): string {
  return `${row?.required === false ? "optional " : ""}${shown(row?.phase)} criterion`;
}

function criterionStage(row: Snapshot, context: AuditContext): string {
  const stageId = row?.stageId;
  return (typeof stageId === "string" && context.stageName(stageId)) || "a stage since removed";
}

/** A rotation keeps the old secret accepted for a grace period; 0 revokes it at once. */
function secretRevoked({ actor, before, after, at }: Change): string {
  const revokedAt = Date.parse(shown(after?.revokedAt));
  const fingerprint = text(before, "fingerprint");
  const graceMinutes = Math.round((revokedAt - Date.parse(at)) / MINUTE);
  if (!(graceMinutes > 0)) return `${actor} revoked the webhook secret ${fingerprint}`;
  const grace = graceMinutes % 60 === 0 ? plural(graceMinutes / 60, "hour") : plural(graceMinutes, "minute");
  return `${actor} retired the webhook secret ${fingerprint}, accepted for ${grace} more`;
}

function pipelineUpdated({ actor, before, after }: Change): string {
  const clauses: string[] = [];
  if (before?.releaseMovesToDone !== after?.releaseMovesToDone) {
    clauses.push(
      after?.releaseMovesToDone === true
        ? "let production releases move their demands to Done"
        : "stopped production releases from moving their demands to Done",
    );
  }
  const [was, now] = [list(before?.productionEnvironments), list(after?.productionEnvironments)];
  if (was !== now) clauses.push(`changed the production environments from ${was} to ${now}`);
  return `${actor} ${clauses.length > 0 ? joined(clauses) : "changed the delivery pipeline settings"}`;
}

function alertWebhookUpdated({ actor, before, after }: Change): string {
  const [was, now] = [before?.url, after?.url];
  if (typeof now !== "string") return `${actor} removed the alert webhook`;
  if (typeof was !== "string") return `${actor} set the alert webhook to ${host(now)}`;
  return `${actor} changed the alert webhook from ${host(was)} to ${host(now)}`;
}

// Reading the rows: they are JSON from the server, so every field is checked before it is shown.

function name(row: Snapshot, fallback: string): string {
  const value = row?.name;
  return typeof value === "string" && value !== "" ? value : fallback;
}

function text(row: Snapshot, field: string): string {
  return shown(row?.[field]);
}

function shown(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return "none";
}

function label(labels: Record<string, string>, value: unknown): string {
  return (typeof value === "string" && labels[value]) || shown(value);
}

function role(row: Snapshot): string {
  const value = shown(row?.role);
  return `${/^[aeiou]/.test(value) ? "an" : "a"} ${value}`;
}

/** Positions are 0-based in the rows and 1-based for people. */
function positionClause(before: Snapshot, after: Snapshot, unit: string): string | null {
  const [was, now] = [before?.position, after?.position];
  if (typeof was !== "number" || typeof now !== "number" || was === now) return null;
  return `from ${unit} ${was + 1} to ${now + 1}`;
}

function list(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? joined(value.map(shown)) : "none";
}

/** Only the host: a webhook URL's path often holds its secret. */
function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

const AND = new Intl.ListFormat("en", { type: "conjunction" });

function joined(parts: string[]): string {
  return AND.format(parts);
}
