import { days } from "@tideway/domain";
import { translate } from "../../i18n/intl";
import { formatDuration, formatNumber } from "../../ui/format";

/**
 * A chart axis in days (the charts plot `inDays` values): its ticks read
 * "3 d" / "3 天" in the interface language.
 */
export function daysAxis() {
  return {
    tickFormatter: (value: number) => translate("dashboard.axis.days", { days: formatNumber(value) }),
  };
}

/** A tooltip line for a value in days, as a duration people read ("5.3 hours", "6.9 days" / "6.9天"). */
export function daysTooltip(value: unknown, name: unknown): [string, string] {
  return [formatDuration(days(Number(value))), String(name)];
}
