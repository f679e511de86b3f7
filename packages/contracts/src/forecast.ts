import { z } from "zod";
import { ZDemandType, ZId } from "./board";
import { ZMetricTile } from "./metrics";
import { ZTimeBasis } from "./time-basis";

/**
 * Monte Carlo forecasts (GET /api/boards/:boardId/forecast), the board's
 * forecast settings, and the 2-1-1 goal per calendar quarter
 * (GET /api/boards/:boardId/two-one-one/quarters). Days are UTC calendar days
 * written YYYY-MM-DD; durations are seconds; attainment is a share 0..1.
 */

export const FORECAST_WEEKS_RANGE = { min: 1, max: 52 } as const;
/** How far ahead a forecast may look: a year (see FORECAST_HORIZON_DAYS in packages/domain). */
export const MAX_FORECAST_DAYS = 366;
export const MAX_FORECAST_DEMANDS = 10_000;

const ZDay = z.iso.date({ message: "must be a day written YYYY-MM-DD" });

export const ZForecastMode = z.enum(["how-many", "when"]);
export type TForecastMode = z.infer<typeof ZForecastMode>;

export const ZForecastQuery = z
  .object({
    mode: ZForecastMode.describe(
      "how-many: how many demands will be done by `until`; when: when will `count` demands (or those of `demandIds` not yet done) be done",
    ),
    until: ZDay.optional().describe("how-many: the last day counted (UTC), after today"),
    count: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_FORECAST_DEMANDS)
      .optional()
      .describe("when: how many demands still to finish"),
    demandIds: z
      .string()
      .optional()
      .transform((text, context) => {
        if (text === undefined) return undefined;
        const ids = text
          .split(",")
          .map((id) => id.trim())
          .filter((id) => id !== "");
        const bad = ids.find((id) => !ZId.safeParse(id).success);
        if (bad !== undefined || ids.length === 0 || ids.length > 500) {
          context.addIssue({
            code: "custom",
            message: "must be 1 to 500 demand ids (UUIDs) separated by commas",
          });
          return z.NEVER;
        }
        return [...new Set(ids)];
      })
      .describe("when: comma-separated demand ids; the ones not yet done are counted"),
    lane: ZId.optional().describe(
      "Forecast from the throughput of this swim lane only (as the dashboard's filter)",
    ),
    type: ZDemandType.optional().describe("Forecast from the throughput of this demand type only"),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional()
      .describe("Same seed, same forecast (default 211)"),
    trials: z.coerce
      .number()
      .int()
      .min(100)
      .max(10_000)
      .default(10_000)
      .describe("Simulated futures (at most 10,000, which bounds the work of one request)"),
  })
  .superRefine((query, context) => {
    if (query.mode === "how-many" && query.until === undefined) {
      context.addIssue({ code: "custom", path: ["until"], message: "is required for mode how-many" });
    }
    if (query.mode === "when" && (query.count === undefined) === (query.demandIds === undefined)) {
      context.addIssue({
        code: "custom",
        path: ["count"],
        message: "give either count or demandIds for mode when",
      });
    }
  });
export type TForecastQuery = z.infer<typeof ZForecastQuery>;

export const ZForecastConfidence = z.union([z.literal(50), z.literal(85), z.literal(95)]);

export const ZForecastAnswer = z.object({
  confidence: ZForecastConfidence.describe("Percent of the simulated futures in which the answer holds"),
  count: z
    .number()
    .int()
    .nullable()
    .describe("how-many: at least this many done by `date`; when: the demands to finish"),
  days: z
    .number()
    .int()
    .nullable()
    .describe("Days from today (tomorrow is day 1); null: more than a year away"),
  date: ZDay.nullable().describe("The last day counted; null: more than a year away"),
});
export type TForecastAnswer = z.infer<typeof ZForecastAnswer>;

export const ZForecast = z.object({
  mode: ZForecastMode,
  status: z
    .enum(["forecast", "no-history", "nothing-remaining"])
    .describe(
      "no-history: nothing delivered in the sampled weeks; nothing-remaining: every demand asked about is done",
    ),
  message: z.string().describe("The answer, or why there is none, in a sentence"),
  today: ZDay,
  sample: z.object({
    weeks: z.number().int(),
    from: ZDay.describe("First sampled day"),
    to: ZDay.describe("Last sampled day (yesterday)"),
    perDay: z.array(z.number().int()).describe("Deliveries on each sampled day, oldest first"),
  }),
  seed: z.number().int(),
  trials: z.number().int(),
  selected: z.number().int().nullable().describe("when with demandIds: how many were asked about"),
  remaining: z.number().int().nullable().describe("when: demands still to finish"),
  answers: z.array(ZForecastAnswer).describe("At 50, 85 and 95% confidence; empty without a forecast"),
  histogram: z
    .array(z.object({ value: z.number().int(), trials: z.number().int() }))
    .describe("Trials per outcome: demands done (how-many) or days taken (when)"),
  beyondHorizon: z.number().int().describe("when: trials not finished within a year"),
});
export type TForecast = z.infer<typeof ZForecast>;

export const ZForecastSettings = z.object({
  forecastWeeks: z
    .number()
    .int()
    .min(FORECAST_WEEKS_RANGE.min)
    .max(FORECAST_WEEKS_RANGE.max)
    .describe("How many weeks of daily throughput the forecasts sample"),
});
export type TForecastSettings = z.infer<typeof ZForecastSettings>;
export const DEFAULT_FORECAST_SETTINGS: TForecastSettings = { forecastWeeks: 12 };
export const ZForecastSettingsView = z.object({ settings: ZForecastSettings });
export const ZForecastSettingsChange = ZForecastSettingsView.extend({
  seq: z.number().int().describe("The board's sequence number after this change"),
});
export type TForecastSettingsChange = z.infer<typeof ZForecastSettingsChange>;

// The 2-1-1 goal per quarter

export const ZQuarterMetric = ZMetricTile.omit({ trend: true });
export type TQuarterMetric = z.infer<typeof ZQuarterMetric>;

export const ZTwoOneOneQuarter = z.object({
  label: z.string().describe("e.g. 2026-Q3"),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  partial: z.boolean().describe("The quarter under way"),
  delivery: ZQuarterMetric,
  development: ZQuarterMetric,
  release: ZQuarterMetric,
});
export type TTwoOneOneQuarter = z.infer<typeof ZTwoOneOneQuarter>;

export const ZQuarterlyTwoOneOne = z.object({
  board: z.object({ id: ZId, name: z.string(), key: z.string() }),
  generatedAt: z.iso.datetime(),
  timeBasis: ZTimeBasis,
  quarters: z.array(ZTwoOneOneQuarter).describe("The whole board, oldest quarter first"),
  lanes: z
    .array(z.object({ laneId: ZId, name: z.string(), quarters: z.array(ZTwoOneOneQuarter) }))
    .describe("The same quarters per swim lane, by the lane each demand is in now"),
});
export type TQuarterlyTwoOneOne = z.infer<typeof ZQuarterlyTwoOneOne>;
