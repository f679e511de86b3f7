import { describe, expect, it } from "vitest";
import { EDGE_ZONE_PX, stepFor } from "./drag-auto-scroll";

describe("stepFor", () => {
  const edges = { start: 100, end: 900 };

  it("scrolls nothing while the pointer is over the area away from its edges", () => {
    expect(stepFor(100 + EDGE_ZONE_PX, edges)).toBe(0);
    expect(stepFor(500, edges)).toBe(0);
    expect(stepFor(900 - EDGE_ZONE_PX, edges)).toBe(0);
  });

  it("scrolls towards the edge the pointer is at, faster the closer it gets", () => {
    const nearTop = stepFor(100 + EDGE_ZONE_PX / 2, edges);
    expect(nearTop).toBeLessThan(0);
    expect(stepFor(100, edges)).toBeLessThan(nearTop);
    expect(stepFor(900, edges)).toBeGreaterThan(stepFor(900 - EDGE_ZONE_PX / 2, edges));
  });

  it("scrolls at full speed past the edge (over a sticky header), no faster", () => {
    expect(stepFor(20, edges)).toBe(stepFor(100, edges));
  });

  it("leaves an area too small for two zones alone", () => {
    expect(stepFor(101, { start: 100, end: 100 + 3 * EDGE_ZONE_PX })).toBe(0);
  });
});
