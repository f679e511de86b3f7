import type { TQuarterMetric, TTwoOneOneQuarter } from "@tideway/contracts";
import { SECONDS_PER_DAY } from "@tideway/domain";
import { describe, expect, it } from "vitest";
import { quarterlyReportTable } from "./quarterly-report-table";

const metric = (
  p85: number | null,
  attainment: number | null,
  count: number,
  target: number,
): TQuarterMetric => ({
  count,
  p50: p85,
  p85,
  p95: p85,
  attainment,
  target,
  goalMet: attainment === null ? null : attainment >= 0.85,
});

const quarter = (label: string, partial: boolean, deliveryDays: number | null): TTwoOneOneQuarter => ({
  label,
  start: "2026-07-01T00:00:00.000Z",
  end: "2026-10-01T00:00:00.000Z",
  partial,
  delivery: metric(
    deliveryDays === null ? null : deliveryDays * SECONDS_PER_DAY,
    deliveryDays === null ? null : 0.9,
    deliveryDays === null ? 0 : 12,
    14 * SECONDS_PER_DAY,
  ),
  development: metric(3.5 * SECONDS_PER_DAY, 0.8, 12, 7 * SECONDS_PER_DAY),
  release: metric(2_700, 0.875, 12, 3_600),
});

describe("quarterlyReportTable", () => {
  it("writes the board's quarters, then each lane's, in days and minutes with attainment in percent", () => {
    const table = quarterlyReportTable({
      board: { id: "b", name: "Payments", key: "PAY" },
      generatedAt: "2026-11-29T07:00:00.000Z",
      timeBasis: "calendar",
      quarters: [quarter("2026-Q3", false, 9.5), quarter("2026-Q4", true, null)],
      lanes: [
        {
          laneId: "l",
          name: "Expedite",
          quarters: [quarter("2026-Q3", false, 2), quarter("2026-Q4", true, null)],
        },
      ],
    });
    expect(table.columns.slice(0, 7)).toEqual([
      "Scope",
      "Quarter",
      "Partial",
      "Delivery count",
      "Delivery p85 (days)",
      "Delivery attainment (%)",
      "Delivery goal met",
    ]);
    expect(table.columns).toContain("Release p85 (minutes)");
    expect(table.rows.map((row) => row.slice(0, 7))).toEqual([
      ["Whole board", "2026-Q3", "no", 12, 9.5, 90, "yes"],
      ["Whole board", "2026-Q4", "yes", 0, null, null, null],
      ["Lane: Expedite", "2026-Q3", "no", 12, 2, 90, "yes"],
      ["Lane: Expedite", "2026-Q4", "yes", 0, null, null, null],
    ]);
    // Development 3.5 days at 80%: missed; release 45 minutes at 87.5%: met.
    expect(table.rows[0]?.slice(7)).toEqual([12, 3.5, 80, "no", 12, 45, 87.5, "yes"]);
  });
});
