/**
 * Scrolling the board while a card is dragged with the pointer, in place of
 * dnd-kit's auto-scroll. dnd-kit's zones are a share of the scroll area (a
 * fifth by default) measured from its outer edges, so they covered the
 * rightmost visible column and the cards just under the sticky stage headers:
 * a card held still over Release scrolled the board and landed in Done, and a
 * reorder at the top of a column scrolled the lane above under the pointer.
 * Here the zone is a thin strip along the edges of what the user sees of the
 * area that actually scrolls (below its sticky stage headers), and the board
 * scrolls only while the pointer stays in it.
 */

/** How near an edge the pointer must be for the board to scroll, in CSS pixels. */
export const EDGE_ZONE_PX = 24;
/** Scroll per animation frame at the very edge; it grows from zero across the zone. */
const MAX_STEP_PX = 16;

type Axis = "x" | "y";

interface Edges {
  start: number;
  end: number;
}

/**
 * Starts following the pointer from `pointer` (client coordinates) and
 * scrolling what holds `origin`; returns the function that stops it.
 */
export function startEdgeAutoScroll(origin: Element, pointer: { x: number; y: number }): () => void {
  let { x, y } = pointer;
  const follow = (event: PointerEvent) => {
    x = event.clientX;
    y = event.clientY;
  };
  window.addEventListener("pointermove", follow, { capture: true, passive: true });
  let frame = requestAnimationFrame(function step() {
    scrollTowards(origin, "x", x, y);
    scrollTowards(origin, "y", y, x);
    frame = requestAnimationFrame(step);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener("pointermove", follow, { capture: true });
  };
}

function scrollTowards(origin: Element, axis: Axis, along: number, across: number): void {
  const scroller = scrollerOf(origin, axis);
  const edges = visibleEdges(scroller, axis);
  // Only when the pointer is over the area at all (not over the bar above it, say).
  const crossEdges = visibleEdges(scroller, axis === "x" ? "y" : "x");
  if (across < crossEdges.start - EDGE_ZONE_PX || across > crossEdges.end + EDGE_ZONE_PX) return;
  const step = stepFor(along, edges);
  if (step === 0) return;
  if (scroller === document.scrollingElement)
    window.scrollBy(axis === "x" ? step : 0, axis === "y" ? step : 0);
  else if (axis === "x") scroller.scrollLeft += step;
  else scroller.scrollTop += step;
}

/** Pixels to scroll this frame: negative towards the start edge, zero outside the zones. */
export function stepFor(position: number, edges: Edges): number {
  const fromStart = position - edges.start;
  const fromEnd = edges.end - position;
  if (edges.end - edges.start < 4 * EDGE_ZONE_PX) return 0;
  if (fromStart < EDGE_ZONE_PX) return -Math.ceil(MAX_STEP_PX * depth(fromStart));
  if (fromEnd < EDGE_ZONE_PX) return Math.ceil(MAX_STEP_PX * depth(fromEnd));
  return 0;
}

/** 0 at the inner border of a zone, 1 at the edge and beyond it. */
function depth(distanceFromEdge: number): number {
  return Math.min(1, Math.max(0, (EDGE_ZONE_PX - distanceFromEdge) / EDGE_ZONE_PX));
}

/** The nearest ancestor that scrolls along `axis` and has somewhere to go; else the page. */
function scrollerOf(origin: Element, axis: Axis): Element {
  const page = document.scrollingElement ?? document.documentElement;
  for (let element = origin.parentElement; element && element !== page; element = element.parentElement) {
    const style = getComputedStyle(element);
    const overflow = axis === "x" ? style.overflowX : style.overflowY;
    const room =
      axis === "x" ? element.scrollWidth > element.clientWidth : element.scrollHeight > element.clientHeight;
    if (room && (overflow === "auto" || overflow === "scroll")) return element;
  }
  return page;
}

/**
 * Where the scroller's visible area begins and ends along `axis`, in client
 * coordinates. Sticky stage headers at its top hide what scrolls under them,
 * so the top edge is their bottom.
 */
function visibleEdges(scroller: Element, axis: Axis): Edges {
  const page = scroller === document.scrollingElement;
  const box = page
    ? {
        left: 0,
        top: 0,
        right: document.documentElement.clientWidth,
        bottom: document.documentElement.clientHeight,
      }
    : scroller.getBoundingClientRect();
  if (axis === "x") return { start: box.left, end: box.right };
  const header = (page ? document : scroller).querySelector(".stage-header");
  const stuck =
    header && getComputedStyle(header).position === "sticky"
      ? header.getBoundingClientRect().bottom
      : box.top;
  return { start: Math.max(box.top, stuck), end: box.bottom };
}
