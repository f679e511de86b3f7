import { describe, expect, it } from "vitest";
import { metricsQuery, readDashboardView, windowProblem, writeDashboardView } from "./dashboard-view";

const LANE = "6f1c2d3e-4a5b-4c6d-8e7f-a0b1c2d3e4f5";
const NOW = new Date("2026-11-29T12:00:00.000Z");

describe("the dashboard's view in the URL", () => {
  it("defaults to the last 30 days, unfiltered", () => {
    expect(readDashboardView(new URLSearchParams())).toEqual({
      window: { kind: "rolling", days: 30 },
      lane: null,
      type: null,
    });
  });

  it("round-trips a rolling window with filters", () => {
    const params = new URLSearchParams(`days=90&lane=${LANE}&type=defect`);
    expect(writeDashboardView(readDashboardView(params)).toString()).toBe(params.toString());
  });

  it("ignores what it cannot read instead of failing", () => {
    expect(readDashboardView(new URLSearchParams("days=abc&lane=x&type=epic&from=2026-02-31"))).toEqual({
      window: { kind: "rolling", days: 30 },
      lane: null,
      type: null,
    });
  });

  it("sends a rolling window as `from` only, so the server's clock ends it", () => {
    expect(metricsQuery(readDashboardView(new URLSearchParams("days=30")), NOW)).toEqual({
      from: "2026-10-30T12:00:00.000Z",
    });
  });

  it("sends dates as whole UTC days with `to` included", () => {
    const view = readDashboardView(
      new URLSearchParams(`from=2026-11-01&to=2026-11-07&type=chore&lane=${LANE}`),
    );
    expect(metricsQuery(view, NOW)).toEqual({
      from: "2026-11-01T00:00:00.000Z",
      to: "2026-11-08T00:00:00.000Z",
      lane: LANE,
      type: "chore",
    });
  });

  it("explains a window the API would refuse", () => {
    expect(
      windowProblem(readDashboardView(new URLSearchParams("from=2026-11-08&to=2026-11-01")), NOW),
    ).toMatch(/before/);
    expect(windowProblem(readDashboardView(new URLSearchParams("from=2020-01-01")), NOW)).toMatch(/at most/);
    expect(windowProblem(readDashboardView(new URLSearchParams("from=2026-11-01")), NOW)).toBeNull();
  });
});
