import { create } from "../../ui/create-store";

/**
 * Which cards are wired to dnd-kit right now (drag-binding-layer.tsx). A card
 * wired with `useSortable` re-renders on every change of the drag (dnd-kit's
 * contexts have no selectors), so on a board of 2,000 cards each change of the
 * card under the pointer re-rendered all of them. Only these cards are wired:
 * - the one a pointer pressed or the keyboard focused, which may be picked up
 *   (it stays wired after a drop, so dnd-kit can give its handle focus back);
 * - while dragging, every card of the cells the drag touches: the cell the
 *   dragged card is in and the cell under it.
 */
interface DragScopeState {
  /**
   * The drag layer (board-drag-layer.tsx, loaded lazily) is mounted: until then
   * no card can be picked up, and a press on a handle goes nowhere.
   */
  layerReady: boolean;
  armedCardId: string | null;
  liveCells: readonly string[];
  /** The cell under the dragged card that its WIP limits will refuse (drop-refusal.ts), if any. */
  refusingCellId: string | null;
  arm: (cardId: string) => void;
  setLiveCells: (cellIds: readonly string[]) => void;
  setRefusingCell: (cellId: string | null) => void;
  setLayerReady: (ready: boolean) => void;
}

export const useDragScope = create<DragScopeState>()((set, get) => ({
  layerReady: false,
  armedCardId: null,
  liveCells: [],
  refusingCellId: null,
  arm: (cardId) => {
    if (get().armedCardId !== cardId) set({ armedCardId: cardId });
  },
  setLiveCells: (cellIds) => {
    const unique = [...new Set(cellIds)];
    const current = get().liveCells;
    const same = unique.length === current.length && unique.every((id) => current.includes(id));
    if (!same) set({ liveCells: unique });
  },
  setRefusingCell: (cellId) => {
    if (get().refusingCellId !== cellId) set({ refusingCellId: cellId });
  },
  setLayerReady: (ready) => {
    if (get().layerReady !== ready) set({ layerReady: ready });
  },
}));
