import { useEffect } from "react";
import { create } from "zustand";
import { ModalDialog } from "../../ui/modal-dialog";

/** The board's keys, as the sheet lists them: what to press, and what it does. */
export const BOARD_SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ["Tab"], action: "Go from card to card (each card's ⠿ handle, then its title)" },
  { keys: ["Space", "Enter"], action: "Pick up the card whose ⠿ handle has focus" },
  { keys: ["←", "→"], action: "Move a picked-up card to the stage before or after" },
  { keys: ["↑", "↓"], action: "Move it up or down in its cell, or to the lane above or below" },
  { keys: ["Space", "Enter"], action: "Drop it where it is" },
  { keys: ["Esc"], action: "Cancel the move: the card goes back" },
  { keys: ["Enter"], action: "Open the card whose title has focus" },
  { keys: ["/"], action: "Search the cards" },
  { keys: ["Tab"], action: "From search, on to the filters and the board's views" },
  { keys: ["?"], action: "Show these keys" },
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
      <ModalDialog open={open} title="Keyboard shortcuts" onClose={close}>
        <table className="shortcuts">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {BOARD_SHORTCUTS.map(({ keys, action }) => (
              <tr key={action}>
                <td>
                  {keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && " or "}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{action}</td>
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
  if (!shown) return null;
  return (
    <div className="keyboard-hint" role="status">
      <p>
        <kbd>Space</kbd> picks the card up, the arrow keys move it, <kbd>Space</kbd> drops it, <kbd>Esc</kbd>{" "}
        cancels. <kbd>?</kbd> shows every key.
      </p>
      <button type="button" className="icon-button" aria-label="Close the hint" onClick={close}>
        ×
      </button>
    </div>
  );
}

/** A shortcuts button for the page header, for people who look before they type. */
export function KeyboardShortcutsButton() {
  return (
    <button
      type="button"
      className="link-button"
      aria-keyshortcuts="?"
      onClick={() => useKeyboardHelp.getState().openSheet()}
    >
      Keys <kbd>?</kbd>
    </button>
  );
}
