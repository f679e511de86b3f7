import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { BOARD_VIEWS, type BoardView } from "./board-view-store";

const VIEW_NAMES: Record<BoardView, MessageId> = {
  standard: "view.standard",
  compact: "view.compact",
  projector: "view.projector",
};

const VIEW_HINTS: Record<BoardView, MessageId> = {
  standard: "view.standard.hint",
  compact: "view.compact.hint",
  projector: "view.projector.hint",
};

/** Standard, Compact or Projector: how the board is drawn (kept per user and in the URL). */
export function BoardViewToggle({
  view,
  onChoose,
}: {
  view: BoardView;
  onChoose: (view: BoardView) => void;
}) {
  const t = useT();
  return (
    <fieldset className="view-toggle">
      <legend className="visually-hidden">{t("view.legend")}</legend>
      {BOARD_VIEWS.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={view === option}
          title={t(VIEW_HINTS[option])}
          onClick={() => onChoose(option)}
        >
          {t(VIEW_NAMES[option])}
        </button>
      ))}
    </fieldset>
  );
}
