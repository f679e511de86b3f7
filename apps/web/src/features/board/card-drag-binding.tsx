import type { DraggableSyntheticListeners } from "@dnd-kit/core";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useLayoutEffect } from "react";

/**
 * The elements of one card slot that dnd-kit drives. The slot's ref callbacks
 * fill them in and call `sync`, so a binding mounted together with its slot
 * (React attaches a parent's ref after its children's layout effects) still
 * gets the elements.
 */
export interface CardSlotElements {
  slot: HTMLLIElement | null;
  handle: HTMLButtonElement | null;
  /** dnd-kit's pointer and keyboard listeners while the card is wired; the slot passes events on to them. */
  listeners: DraggableSyntheticListeners;
  sync: (() => void) | undefined;
  slotRef: (node: HTMLLIElement | null) => void;
  handleRef: (node: HTMLButtonElement | null) => void;
}

export function createCardSlotElements(): CardSlotElements {
  const elements: CardSlotElements = {
    slot: null,
    handle: null,
    listeners: undefined,
    sync: undefined,
    slotRef: (node) => {
      elements.slot = node;
      elements.sync?.();
    },
    handleRef: (node) => {
      elements.handle = node;
      elements.sync?.();
    },
  };
  return elements;
}

interface CardDragBindingProps {
  id: string;
  elements: CardSlotElements;
  disabled: boolean;
}

/**
 * Wires one card slot to dnd-kit. It renders nothing: it is the only part of a
 * card that consumes dnd-kit's contexts, and it sits inside the slot, so it can
 * be mounted and unmounted (see drag-scope-store.ts) without remounting the
 * card or moving focus. What `useSortable` returns is applied to the slot's
 * elements directly, as the props of a sortable item would.
 */
export const CardDragBinding = memo(function CardDragBinding({
  id,
  elements,
  disabled,
}: CardDragBindingProps) {
  const { listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });

  useLayoutEffect(() => {
    const sync = () => {
      const { slot, handle } = elements;
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
    elements.sync = sync;
    sync();
  });

  useLayoutEffect(
    () => () => {
      elements.sync = undefined;
      elements.listeners = undefined;
      elements.slot?.style.removeProperty("transform");
      elements.slot?.style.removeProperty("transition");
      elements.slot?.removeAttribute("data-dragging");
      elements.handle?.removeAttribute("aria-pressed");
    },
    [elements],
  );

  return null;
});
// Named for React DevTools and for the board page benchmark, which counts its renders.
CardDragBinding.displayName = "CardDragBinding";
