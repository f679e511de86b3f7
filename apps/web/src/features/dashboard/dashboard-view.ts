import { type TDemandType, type TMetricsQuery, ZDemandType, ZId } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { translate } from "../../i18n/intl";
import { formatDay } from "../../ui/format";

/** Rolling windows offered as one click; any whole number of days works in the URL. */
export const WINDOW_PRESETS = [30, 90] as const;
const DEFAULT_DAYS = 30;
/** The API refuses windows longer than this. */
const MAX_DAYS = 3 * 366;

/**
 * What the dashboard shows, as the URL says it, so a link reproduces the view:
 * `?days=90` (the last 90 days up to now, moving with time: the wall-screen
 * default), or `?from=2026-05-01&to=2026-05-31` (whole UTC days, `to`
 * included; without `to` the window runs up to now), plus `lane=<id>` and
 * `type=feature|defect|chore|spike`.
 */
export interface DashboardView {
  window: { kind: "rolling"; days: number } | { kind: "dates"; from: string; to: string | null };
  lane: string | null;
  type: TDemandType | null;
}

export function readDashboardView(params: URLSearchParams): DashboardView {
  const from = isoDate(params.get("from"));
  const days = Number(params.get("days"));
  const lane = ZId.safeParse(params.get("lane"));
  const type = ZDemandType.safeParse(params.get("type"));
  return {
    window: from
      ? { kind: "dates", from, to: isoDate(params.get("to")) }
      : {
          kind: "rolling",
          days: Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : DEFAULT_DAYS,
        },
    lane: lane.success ? lane.data : null,
    type: type.success ? type.data : null,
  };
}

export function writeDashboardView(view: DashboardView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.window.kind === "rolling") params.set("days", String(view.window.days));
  else {
    params.set("from", view.window.from);
    if (view.window.to) params.set("to", view.window.to);
  }
  if (view.lane) params.set("lane", view.lane);
  if (view.type) params.set("type", view.type);
  return params;
}

/** A stable identity for a view: two equal views fetch the same numbers. */
export function dashboardViewKey(view: DashboardView): string {
  return writeDashboardView(view).toString();
}

/** The view of an address without a query: the last 30 days up to now, every lane and type. */
export function isDefaultDashboardView(view: DashboardView): boolean {
  return dashboardViewKey(view) === dashboardViewKey(readDashboardView(new URLSearchParams()));
}

/**
 * The metrics request for a view, resolved at the moment of fetching. A
 * rolling window sends only `from` and lets the server end it at its own
 * "now": a `to` from a browser clock running behind the server's would leave
 * a card delivered a moment ago outside the window.
 */
export function metricsQuery(view: DashboardView, now: Date): TMetricsQuery {
  const query: TMetricsQuery = {};
  if (view.window.kind === "rolling") {
    query.from = new Date(now.getTime() - view.window.days * DAY).toISOString();
  } else {
    query.from = `${view.window.from}T00:00:00.000Z`;
    if (view.window.to) query.to = new Date(Date.parse(view.window.to) + DAY).toISOString();
  }
  if (view.lane) query.lane = view.lane;
  if (view.type) query.type = view.type;
  return query;
}

/** Why the window cannot be shown, in words, or null when it can. */
export function windowProblem(view: DashboardView, now: Date): string | null {
  if (view.window.kind === "rolling") return null;
  const from = Date.parse(view.window.from);
  const to = view.window.to ? Date.parse(view.window.to) + DAY : now.getTime();
  if (from >= to) return translate("dashboard.window.backwards");
  if (to - from > MAX_DAYS * DAY) return translate("dashboard.window.tooLong", { days: MAX_DAYS });
  return null;
}

/** "Last 30 days", or "May 1, 2026 – May 31, 2026 (UTC)", in the interface language. */
export function describeWindow(view: DashboardView): string {
  if (view.window.kind === "rolling")
    return translate("dashboard.window.rolling", { days: view.window.days });
  const from = formatDay(view.window.from);
  if (!view.window.to) return translate("dashboard.window.datesToNow", { from });
  return translate("dashboard.window.dates", { from, to: formatDay(view.window.to) });
}

/** `YYYY-MM-DD` of a real calendar day, else null. */
function isoDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) ? value : null;
}
