import { type KeyboardEvent, useId, useState } from "react";
import { useT } from "../../i18n/use-t";

interface MetricHelpProps {
  /** What the help explains, for the button's accessible name: "About delivery cycle time". */
  topic: string;
  /** The definition, one paragraph per entry (from METRIC_DEFINITIONS). */
  definition: string | readonly string[];
}

/**
 * A "?" button that opens the metric's definition below it: a help panel
 * rather than a hover tooltip, so it is reachable by keyboard, readable on a
 * touch screen, and stays open while someone checks a number by hand.
 * Escape closes it again.
 */
export function MetricHelp({ topic, definition }: MetricHelpProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const paragraphs = typeof definition === "string" ? [definition] : definition;

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <span className="metric-help">
      <button
        type="button"
        className="help-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("dashboard.help", { topic })}
        title={t("dashboard.help", { topic })}
        onClick={() => setOpen(!open)}
        onKeyDown={closeOnEscape}
      >
        ?
      </button>
      <span id={panelId} className="help-panel" role="note" hidden={!open}>
        {paragraphs.map((paragraph) => (
          <span key={paragraph} className="help-paragraph">
            {paragraph}
          </span>
        ))}
      </span>
    </span>
  );
}
