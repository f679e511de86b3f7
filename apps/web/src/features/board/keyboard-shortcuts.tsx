import { useEffect } from "react";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { create } from "../../ui/create-store";
import { ModalDialog } from "../../ui/modal-dialog";

/** The board's keys, as the sheet lists them: what to press (key names stay as printed on keyboards), and what it does. */
export const BOARD_SHORTCUTS: readonly { keys: string[]; action: MessageId }[] = [
  { keys: ["Tab"], action: "keys.tab" },
  { keys: ["Space", "Enter"], action: "keys.pickUp" },
  { keys: ["←", "→"], action: "keys.leftRight" },
  { keys: ["↑", "↓"], action: "keys.upDown" },
  { keys: ["Space", "Enter"], action: "keys.drop" },
  { keys: ["Esc"], action: "keys.cancel" },
  { keys: ["Enter"], action: "keys.open" },
  { keys: ["/"], action: "keys.search" },
  { keys: ["Tab"], action: "keys.filters" },
  { keys: ["?"], action: "keys.help" },
];

interface KeyboardHelpState {
  sheetOpen: boolean;
  /** The one-line hint shown the first time a card gets keyboard focus. */
  hintShown: boolean;
  openSheet: () => void;
  closeSheet: () => void;
  showHintOnce: () => void;
  closeHint: () => void;
}

/** Remembered per browser: the hint is for someone who has not met the keys yet. */
const HINT_SEEN_KEY = "tideway.board.keyboardHintSeen";

export const useKeyboardHelp = create<KeyboardHelpState>()((set) => ({
  sheetOpen: false,
  hintShown: false,
  openSheet: () => set({ sheetOpen: true, hintShown: false }),
  closeSheet: () => set({ sheetOpen: false }),
  showHintOnce: () => {
    if (localStorage.getItem(HINT_SEEN_KEY)) return;
    localStorage.setItem(HINT_SEEN_KEY, "1");
    set({ hintShown: true });
  },
  closeHint: () => set({ hintShown: false }),
}));

/** Whether a key press belongs to a text field (where "?" and "/" are just characters). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** "?" anywhere on the board (outside text fields and dialogs) opens the sheet of keys. */
export function KeyboardShortcuts() {
  const open = useKeyboardHelp((s) => s.sheetOpen);
  const close = useKeyboardHelp((s) => s.closeSheet);
  const t = useT();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      useKeyboardHelp.getState().openSheet();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <ModalDialog open={open} title={t("keys.title")} onClose={close}>
        <table className="shortcuts">
          <thead>
            <tr>
              <th scope="col">{t("keys.keys")}</th>
              <th scope="col">{t("keys.what")}</th>
            </tr>
          </thead>
          <tbody>
            {BOARD_SHORTCUTS.map(({ keys, action }) => (
              <tr key={action}>
                <td>
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && t("keys.or")}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(action)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ModalDialog>
      <KeyboardHint />
    </>
  );
}

/** The first time a card's handle gets keyboard focus: the four keys of a move, and where the rest are. */
function KeyboardHint() {
  const shown = useKeyboardHelp((s) => s.hintShown);
  const close = useKeyboardHelp((s) => s.closeHint);
  const t = useT();
  if (!shown) return null;
  return (
    <div className="keyboard-hint" role="status">
      <p>{t("keys.hint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</p>
      <button type="button" className="icon-button" aria-label={t("keys.closeHint")} onClick={close}>
        ×
      </button>
    </div>
  );
}

/** A shortcuts button for the page header, for people who look before they type. */
export function KeyboardShortcutsButton() {
  const t = useT();
  return (
    <button
      type="button"
      className="link-button"
      aria-keyshortcuts="?"
      onClick={() => useKeyboardHelp.getState().openSheet()}
    >
      {t("keys.button", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
    </button>
  );
}
