import { useT } from "../../i18n/use-t";

interface ReorderButtonsProps {
  name: string;
  disabled: boolean;
  /** Moves the row one place earlier; null at the start. */
  onEarlier: (() => void) | null;
  onLater: (() => void) | null;
  /** "left"/"right" for stages (columns), "up"/"down" for lanes (rows). */
  directions: readonly ["left", "right"] | readonly ["up", "down"];
}

/** Positions are dense (0..n-1) on the server: moving to a neighbour's position swaps the two. */
export function ReorderButtons({ name, disabled, onEarlier, onLater, directions }: ReorderButtonsProps) {
  const [earlier, later] = directions;
  const t = useT();
  return (
    <span className="reorder-buttons">
      <button
        type="button"
        disabled={disabled || !onEarlier}
        aria-label={t("settings.move", { name, direction: earlier })}
        onClick={onEarlier ?? undefined}
      >
        {earlier === "left" ? "←" : "↑"}
      </button>
      <button
        type="button"
        disabled={disabled || !onLater}
        aria-label={t("settings.move", { name, direction: later })}
        onClick={onLater ?? undefined}
      >
        {later === "right" ? "→" : "↓"}
      </button>
    </span>
  );
}
