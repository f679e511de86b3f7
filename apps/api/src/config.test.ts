import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("DEMO_NOW", () => {
  it("is unset by default: the demo history ends when it is seeded", () => {
    expect(loadConfig({}).demoNow).toBeUndefined();
    expect(loadConfig({ DEMO_NOW: "" }).demoNow).toBeUndefined();
  });

  it("pins the instant the demo history ends at, in any zone", () => {
    expect(loadConfig({ DEMO_NOW: "2026-03-04T08:20:00Z" }).demoNow?.toISOString()).toBe(
      "2026-03-04T08:20:00.000Z",
    );
    expect(loadConfig({ DEMO_NOW: "2026-03-04T09:20+01:00" }).demoNow?.toISOString()).toBe(
      "2026-03-04T08:20:00.000Z",
    );
  });

  it.each([
    ["no zone, so it would differ between machines", "2026-03-04T08:20:00"],
    ["a date alone", "2026-03-04"],
    ["not a date", "yesterday"],
    ["an impossible date", "2026-02-30T08:20:00Z"],
  ])("refuses %s", (_why, value) => {
    expect(() => loadConfig({ DEMO_NOW: value })).toThrow(/DEMO_NOW must be an ISO 8601 instant with a zone/);
  });

  it("refuses an instant in the future, which would give the demo negative ages", () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(() => loadConfig({ DEMO_NOW: tomorrow })).toThrow(/DEMO_NOW must not be in the future/);
  });
});
