import type { INSIGHT_DEFINITIONS, METRIC_DEFINITIONS } from "@tideway/contracts";
import { translate } from "../../i18n/intl";
import type { MessageId } from "../../i18n/messages";

/**
 * The definitions under the dashboard's "?" buttons, in the interface
 * language. The English catalogue holds the contract's own words
 * (METRIC_DEFINITIONS, INSIGHT_DEFINITIONS: what the API documents), and a
 * test keeps the two equal.
 */
export const DEFINITION_IDS: Record<
  keyof typeof METRIC_DEFINITIONS | Exclude<keyof typeof INSIGHT_DEFINITIONS, "sleAlerts">,
  MessageId
> = {
  delivery: "dashboard.definition.delivery",
  development: "dashboard.definition.development",
  release: "dashboard.definition.release",
  percentiles: "dashboard.definition.percentiles",
  cfd: "dashboard.definition.cfd",
  aging: "dashboard.definition.aging",
  throughput: "dashboard.definition.throughput",
  timeInStage: "dashboard.definition.timeInStage",
  flowEfficiency: "dashboard.definition.flowEfficiency",
  stuckFlow: "dashboard.definition.stuckFlow",
  wipAdvice: "dashboard.definition.wipAdvice",
};

export type DefinedMetric = keyof typeof DEFINITION_IDS;

/** The definitions of some metrics, one paragraph each, in the interface language. */
export function definitionsOf(...metrics: DefinedMetric[]): string[] {
  return metrics.map((metric) => translate(DEFINITION_IDS[metric]));
}
