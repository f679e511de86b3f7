import { INSIGHT_DEFINITIONS, METRIC_DEFINITIONS } from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import en from "../../i18n/en.json";
import { DEFINITION_IDS } from "./definitions";

describe("the dashboard's definitions", () => {
  it("are in English the contract's own words, so the API documentation and the dashboard agree", () => {
    const contract: Record<string, string> = { ...METRIC_DEFINITIONS, ...INSIGHT_DEFINITIONS };
    for (const [metric, id] of Object.entries(DEFINITION_IDS)) {
      expect(en[id], metric).toBe(contract[metric]);
    }
  });
});
