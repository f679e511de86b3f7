import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useLayoutEffect } from "react";
import { canEdit } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { cardElements } from "./drag-elements";

/**
 * Wires one card to dnd-kit. It renders nothing: it lives inside dnd-kit's
 * providers (drag-binding-layer.tsx) while the card lives in the grid, and it
 * applies what `useSortable` returns to the card's elements directly, as the
 * props of a sortable item would. Mounting and unmounting it neither remounts
 * the card nor moves focus.
 */
export const CardDragBinding = memo(function CardDragBinding({ id }: { id: string }) {
  const pickable = usePickable(id);
  const { listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled: !pickable,
  });

  useLayoutEffect(() => {
    const elements = cardElements(id);
    const sync = () => {
      const slot = elements.slot.node;
      const handle = elements.handle.node;
      setNodeRef(slot);
      setActivatorNodeRef(handle);
      elements.listeners = listeners;
      if (slot) {
        slot.style.transform = CSS.Translate.toString(transform) ?? "";
        slot.style.transition = transition ?? "";
        slot.toggleAttribute("data-dragging", isDragging);
      }
      if (isDragging) handle?.setAttribute("aria-pressed", "true");
      else handle?.removeAttribute("aria-pressed");
    };
    elements.slot.sync = sync;
    elements.handle.sync = sync;
    sync();
  });

  useLayoutEffect(
    () => () => {
      const elements = cardElements(id);
      elements.slot.sync = undefined;
      elements.handle.sync = undefined;
      elements.listeners = undefined;
      elements.slot.node?.style.removeProperty("transform");
      elements.slot.node?.style.removeProperty("transition");
      elements.slot.node?.removeAttribute("data-dragging");
      elements.handle.node?.removeAttribute("aria-pressed");
    },
    [id],
  );

  return null;
});
// Named for React DevTools and for the board page benchmark, which counts its renders.
CardDragBinding.displayName = "CardDragBinding";

/** Whether the demand can be picked up: the viewer may edit, and no move of it is on its way. */
export function usePickable(id: string): boolean {
  return useBoardStore((s) => canEdit(s) && !(id in s.pendingMoves));
}
