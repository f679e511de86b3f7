import type { TBoardExport, TPortfolioExport } from "@tideway/contracts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A demand's journey: each stage it entered, with the days it then spent there (the last: until now). */
type Journey = readonly (readonly [stage: string, days: number])[];

/**
 * Gives a portfolio export 12 weeks of history ending at `now`, so the
 * imported copy's dashboard has trends to draw: on each team board all but
 * the last two product demands are delivered, one every few days, each
 * through Design, Development, Testing and Release with times that vary by
 * team and demand (a fixed pattern, not random); the last two are still in
 * Testing and Development. On the business board the older half of the
 * business demands are released, the rest in delivery. Only the document
 * changes: the transitions, each demand's stage and its timestamps.
 */
export function withTwelveWeeksOfHistory(doc: TPortfolioExport, now: number): TPortfolioExport {
  doc.teamBoards.forEach((board, team) => {
    const count = board.demands.length;
    rewrite(board, now, (index) => {
      const spread = 1 + ((index * 7 + team * 3) % 5);
      if (index >= count - 2) {
        return index === count - 1
          ? [
              ["Selection", 1],
              ["Design", 1],
              ["Development", 2 + team],
            ]
          : [
              ["Selection", 1],
              ["Design", 1],
              ["Development", 2],
              ["Testing", 9 + 2 * team],
            ];
      }
      return [
        ["Selection", 2],
        ["Design", 0.5 + spread / 4],
        ["Development", 1 + spread + team],
        ["Testing", 0.5 + (spread % 3) + team],
        ["Release", 0.02 + spread / 100],
        ["Done", 0],
      ];
    });
  });
  const business = doc.businessBoard.demands.length;
  rewrite(doc.businessBoard, now, (index) =>
    index < business / 2
      ? [
          ["Selection", 3],
          ["Analysis", 2 + index],
          ["In delivery", 8 + index],
          ["Acceptance", 1],
          ["Released", 0],
        ]
      : [
          ["Selection", 3],
          ["Analysis", 2],
          ["In delivery", 6],
        ],
  );
  return doc;
}

/**
 * Replaces a board's log: demand `index` (by number) follows `journeyOf(index)`;
 * finished journeys end one after another over the last 11 weeks, the others
 * end now.
 */
function rewrite(board: TBoardExport, now: number, journeyOf: (index: number) => Journey): void {
  const stageId = (name: string) => {
    const stage = board.stages.find((candidate) => candidate.name === name);
    if (!stage) throw new Error(`${board.board.name} has no stage ${name}`);
    return stage.id;
  };
  const demands = [...board.demands].sort((a, b) => a.number - b.number);
  const finished = demands.filter((_, index) => journeyOf(index).at(-1)?.[1] === 0).length;
  board.transitions = [];
  demands.forEach((demand, index) => {
    const journey = journeyOf(index);
    const days = journey.reduce((sum, [, spent]) => sum + spent, 0);
    const done = journey.at(-1)?.[1] === 0;
    const end = done ? now - 77 * DAY_MS + ((index + 1) * 76 * DAY_MS) / (finished + 1) : now - HOUR_MS;
    let at = end - days * DAY_MS;
    let from: string | null = null;
    for (const [step, [stage, spent]] of journey.entries()) {
      const to = stageId(stage);
      const iso = new Date(at).toISOString();
      board.transitions.push({
        id: `${demand.id}-${step}`,
        demandId: demand.id,
        kind: from === null ? "created" : "moved",
        fromStageId: from,
        toStageId: to,
        fromLaneId: from === null ? null : demand.laneId,
        toLaneId: demand.laneId,
        at: iso,
        actorId: null,
        overWip: false,
        note: null,
      });
      if (step === 0) demand.createdAt = iso;
      if (step === 1) demand.committedAt = iso;
      demand.stageId = to;
      demand.enteredStageAt = iso;
      demand.updatedAt = iso;
      from = to;
      at += spent * DAY_MS;
    }
  });
  board.transitions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
