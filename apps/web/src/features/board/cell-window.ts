/**
 * How much of a crowded cell is on screen. Every shown card is laid out and
 * hit-tested by the browser, and wired to dnd-kit while a drag touches its
 * cell, so a backlog of hundreds shows its top (the next to pull) and a done
 * cell its latest few arrivals (delivered work is history: a lane must not
 * grow as tall as everything it ever delivered); the rest is one click away
 * and counted in the WIP numbers.
 */
export const QUEUE_SHOWN = 25;
export const DONE_SHOWN = 3;

export interface ShownRange {
  start: number;
  end: number;
}

/**
 * `laneIdle`: the lane has nothing outside its done stages while another lane
 * has work (selectLaneIdle). Its done cell then shows only a count (a button
 * opens it), so a lane that only holds history stays one thin row and the
 * board's first screen shows work.
 */
export function shownRange(
  count: number,
  doneStage: boolean,
  expanded: boolean,
  laneIdle = false,
): ShownRange {
  if (expanded) return { start: 0, end: count };
  if (doneStage && laneIdle) return { start: count, end: count };
  if (doneStage) return { start: Math.max(0, count - DONE_SHOWN), end: count };
  return { start: 0, end: Math.min(count, QUEUE_SHOWN) };
}

/**
 * Where a card dropped on a cell's empty space goes: at the bottom of what is
 * shown, so it never disappears into the hidden part while being dragged.
 */
export function dropIndexOnCell(count: number, doneStage: boolean, expanded: boolean): number {
  const { end } = shownRange(count, doneStage, expanded);
  return end < count ? end - 1 : count;
}
