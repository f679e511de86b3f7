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

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/** Enter presses a focused button or follows a focused link; Space presses a button. */
function pressesControl(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (event.key === "Enter") return ["BUTTON", "A", "SUMMARY"].includes(target.tagName);
  return event.key === " " && ["BUTTON", "SUMMARY"].includes(target.tagName);
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
      if (isTyping(event.target)) return;
      if (pressesControl(event)) return;

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
