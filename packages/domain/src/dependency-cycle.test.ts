import { describe, expect, it } from "vitest";
import { dependencyCycle } from "./dependency-cycle";

const edge = (demandId: string, dependsOnId: string) => ({ demandId, dependsOnId });

describe("dependencyCycle", () => {
  it("finds A->B->C->A when C would wait on A", () => {
    expect(dependencyCycle([edge("A", "B"), edge("B", "C")], "C", "A")).toEqual(["C", "A", "B", "C"]);
  });

  it("refuses a demand waiting on itself", () => {
    expect(dependencyCycle([], "A", "A")).toEqual(["A", "A"]);
  });

  it("refuses the direct reverse of an existing dependency", () => {
    expect(dependencyCycle([edge("A", "B")], "B", "A")).toEqual(["B", "A", "B"]);
  });

  it("allows chains and diamonds that do not loop back", () => {
    const edges = [edge("A", "B"), edge("A", "C"), edge("B", "D"), edge("C", "D")];
    expect(dependencyCycle(edges, "A", "D")).toBeNull();
    expect(dependencyCycle(edges, "D", "E")).toBeNull();
    expect(dependencyCycle(edges, "E", "A")).toBeNull();
  });

  it("names a shortest cycle when there are several", () => {
    const edges = [edge("A", "B"), edge("B", "C"), edge("C", "D"), edge("A", "D")];
    expect(dependencyCycle(edges, "D", "A")).toEqual(["D", "A", "D"]);
  });

  it("ends on graphs that already loop elsewhere", () => {
    const edges = [edge("X", "Y"), edge("Y", "X"), edge("A", "X")];
    expect(dependencyCycle(edges, "B", "A")).toBeNull();
  });
});
