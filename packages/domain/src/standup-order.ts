import type { FlowStage } from "./flow-history";
import { orderStages, stagesBeforeDelivery } from "./stage-order";
import type { EpochMs } from "./units";

/**
 * The stand-up reads the board right to left (DESIGN.md principle 5: finish
 * before starting): it starts at the rightmost stage before Done and walks
 * leftwards one stage at a time. Within a stage it takes blocked cards first,
 * then defects, then the oldest, so what stops work from finishing is
 * discussed before anything else.
 */

export type StandupStage = FlowStage;

export interface StandupCard {
  id: string;
  /** The number of the human key (42 in PAY-42): breaks ties, the older demand first. */
  number: number;
  stageId: string;
  type: string;
  blocked: boolean;
  committedAt: EpochMs | null;
  enteredStageAt: EpochMs;
}

/** One stage of the walk with its cards in the order they are discussed. */
export interface StandupColumn {
  stageId: string;
  demandIds: string[];
}

/** Where the walk stands: on a card (or an empty stage) or at the closing summary. */
export type StandupPlace =
  | {
      kind: "card";
      stageId: string;
      /** null: the stage is empty. */
      demandId: string | null;
      /** Where the card was, so that the walk stays put when the card moves away. */
      index: number;
    }
  | { kind: "summary" };

/**
 * `next` / `back`: one card (crossing into the neighbouring stage at either
 * end); `next-stage` / `previous-stage`: the first card of the stage to the
 * left / right. Past the last stage comes the summary.
 */
export type StandupStep = "next" | "back" | "next-stage" | "previous-stage";

/**
 * The stages a stand-up reads: every stage before delivery (the board's
 * delivered stage, see `orderStages`), rightmost first. On the 2-1-1 board:
 * Release, Testing, Development, Design, Selection.
 */
export function standupStages<S extends StandupStage>(stages: readonly S[]): S[] {
  return stagesBeforeDelivery(orderStages(stages)).reverse();
}

/**
 * Order within a stage: blocked before unblocked, then defects before other
 * types, then the oldest first. A card's age counts from its commitment
 * point, or for work not yet committed from entering its stage; equal ages
 * put the lower key number (the earlier created demand) first.
 *
 * Example: PAY-7 (feature, committed Monday), PAY-9 (defect, committed
 * Wednesday), PAY-4 (feature, blocked, committed Thursday) are discussed as
 * PAY-4, PAY-9, PAY-7.
 */
export function compareForStandup(a: StandupCard, b: StandupCard): number {
  return (
    Number(b.blocked) - Number(a.blocked) ||
    Number(b.type === "defect") - Number(a.type === "defect") ||
    since(a) - since(b) ||
    a.number - b.number
  );
}

function since(card: StandupCard): number {
  return card.committedAt ?? card.enteredStageAt;
}

/** Every stage the stand-up reads with its cards in stand-up order, empty stages included. */
export function standupWalk(stages: readonly StandupStage[], cards: readonly StandupCard[]): StandupColumn[] {
  const byStage = new Map<string, StandupCard[]>();
  for (const card of cards) byStage.set(card.stageId, [...(byStage.get(card.stageId) ?? []), card]);
  return standupStages(stages).map((stage) => ({
    stageId: stage.id,
    demandIds: (byStage.get(stage.id) ?? []).sort(compareForStandup).map((card) => card.id),
  }));
}

/**
 * Keeps the order people have already seen: cards still in the stage stay
 * where they were, cards that left drop out, and cards that arrived since join
 * at the end in stand-up order. Without it, blocking the card under
 * discussion would send it to the top of its stage and the walk would revisit
 * cards already talked about.
 *
 * Example: seen [A, B, C], now (after B was blocked and D arrived) [B, A, D]:
 * [A, B, D].
 */
export function keepSeenOrder(seen: readonly string[], current: readonly string[]): string[] {
  const present = new Set(current);
  const kept = seen.filter((id) => present.has(id));
  const known = new Set(kept);
  return [...kept, ...current.filter((id) => !known.has(id))];
}

/** The walk with each stage already visited in the order it was first shown (see `keepSeenOrder`). */
export function holdSeenOrder(
  walk: readonly StandupColumn[],
  seen: Readonly<Record<string, readonly string[]>>,
): StandupColumn[] {
  return walk.map((column) => {
    const before = seen[column.stageId];
    return before ? { ...column, demandIds: keepSeenOrder(before, column.demandIds) } : column;
  });
}

/** Where the stand-up begins: the first card of the rightmost stage before Done. */
export function firstPlace(walk: readonly StandupColumn[]): StandupPlace {
  return walk.length === 0 ? { kind: "summary" } : startOf(walk, 0);
}

/**
 * A place within the walk as indexes: the stage, and the card (-1 for an
 * empty stage). A focused card that has left its stage is replaced by the
 * card now at its position, so a move elsewhere never makes the walk jump.
 * Null at the summary.
 */
export function locatePlace(
  walk: readonly StandupColumn[],
  place: StandupPlace,
): { stageIndex: number; cardIndex: number } | null {
  if (place.kind === "summary" || walk.length === 0) return null;
  const found = walk.findIndex((column) => column.stageId === place.stageId);
  const stageIndex = found === -1 ? 0 : found;
  const ids = walk[stageIndex]?.demandIds ?? [];
  const at = place.demandId === null ? -1 : ids.indexOf(place.demandId);
  const cardIndex = at !== -1 ? at : Math.min(place.index, ids.length - 1);
  return { stageIndex, cardIndex };
}

/** The place one step away. */
export function stepStandup(
  walk: readonly StandupColumn[],
  place: StandupPlace,
  step: StandupStep,
): StandupPlace {
  const last = walk.length - 1;
  const at = locatePlace(walk, place);
  if (at === null) {
    if (last < 0) return { kind: "summary" };
    if (step === "back") return endOf(walk, last);
    if (step === "previous-stage") return startOf(walk, last);
    return { kind: "summary" };
  }
  const { stageIndex, cardIndex } = at;
  const cardCount = walk[stageIndex]?.demandIds.length ?? 0;
  switch (step) {
    case "next":
      if (cardIndex < cardCount - 1) return cardAt(walk, stageIndex, cardIndex + 1);
      return stageIndex < last ? startOf(walk, stageIndex + 1) : { kind: "summary" };
    case "back":
      if (cardIndex > 0) return cardAt(walk, stageIndex, cardIndex - 1);
      return stageIndex > 0 ? endOf(walk, stageIndex - 1) : startOf(walk, 0);
    case "next-stage":
      return stageIndex < last ? startOf(walk, stageIndex + 1) : { kind: "summary" };
    case "previous-stage":
      return startOf(walk, Math.max(0, stageIndex - 1));
  }
}

function cardAt(walk: readonly StandupColumn[], stageIndex: number, cardIndex: number): StandupPlace {
  const column = walk[stageIndex];
  if (!column) return { kind: "summary" };
  const demandId = column.demandIds[cardIndex] ?? null;
  return { kind: "card", stageId: column.stageId, demandId, index: demandId === null ? 0 : cardIndex };
}

function startOf(walk: readonly StandupColumn[], stageIndex: number): StandupPlace {
  return cardAt(walk, stageIndex, 0);
}

function endOf(walk: readonly StandupColumn[], stageIndex: number): StandupPlace {
  return cardAt(walk, stageIndex, (walk[stageIndex]?.demandIds.length ?? 1) - 1);
}
