import { useEffect } from "react";
import { focusedDemandId, useStandup } from "./standup-store";

/** Keys a person (or a presentation clicker) presses; the clicker sends PageDown and PageUp. */
const STEPS = {
  ArrowRight: "next",
  " ": "next",
  PageDown: "next",
  ArrowLeft: "back",
  PageUp: "back",
  ArrowDown: "next-stage",
  ArrowUp: "previous-stage",
} as const;

/**
 * The element a key press is meant for. A field or button in a dialog that has just closed
 * keeps focus until the browser's next frame; keys that reach it then are meant for the
 * stand-up, not for a control nobody sees.
 */
function focusedControl(event: KeyboardEvent): HTMLElement | null {
  const target = event.target;
  if (!(target instanceof HTMLElement) || target.closest("dialog:not([open])")) return null;
  return target;
}

function isTyping(control: HTMLElement | null): boolean {
  return (
    control !== null &&
    (control.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(control.tagName))
  );
}

/** Enter presses a focused button or follows a focused link; Space presses a button. */
function pressesControl(event: KeyboardEvent, control: HTMLElement | null): boolean {
  if (!control) return false;
  if (event.key === "Enter") return ["BUTTON", "A", "SUMMARY"].includes(control.tagName);
  return event.key === " " && ["BUTTON", "SUMMARY"].includes(control.tagName);
}

/** The whole stand-up runs from the keyboard; no key needs a mouse first. */
export function useStandupKeys(onLeave: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      // The block-reason dialog owns the keyboard (and its own Escape) while it is open. Ask
      // the DOM, not the store: the dialog's close event (which clears the store) is queued
      // after the dialog has closed, and a key pressed in between must not be lost.
      if (document.querySelector("dialog[open]")) return;
      const control = focusedControl(event);
      if (isTyping(control)) return;
      if (pressesControl(event, control)) return;

      const standup = useStandup.getState();
      const step = STEPS[event.key as keyof typeof STEPS];
      if (step) {
        event.preventDefault();
        standup.go(step);
        return;
      }
      switch (event.key) {
        case "b":
        case "B": {
          event.preventDefault();
          toggleBlocked();
          return;
        }
        case "f":
        case "F":
        case "End":
          event.preventDefault();
          standup.finish();
          return;
        case "Home":
          event.preventDefault();
          standup.restart();
          return;
        case "Escape":
          event.preventDefault();
          onLeave();
          return;
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onLeave]);
}

/** B on a card: the dialog asks why it is blocked, or confirms unblocking a blocked card. */
function toggleBlocked(): void {
  const demandId = focusedDemandId();
  if (demandId) useStandup.getState().askBlockReason(demandId);
}
