import { memo, type SyntheticEvent } from "react";
import { flushSync } from "react-dom";
import { translate } from "../../i18n/intl";
import { useClock } from "../../ui/clock-store";
import { canEdit, selectOpenDefects, selectStageCriteria } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { DemandCard } from "./demand-card";
import { cardElements } from "./drag-elements";
import { useDragScope } from "./drag-scope-store";
import { useKeyboardHelp } from "./keyboard-shortcuts";

/** The id of dnd-kit's screen reader instructions (the DndContext's id), which every drag handle points to. */
export const DRAG_INSTRUCTIONS_ID = "board-drag-instructions";

/**
 * A demand in its cell: the whole card can be dragged with the mouse, the
 * handle with the keyboard. Only cards in play are wired to dnd-kit (see
 * drag-scope-store.ts): pressing a card or focusing its handle wires it before
 * the press reaches dnd-kit's listeners, which the slot passes on.
 */
export const SortableDemandCard = memo(function SortableDemandCard({ id }: { id: string }) {
  const demand = useBoardStore((s) => s.demands[id]);
  const moving = useBoardStore((s) => id in s.pendingMoves);
  const editable = useBoardStore(canEdit);
  const pickable = editable && !moving;
  const criteria = useBoardStore(selectStageCriteria(demand?.stageId ?? ""));
  const openDefects = useBoardStore(selectOpenDefects(id));
  const now = useClock((s) => s.now);
  if (!demand) return null;
  const elements = cardElements(id);
  // Synchronously, so the binding's listeners are in place when this very press reaches them.
  const arm = () => {
    if (pickable && useDragScope.getState().armedCardId !== id)
      flushSync(() => useDragScope.getState().arm(id));
  };
  const pass = (event: SyntheticEvent, name: "onPointerDown" | "onKeyDown") =>
    elements.listeners?.[name]?.(event);
  return (
    <li
      ref={elements.slot.ref}
      className="card-slot"
      data-moving={moving || undefined}
      data-demand-key={demand.key}
      onPointerDownCapture={arm}
      onPointerDown={(event) => pass(event, "onPointerDown")}
      onKeyDown={(event) => pass(event, "onKeyDown")}
    >
      <DemandCard demand={demand} criteria={criteria} openDefects={openDefects} now={now} />
      {editable && (
        <button
          ref={elements.handle.ref}
          type="button"
          className="drag-handle"
          aria-label={translate("drag.handle", { key: demand.key })}
          aria-roledescription="draggable demand"
          aria-describedby={DRAG_INSTRUCTIONS_ID}
          aria-disabled={!pickable}
          onFocus={(event) => {
            arm();
            // Only keyboard focus: a click on the handle is not someone looking for the keys.
            if (event.currentTarget.matches(":focus-visible")) useKeyboardHelp.getState().showHintOnce();
          }}
        >
          ⠿
        </button>
      )}
    </li>
  );
});

/** The copy of a card that follows the pointer while it is dragged. */
export function DraggedDemandCard({ id }: { id: string }) {
  const demand = useBoardStore((s) => s.demands[id]);
  const criteria = useBoardStore(selectStageCriteria(demand?.stageId ?? ""));
  const openDefects = useBoardStore(selectOpenDefects(id));
  const now = useClock((s) => s.now);
  if (!demand) return null;
  return (
    <div className="card-slot dragged-card" aria-hidden="true">
      <DemandCard demand={demand} criteria={criteria} openDefects={openDefects} now={now} />
    </div>
  );
}
