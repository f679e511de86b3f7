import type { TCodeEventKind } from "@tideway/contracts";

/** One event as a provider reported it, before it is tied to the board's demands. */
export interface PipelineEvent {
  kind: TCodeEventKind;
  /** The commit; for deploy and release, the newest commit shipped (null: the provider gave none). */
  sha: string | null;
  /** Event time, as the provider reports it (not when the webhook arrived). */
  at: Date;
  repository: string;
  message: string | null;
  environment: string | null;
  /** Text that may name demands: messages, branch names, titles. */
  keyTexts: (string | null | undefined)[];
  /** Keys the sender named explicitly (the generic event's `demandKeys`). */
  namedKeys: string[];
  /** For deploy and release: the commits shipped, when the sender lists them. */
  commits: string[] | null;
}

/** What one delivery reports: its events, or why it reports none. */
export type DeliveryReading = { events: PipelineEvent[]; ignored: null } | { events: []; ignored: string };

export const ignored = (reason: string): DeliveryReading => ({ events: [], ignored: reason });
export const reported = (events: PipelineEvent[]): DeliveryReading =>
  events.length === 0 ? ignored("the delivery carries no commits") : { events, ignored: null };
