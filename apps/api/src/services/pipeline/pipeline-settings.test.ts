import { describe, expect, it } from "vitest";
import { readPipelineSettings } from "./pipeline-settings";

describe("readPipelineSettings", () => {
  it("defaults each missing or unreadable field, keeping the readable ones", () => {
    expect(readPipelineSettings(null)).toEqual({
      releaseMovesToDone: false,
      productionEnvironments: ["production"],
    });
    expect(
      readPipelineSettings({ timeBasis: "calendar", releaseMovesToDone: true, productionEnvironments: [] }),
    ).toEqual({ releaseMovesToDone: true, productionEnvironments: ["production"] });
  });
});
