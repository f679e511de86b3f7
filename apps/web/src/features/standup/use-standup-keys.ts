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
 * stays on the page until React renders again; keys that reach it then are meant for the
 * stand-up, not for a control nobody sees.
 */
function focusedControl(event: KeyboardEvent): HTMLElement | null {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return null;
  if (target.closest('[role="dialog"]') && !blockDialogOpen()) return null;
  return target;
}

/**
 * Whether the block-reason dialog is open, from the store: closing it (Escape, a button)
 * clears the store at once, while its elements leave the page only at the next render, and
 * a key pressed in between must not be lost.
 */
function blockDialogOpen(): boolean {
  return useStandup.getState().blocking !== null;
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
      // The block-reason dialog owns the keyboard (and its own Escape) while it is open.
      if (blockDialogOpen()) return;
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
