import { BOARD_VIEWS, type BoardView } from "./board-view-store";

const VIEW_NAMES: Record<BoardView, string> = {
  standard: "Standard",
  compact: "Compact",
  projector: "Projector",
};

const VIEW_HINTS: Record<BoardView, string> = {
  standard: "Cards at their usual size",
  compact: "Smaller cards, for a laptop screen",
  projector: "Large text for a room, every stage still on screen",
};

/** Standard, Compact or Projector: how the board is drawn (kept per user and in the URL). */
export function BoardViewToggle({
  view,
  onChoose,
}: {
  view: BoardView;
  onChoose: (view: BoardView) => void;
}) {
  return (
    <fieldset className="view-toggle">
      <legend className="visually-hidden">Board view</legend>
      {BOARD_VIEWS.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={view === option}
          title={VIEW_HINTS[option]}
          onClick={() => onChoose(option)}
        >
          {VIEW_NAMES[option]}
        </button>
      ))}
    </fieldset>
  );
}
