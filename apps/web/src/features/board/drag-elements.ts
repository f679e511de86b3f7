import type { DraggableSyntheticListeners } from "@dnd-kit/core";

/**
 * The board's DOM elements that dnd-kit drives, by card and by cell. The grid
 * renders them outside dnd-kit's context providers (every change of a drag
 * changes those contexts, and React then searches every component below them
 * for consumers: with 2,000 cards, that search alone took frames); the
 * bindings inside the providers (drag-binding-layer.tsx) find the elements
 * here. Ref callbacks fill them in and call `sync`, so a binding and its
 * element can mount in either order.
 */
interface WiredElement<E extends HTMLElement> {
  node: E | null;
  /** Set by the binding that wires this element, while it is mounted. */
  sync: (() => void) | undefined;
  ref: (node: E | null) => void;
}

function wiredElement<E extends HTMLElement>(): WiredElement<E> {
  const element: WiredElement<E> = {
    node: null,
    sync: undefined,
    ref: (node) => {
      element.node = node;
      element.sync?.();
    },
  };
  return element;
}

interface CardElements {
  slot: WiredElement<HTMLLIElement>;
  handle: WiredElement<HTMLButtonElement>;
  /** dnd-kit's pointer and keyboard listeners while the card is wired; the slot passes events on to them. */
  listeners: DraggableSyntheticListeners;
}

const cards = new Map<string, CardElements>();
const cells = new Map<string, WiredElement<HTMLUListElement>>();

/** The elements of a demand's card (a card is shown in one place at a time). */
export function cardElements(demandId: string): CardElements {
  let elements = cards.get(demandId);
  if (!elements) {
    elements = { slot: wiredElement(), handle: wiredElement(), listeners: undefined };
    cards.set(demandId, elements);
  }
  return elements;
}

/** The list of a cell's cards, which is also where a card can be dropped. */
export function cellListElement(cellId: string): WiredElement<HTMLUListElement> {
  let element = cells.get(cellId);
  if (!element) {
    element = wiredElement();
    cells.set(cellId, element);
  }
  return element;
}

const unused = (element: Pick<WiredElement<HTMLElement>, "node" | "sync">) =>
  element.node === null && element.sync === undefined;

/**
 * Drops the entries of elements no longer on the page, when the board grid
 * goes (leaving the board, opening another). Not on each unmount: a card
 * moving to another cell unmounts and mounts again in one commit, and its new
 * element must find the entry its render took.
 */
export function forgetUnmountedElements(): void {
  for (const [demandId, elements] of cards) {
    if (unused(elements.slot) && unused(elements.handle)) cards.delete(demandId);
  }
  for (const [cellId, element] of cells) if (unused(element)) cells.delete(cellId);
}
