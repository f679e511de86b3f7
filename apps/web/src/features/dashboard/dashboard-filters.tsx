import { type TLane, ZDemandType } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { useT } from "../../i18n/use-t";
import { type DashboardView, WINDOW_PRESETS } from "./dashboard-view";
import { isoDay } from "./format-date";

/** A change to the view, applied to the URL as it is when the change happens. */
export type ViewChange = (view: DashboardView) => DashboardView;

interface DashboardFiltersProps {
  view: DashboardView;
  lanes: readonly TLane[];
  onChange: (change: ViewChange) => void;
}

/** The window (a rolling preset or two UTC dates) and the lane and type filters; the page keeps them in the URL. */
export function DashboardFilters({ view, lanes, onChange }: DashboardFiltersProps) {
  const { window } = view;
  const t = useT();

  return (
    <form
      className="dashboard-filters"
      aria-label={t("dashboard.filters.label")}
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="window-presets">
        <legend>{t("dashboard.filters.window")}</legend>
        {WINDOW_PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={window.kind === "rolling" && window.days === days}
            onClick={() => onChange((current) => ({ ...current, window: { kind: "rolling", days } }))}
          >
            {t("dashboard.window.rolling", { days })}
          </button>
        ))}
      </fieldset>
      <label>
        {t("dashboard.filters.from")}
        <input
          type="date"
          name="from"
          value={window.kind === "dates" ? window.from : ""}
          onChange={(event) => {
            const from = event.currentTarget.value;
            onChange((current) => ({
              ...current,
              window: from ? { kind: "dates", from, to: datesOf(current).to } : { kind: "rolling", days: 30 },
            }));
          }}
        />
      </label>
      <label>
        {t("dashboard.filters.to")}
        <input
          type="date"
          name="to"
          value={window.kind === "dates" ? (window.to ?? "") : ""}
          onChange={(event) => {
            const to = event.currentTarget.value || null;
            onChange((current) => ({
              ...current,
              window: { kind: "dates", from: datesOf(current).from, to },
            }));
          }}
        />
      </label>
      <label>
        {t("dashboard.filters.lane")}
        <select
          name="lane"
          // The lanes arrive after the page: a fresh select picks the URL's lane once its option exists.
          key={lanes.map((lane) => lane.id).join()}
          value={view.lane ?? ""}
          onChange={(event) => {
            const lane = event.currentTarget.value || null;
            onChange((current) => ({ ...current, lane }));
          }}
        >
          <option value="">{t("dashboard.filters.allLanes")}</option>
          {lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {lane.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("dashboard.filters.type")}
        <select
          name="type"
          value={view.type ?? ""}
          onChange={(event) => {
            const type = ZDemandType.safeParse(event.currentTarget.value);
            onChange((current) => ({ ...current, type: type.success ? type.data : null }));
          }}
        >
          <option value="">{t("dashboard.filters.allTypes")}</option>
          {ZDemandType.options.map((type) => (
            <option key={type} value={type}>
              {t("dashboard.filters.typeOption", { type })}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

/** The window as two dates: a rolling window becomes its first day, up to now. */
function datesOf(view: DashboardView): { from: string; to: string | null } {
  return view.window.kind === "dates"
    ? view.window
    : { from: isoDay(Date.now() - view.window.days * DAY), to: null };
}
