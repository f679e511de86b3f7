import { create } from "../../ui/create-store";
import type { Placement } from "./cell-order";

export interface UnmetCriterion {
  id: string;
  text: string;
}

/** A move the server refused because criteria are unchecked; ticking them lets it be retried. */
export interface CriteriaRequest {
  demandId: string;
  placement: Placement;
  phase: "entry" | "exit";
  /** Where the demand was moving from; `placement` says where to. */
  fromStageId: string;
  /** The stage whose criteria are unmet: the target (entry) or the stage being left (exit). */
  stageId: string;
  message: string;
  unmet: UnmetCriterion[];
}

interface CriteriaDialogState {
  request: CriteriaRequest | null;
  show: (request: CriteriaRequest) => void;
  close: () => void;
}

export const useCriteriaDialog = create<CriteriaDialogState>()((set) => ({
  request: null,
  show: (request) => set({ request }),
  close: () => set({ request: null }),
}));

/** Reads `{ stageId, unmet: [{ id, text }] }` from a criteria refusal's details. */
export function unmetFromDetails(details: unknown): { stageId: string; unmet: UnmetCriterion[] } | null {
  if (!details || typeof details !== "object") return null;
  const { stageId, unmet } = details as { stageId?: unknown; unmet?: unknown };
  if (typeof stageId !== "string" || !Array.isArray(unmet)) return null;
  const criteria = unmet.filter(
    (item): item is UnmetCriterion =>
      !!item && typeof item === "object" && typeof item.id === "string" && typeof item.text === "string",
  );
  return { stageId, unmet: criteria.map(({ id, text }) => ({ id, text })) };
}
