import { MAX_FORECAST_DAYS, type TForecast, type TForecastQuery } from "@tideway/contracts";
import {
  boundaryTimes,
  DAY,
  DEFAULT_FORECAST_SEED,
  type DemandFlow,
  dailyThroughputSamples,
  type EpochMs,
  epochMs,
  type FlowStage,
  FORECAST_CONFIDENCES,
  type ForecastRun,
  orderStages,
  startOfUtcDay,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { invalidField } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { readForecastSettings } from "./forecast-settings";
import { simulateInWorker } from "./forecast-threads";

/**
 * A Monte Carlo forecast from the board's own daily throughput over the last
 * `forecastWeeks` weeks (a board setting): "how many demands by `until`" or
 * "when will these demands be done". Days are UTC; the forecast starts
 * tomorrow, because today is under way and not in the sample. The dashboard's
 * lane and type filter narrows the sample to that part of the board's flow.
 * The simulation itself runs in a worker thread (forecast-threads.ts).
 */
export async function getForecast(
  db: Db,
  userId: string,
  boardId: string,
  query: TForecastQuery,
  now = new Date(),
): Promise<TForecast> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const history = await cachedBoardHistory(db, boardId);
  const { demands, stages } = history.flow;
  const { forecastWeeks: weeks } = readForecastSettings(history.settings);
  const filter = { laneId: query.lane, type: query.type };
  const sample = dailyThroughputSamples(demands, stages, { now: epochMs(now.getTime()), weeks, filter });
  const run = { trials: query.trials, seed: query.seed ?? DEFAULT_FORECAST_SEED };
  const today = startOfUtcDay(epochMs(now.getTime()));
  const asked: Asked = {
    perDay: sample.perDay,
    run,
    today,
    noHistory: `No demand${query.lane || query.type ? " of this lane or type" : ""} was delivered in the last ${weeks} weeks, so there is no throughput to forecast from.`,
    reply: {
      mode: query.mode,
      today: dayText(today),
      sample: {
        weeks,
        from: dayText(sample.window.from),
        to: dayText(epochMs(sample.window.to - DAY)),
        perDay: sample.perDay,
      },
      ...run,
      selected: null,
      remaining: null,
      answers: [],
      histogram: [],
      beyondHorizon: 0,
    },
  };
  if (query.mode === "how-many") return howManyByDay(asked, query.until ?? "");
  const selected = query.demandIds ?? null;
  const remaining = selected === null ? (query.count ?? 0) : notYetDone(history.demandById, stages, selected);
  return whenDone(asked, remaining, selected?.length ?? null);
}

/** What both questions share: the sample, the run, today, and the reply without answers. */
interface Asked {
  perDay: number[];
  run: ForecastRun;
  today: EpochMs;
  noHistory: string;
  reply: Omit<TForecast, "status" | "message">;
}

async function howManyByDay(
  { perDay, run, today, noHistory, reply }: Asked,
  until: string,
): Promise<TForecast> {
  const days = Math.round((Date.parse(`${until}T00:00:00Z`) - today) / DAY);
  if (days < 1)
    throw invalidField("until", `must be a day after today (${dayText(today)}, UTC)`, "querystring");
  if (days > MAX_FORECAST_DAYS) {
    throw invalidField("until", `must be at most ${MAX_FORECAST_DAYS} days after today`, "querystring");
  }
  const forecast = await simulateInWorker({ question: "how-many", perDay, days, run });
  if (forecast.status === "no-history") return { ...reply, status: "no-history", message: noHistory };
  const { atLeast } = forecast;
  return {
    ...reply,
    status: "forecast",
    message:
      `By ${until}: at least ${atLeast[85]} demands with 85% confidence ` +
      `(${atLeast[50]} at 50%, ${atLeast[95]} at 95%).`,
    answers: FORECAST_CONFIDENCES.map((confidence) => ({
      confidence,
      count: atLeast[confidence],
      days,
      date: until,
    })),
    histogram: forecast.histogram,
  };
}

async function whenDone(asked: Asked, remaining: number, selected: number | null): Promise<TForecast> {
  const { perDay, run, today, noHistory } = asked;
  const reply = { ...asked.reply, selected, remaining };
  const forecast = await simulateInWorker({ question: "when", perDay, remaining, run });
  if (forecast.status === "nothing-remaining") {
    const message =
      selected === null ? "Nothing to forecast: 0 demands." : "Every selected demand is done or archived.";
    return { ...reply, status: "nothing-remaining", message };
  }
  if (forecast.status === "no-history") return { ...reply, status: "no-history", message: noHistory };
  const { withinDays } = forecast;
  const dateAfter = (days: number | null) => (days === null ? null : dayText(epochMs(today + days * DAY)));
  const by = (days: number | null) => dateAfter(days) ?? "more than a year from now";
  return {
    ...reply,
    status: "forecast",
    message:
      `${remaining} demand${remaining === 1 ? "" : "s"}: done by ${by(withinDays[85])} with 85% confidence ` +
      `(${by(withinDays[50])} at 50%, ${by(withinDays[95])} at 95%).`,
    answers: FORECAST_CONFIDENCES.map((confidence) => ({
      confidence,
      count: remaining,
      days: withinDays[confidence],
      date: dateAfter(withinDays[confidence]),
    })),
    histogram: forecast.histogram,
    beyondHorizon: forecast.beyondHorizon,
  };
}

/**
 * How many of the selected demands are still to finish: not delivered (in
 * Done) and not archived, since an archived demand will not be done at all.
 * Every id must be a demand of this board.
 */
function notYetDone(
  demandById: ReadonlyMap<string, DemandFlow>,
  stages: readonly FlowStage[],
  ids: readonly string[],
): number {
  const unknown = ids.filter((id) => !demandById.has(id));
  if (unknown.length > 0) {
    throw invalidField("demandIds", `not demands of this board: ${unknown.join(", ")}`, "querystring");
  }
  const order = orderStages(stages);
  let remaining = 0;
  for (const id of ids) {
    const demand = demandById.get(id);
    if (!demand) continue;
    const times = boundaryTimes(demand.events, order);
    if (times.deliveredAt === null && !times.archived) remaining++;
  }
  return remaining;
}

const dayText = (at: EpochMs) => new Date(at).toISOString().slice(0, 10);
