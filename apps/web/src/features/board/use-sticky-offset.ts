import { type RefObject, useLayoutEffect } from "react";

/**
 * Keeps `--stage-headers-height` on the board grid equal to the height of
 * its sticky row of stage headers, so a lane's header sticks just below it
 * (the row grows when the first stage's "Add demand" form opens).
 */
export function useStickyOffset(headers: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const row = headers.current;
    const grid = row?.parentElement;
    if (!row || !grid) return;
    const observer = new ResizeObserver(() =>
      grid.style.setProperty("--stage-headers-height", `${row.offsetHeight}px`),
    );
    observer.observe(row);
    return () => observer.disconnect();
  }, [headers]);
}
