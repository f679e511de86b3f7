import { create } from "../../ui/create-store";
import type { Placement } from "../board/cell-order";

export interface OverrideRequest {
  demandId: string;
  placement: Placement;
  /** The server's sentence: how many product demands are undelivered, per team. */
  message: string;
}

interface OverrideDialogState {
  request: OverrideRequest | null;
  show: (request: OverrideRequest) => void;
  close: () => void;
}

/** A move refused at the acceptance gate (CHILDREN_UNDELIVERED), waiting for a member's reason. */
export const useAcceptanceOverride = create<OverrideDialogState>()((set) => ({
  request: null,
  show: (request) => set({ request }),
  close: () => set({ request: null }),
}));
