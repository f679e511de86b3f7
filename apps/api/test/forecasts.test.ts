import type { TBoard, TForecast } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createBoard, laneNamed } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { logDemand } from "./helpers/transition-log";
import { useTestApp } from "./test-app";

const TODAY = Math.floor(Date.now() / DAY) * DAY;
/** Noon `days` days from today (UTC); negative is in the past. */
const noon = (days: number) => new Date(TODAY + days * DAY + DAY / 2);
const dayText = (days: number) => new Date(TODAY + days * DAY).toISOString().slice(0, 10);

/** Committed a week before delivery, delivered at `deliveredAt`. */
const delivered = (deliveredAt: Date) =>
  [
    ["Selection", new Date(deliveredAt.getTime() - 8 * DAY)],
    ["Design", new Date(deliveredAt.getTime() - 7 * DAY)],
    ["Done", deliveredAt],
  ] as const;

describe("GET /api/boards/:boardId/forecast", () => {
  const ctx = useTestApp();
  let lead: Client;
  let stranger: Client;
  /** 2 deliveries on each of the last 7 days: every sampled day is 2. */
  let steady: TBoard;
  /** 3 deliveries on 2 of the last 7 days, none on the other 5. */
  let bursty: TBoard;
  let idle: TBoard;
  const selection: string[] = [];

  const sampleWeeks = async (board: TBoard, forecastWeeks: number) => {
    const response = await lead.request({
      method: "PATCH",
      url: `/api/boards/${board.id}/forecast-settings`,
      payload: { forecastWeeks },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    stranger = await createClient(ctx.app, "stranger");
    steady = await createBoard(lead, "Steady");
    bursty = await createBoard(lead, "Bursty");
    idle = await createBoard(lead, "Idle");
    const steadyLane = laneNamed(steady, "Standard").id;
    for (let day = -7; day <= -1; day++) {
      for (let n = 0; n < 2; n++) await logDemand(ctx.db, steady, steadyLane, delivered(noon(day)));
    }
    // Older than the sampled week, so left out of it.
    await logDemand(ctx.db, steady, steadyLane, delivered(noon(-9)));
    selection.push(
      await logDemand(ctx.db, steady, steadyLane, delivered(noon(-10))),
      await logDemand(ctx.db, steady, steadyLane, [["Selection", noon(-2)]]),
      await logDemand(ctx.db, steady, steadyLane, [
        ["Selection", noon(-2)],
        ["Design", noon(-1)],
      ]),
    );
    const burstyLane = laneNamed(bursty, "Standard").id;
    for (const day of [-6, -2]) {
      for (let n = 0; n < 3; n++) await logDemand(ctx.db, bursty, burstyLane, delivered(noon(day)));
    }
    await sampleWeeks(steady, 1);
    await sampleWeeks(bursty, 1);
  });

  const forecast = async (board: TBoard, query: string, client = lead) => {
    const response = await client.request({
      method: "GET",
      url: `/api/boards/${board.id}/forecast?${query}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TForecast;
  };
  const answers = (result: TForecast, field: "count" | "days") =>
    result.answers.map((answer) => answer[field]);

  it("samples the last forecastWeeks weeks of daily deliveries, today left out", async () => {
    const result = await forecast(steady, `mode=how-many&until=${dayText(5)}`);
    expect(result.sample).toEqual({
      weeks: 1,
      from: dayText(-7),
      to: dayText(-1),
      perDay: [2, 2, 2, 2, 2, 2, 2],
    });
    expect((await forecast(bursty, "mode=when&count=6")).sample.perDay).toEqual([0, 3, 0, 0, 0, 3, 0]);
  });

  it("answers exactly on a constant daily throughput of 2", async () => {
    const howMany = await forecast(steady, `mode=how-many&until=${dayText(5)}`);
    expect(howMany.status).toBe("forecast");
    expect(answers(howMany, "count")).toEqual([10, 10, 10]);
    expect(howMany.histogram).toEqual([{ value: 10, trials: 10_000 }]);
    const when = await forecast(steady, "mode=when&count=7");
    expect(answers(when, "days")).toEqual([4, 4, 4]);
    expect(when.answers.map((answer) => answer.date)).toEqual([dayText(4), dayText(4), dayText(4)]);
    expect(when.message).toContain(`done by ${dayText(4)} with 85% confidence`);
  });

  it("samples only the dashboard's lane or type when asked to", async () => {
    // Standard delivers 2 features a day; Expedite 1 defect a day.
    const mixed = await createBoard(lead, "Mixed");
    for (let day = -7; day <= -1; day++) {
      for (let n = 0; n < 2; n++) {
        await logDemand(ctx.db, mixed, laneNamed(mixed, "Standard").id, delivered(noon(day)));
      }
      const defect = await logDemand(ctx.db, mixed, laneNamed(mixed, "Expedite").id, delivered(noon(day)));
      await ctx.db.demand.update({ where: { id: defect }, data: { type: "defect" } });
    }
    await sampleWeeks(mixed, 1);
    const byDay5 = async (filter: string) => {
      const result = await forecast(mixed, `mode=how-many&until=${dayText(5)}${filter}`);
      return { perDay: result.sample.perDay, counts: answers(result, "count") };
    };
    expect(await byDay5("")).toEqual({ perDay: [3, 3, 3, 3, 3, 3, 3], counts: [15, 15, 15] });
    expect(await byDay5(`&lane=${laneNamed(mixed, "Standard").id}`)).toEqual({
      perDay: [2, 2, 2, 2, 2, 2, 2],
      counts: [10, 10, 10],
    });
    expect(await byDay5("&type=defect")).toEqual({ perDay: [1, 1, 1, 1, 1, 1, 1], counts: [5, 5, 5] });
    const none = await forecast(mixed, `mode=when&count=3&type=spike`);
    expect(none).toMatchObject({
      status: "no-history",
      message: expect.stringContaining("of this lane or type"),
    });
  });

  it("counts only the selected demands not yet done", async () => {
    const when = await forecast(steady, `mode=when&demandIds=${selection.join(",")}`);
    expect(when).toMatchObject({ selected: 3, remaining: 2 });
    expect(answers(when, "days")).toEqual([1, 1, 1]);
    const done = await forecast(steady, `mode=when&demandIds=${selection[0]}`);
    expect(done).toMatchObject({ status: "nothing-remaining", remaining: 0, answers: [] });
  });

  /**
   * On the bursty board a day delivers 3 with probability p = 2/7, else 0,
   * independently: K days with deliveries among d days is Binomial(d, p).
   * "How many in 4 days" is 3K with K ~ Binomial(4, p); "when are 6 done" is
   * the first d with K >= 2. The answers must match these exact
   * distributions within 4 standard deviations of a 10,000-trial estimate.
   */
  const p = 2 / 7;
  const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
  const binomial = (n: number, k: number) => choose(n, k) * p ** k * (1 - p) ** (n - k);
  const atLeast = (n: number, k: number) =>
    1 - Array.from({ length: k }, (_, j) => binomial(n, j)).reduce((a, b) => a + b, 0);
  const tolerance = (level: number) => 4 * Math.sqrt((level * (1 - level)) / 10_000);

  it("matches the exact binomial answer for how many in 4 days", async () => {
    const result = await forecast(bursty, `mode=how-many&until=${dayText(4)}`);
    // P(K >= 1) = 0.740, P(K >= 2) = 0.323: 3 at 50%, 0 at 85% and 95%.
    expect(answers(result, "count")).toEqual([3, 0, 0]);
    for (const bar of result.histogram) {
      const exact = bar.value % 3 === 0 ? binomial(4, bar.value / 3) : 0;
      expect(Math.abs(bar.trials / 10_000 - exact)).toBeLessThan(tolerance(exact) + 1e-3);
    }
  });

  it("matches the exact negative binomial answer for when 6 are done", async () => {
    const result = await forecast(bursty, "mode=when&count=6");
    for (const answer of result.answers) {
      const level = answer.confidence / 100;
      const days = answer.days ?? Number.NaN;
      expect(atLeast(days, 2)).toBeGreaterThanOrEqual(level - tolerance(level));
      expect(atLeast(days - 1, 2)).toBeLessThan(level + tolerance(level));
    }
    // P(done within 5) = 0.442, within 6 = 0.549; within 10 = 0.827, within 11 = 0.867.
    expect(answers(result, "days").slice(0, 2)).toEqual([6, 11]);
  });

  it("gives the same forecast for the same seed", async () => {
    const query = `mode=how-many&until=${dayText(20)}&seed=7&trials=2000`;
    const first = await forecast(bursty, query);
    expect(await forecast(bursty, query)).toEqual(first);
    expect((await forecast(bursty, query.replace("seed=7", "seed=8"))).histogram).not.toEqual(
      first.histogram,
    );
  });

  it("says there is no history instead of answering with nothing", async () => {
    const result = await forecast(idle, `mode=how-many&until=${dayText(10)}`);
    expect(result).toMatchObject({ status: "no-history", answers: [], histogram: [] });
    expect(result.message).toBe(
      "No demand was delivered in the last 12 weeks, so there is no throughput to forecast from.",
    );
  });

  it("refuses bad input with 400 naming the field", async () => {
    const refused = async (query: string, field: string) => {
      const response = await lead.request({
        method: "GET",
        url: `/api/boards/${steady.id}/forecast?${query}`,
      });
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json() as { code: string; details: { issues: { field: string }[] } };
      // Schema validation and the checks made after reading the board name fields alike.
      expect(body.details.issues.map((issue) => issue.field)).toContain(field);
    };
    await refused("mode=how-many", "querystring.until");
    await refused(`mode=how-many&until=${dayText(0)}`, "querystring.until");
    await refused(`mode=how-many&until=${dayText(-3)}`, "querystring.until");
    await refused("mode=how-many&until=tomorrow", "querystring.until");
    await refused(`mode=how-many&until=${dayText(367)}`, "querystring.until");
    expect((await forecast(steady, `mode=how-many&until=${dayText(366)}`)).answers[0]?.count).toBe(732);
    await refused("mode=when", "querystring.count");
    await refused("mode=when&count=-1", "querystring.count");
    await refused("mode=when&demandIds=nope", "querystring.demandIds");
    await refused(`mode=when&demandIds=${crypto.randomUUID()}`, "querystring.demandIds");
    await refused("mode=sometime", "querystring.mode");
  });

  it("is for board members only", async () => {
    const response = await stranger.request({
      method: "GET",
      url: `/api/boards/${steady.id}/forecast?mode=when&count=3`,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe("forecast settings", () => {
  const ctx = useTestApp();

  it("defaults to 12 weeks, lets admins change it with an audit event, and refuses others", async () => {
    const lead = await createClient(ctx.app, "lead");
    const board = await createBoard(lead, "Settings");
    const url = `/api/boards/${board.id}/forecast-settings`;
    expect((await lead.request({ method: "GET", url })).json()).toEqual({ settings: { forecastWeeks: 12 } });
    const tooMany = await lead.request({ method: "PATCH", url, payload: { forecastWeeks: 53 } });
    expect(tooMany.statusCode).toBe(400);
    const changed = await lead.request({ method: "PATCH", url, payload: { forecastWeeks: 8 } });
    expect(changed.json()).toMatchObject({ settings: { forecastWeeks: 8 } });
    const audit = await lead.request({ method: "GET", url: `/api/boards/${board.id}/audit` });
    expect(audit.json().events[0]).toMatchObject({
      action: "forecast_settings.updated",
      before: { forecastWeeks: 12 },
      after: { forecastWeeks: 8 },
    });
    const viewer = await createClient(ctx.app, "viewer");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: viewer.userId, role: "viewer" } });
    const refused = await viewer.request({ method: "PATCH", url, payload: { forecastWeeks: 4 } });
    expect(refused.statusCode).toBe(403);
    expect((await viewer.request({ method: "GET", url })).json()).toEqual({ settings: { forecastWeeks: 8 } });
  });
});
