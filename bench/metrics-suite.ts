import { agingWork, cumulativeFlow, DAY, epochMs, type MetricWindow, twoOneOneTiles } from "@tideway/domain";
import type pg from "pg";
import type { Db } from "../apps/api/src/db/prisma";
import { discardEvents } from "../apps/api/src/services/board-events";
import { createBoard } from "../apps/api/src/services/boards/create-board";
import { moveDemand } from "../apps/api/src/services/demands/move-demand";
import { cachedBoardHistory } from "../apps/api/src/services/metrics/board-flow-cache";
import { getBoardMetrics } from "../apps/api/src/services/metrics/get-board-metrics";
import { loadBoardFlow } from "../apps/api/src/services/metrics/load-board-flow";
import { type Figure, measure } from "./bench-figures";
import { type LoadedFixture, loadMetricsFixture } from "./metrics-fixture";

/** Issue 5's and issue 9's targets for the metrics read path. */
export const METRICS_TARGETS_MS: Record<string, number> = {
  tiles: 100,
  cfdYear: 500,
  tilesAfterMove: 100,
  cfdYearAfterMove: 500,
};

export interface MetricsSuite {
  figures: Figure[];
  boardId: string;
  userId: string;
  fixture: LoadedFixture;
  tilesWindow: MetricWindow;
  yearWindow: MetricWindow;
  /** Moves one demand parked in Release to Done (as a user would), between timed runs. */
  moveOne: () => Promise<void>;
  /** GET metrics as the route calls it. */
  serviceCall: () => Promise<unknown>;
}

/**
 * The metrics read path on a board of `demands` demands (~10 transitions
 * each): loads the history (metrics-fixture.ts), then times the 2-1-1 tiles,
 * a year of cumulative flow and the aging list on the warm history, the
 * whole GET metrics service, and each again right after a move. Shared by
 * `npm run bench:metrics` and `npm run bench`.
 */
export async function runMetricsSuite(
  db: Db,
  loader: pg.ClientBase,
  options: { demands: number; repeats: number; userId?: string },
): Promise<MetricsSuite> {
  const { demands, repeats } = options;
  const userId =
    options.userId ??
    (
      await db.user.create({
        data: { email: "bench-metrics@tideway.local", name: "Bench Lead", passwordHash: "!unusable" },
      })
    ).id;
  const board = await createBoard(db, userId, { name: "Metrics bench", key: "BEN", template: "2-1-1" });
  const now = Date.now();
  // Enough demands parked in Release for every move the measurements make.
  const parkEvery = Math.max(2, Math.floor(demands / (8 * repeats + 40)));
  const fixture = await loadMetricsFixture(loader, board, userId, { demands, now, parkEvery });
  console.log(
    `loaded ${fixture.demands} demands, ${fixture.transitions} transitions, ` +
      `${fixture.codeEvents} code events in ${(fixture.loadMs / 1000).toFixed(1)} s`,
  );

  const stages = await db.stage.findMany({ where: { boardId: board.id }, orderBy: { position: "asc" } });
  const flow = await loadBoardFlow(db, board.id);
  const tilesWindow = { from: epochMs(now - 30 * DAY), to: epochMs(now) };
  const yearWindow = { from: epochMs(now - 365 * DAY), to: epochMs(now) };
  const tiles = () =>
    twoOneOneTiles(flow.demands, flow.stages, { window: tilesWindow, timeBasis: "calendar" });
  const target = (name: string) => METRICS_TARGETS_MS[name];

  const figures: Figure[] = [];
  figures.push(
    await measure(
      "coldLoad",
      "loadBoardFlow: whole history from one snapshot",
      Math.max(3, Math.round(repeats / 3)),
      () => loadBoardFlow(db, board.id),
    ),
    await measure(
      "tiles",
      "twoOneOneTiles, 30-day window (warm, in memory)",
      repeats,
      tiles,
      undefined,
      target("tiles"),
    ),
    await measure(
      "cfdYear",
      "cumulativeFlow, 365 daily points (warm, in memory)",
      repeats,
      () => cumulativeFlow(flow.demands, flow.stages, { window: yearWindow }),
      undefined,
      target("cfdYear"),
    ),
    await measure("aging", "agingWork against the p85 (warm, in memory)", repeats, () =>
      agingWork(flow.demands, flow.stages, epochMs(now), tiles().delivery, { timeBasis: "calendar" }),
    ),
  );

  const serviceCall = () => getBoardMetrics(db, userId, board.id, {}, new Date(Date.now()));
  await serviceCall();
  figures.push(
    await measure("serviceWarm", "getBoardMetrics, nothing changed (cached flow)", repeats, serviceCall),
  );

  const release = stages.find((stage) => stage.name === "Release");
  const done = stages.find((stage) => stage.name === "Done");
  if (!release || !done) throw new Error("the 2-1-1 board lacks Release or Done");
  const candidates = [...fixture.inRelease];
  const moveOne = async () => {
    const demandId = candidates.pop();
    if (!demandId) throw new Error("no demand left in Release to move");
    await moveDemand({ db, events: discardEvents }, userId, demandId, { toStageId: done.id });
  };
  figures.push(
    await measure(
      "refreshAfterMove",
      "read path only: cached history right after one move",
      repeats,
      () => cachedBoardHistory(db, board.id),
      moveOne,
    ),
    await measure(
      "tilesAfterMove",
      "refresh + twoOneOneTiles right after one move",
      repeats,
      async () => {
        const { flow: fresh } = await cachedBoardHistory(db, board.id);
        return twoOneOneTiles(fresh.demands, fresh.stages, { window: tilesWindow, timeBasis: "calendar" });
      },
      moveOne,
      target("tilesAfterMove"),
    ),
    await measure(
      "cfdYearAfterMove",
      "refresh + cumulativeFlow (365 days) right after one move",
      repeats,
      async () => {
        const { flow: fresh } = await cachedBoardHistory(db, board.id);
        return cumulativeFlow(fresh.demands, fresh.stages, { window: yearWindow });
      },
      moveOne,
      target("cfdYearAfterMove"),
    ),
    await measure(
      "serviceAfterMove",
      "getBoardMetrics right after one move to Done",
      repeats,
      serviceCall,
      moveOne,
    ),
  );
  return { figures, boardId: board.id, userId, fixture, tilesWindow, yearWindow, moveOne, serviceCall };
}
