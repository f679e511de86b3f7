import { describe, expect, it } from "vitest";
import { dependencyCycle, dependencyCycleAmong } from "./dependency-cycle";

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

describe("dependencyCycleAmong", () => {
  it("finds no cycle in chains and diamonds", () => {
    const edges = [edge("A", "B"), edge("A", "C"), edge("B", "D"), edge("C", "D")];
    expect(dependencyCycleAmong(edges)).toBeNull();
    expect(dependencyCycleAmong([])).toBeNull();
  });

  it("names the demands of a cycle, the first one again at the end", () => {
    const cycle = dependencyCycleAmong([edge("A", "B"), edge("B", "C"), edge("C", "A"), edge("D", "A")]);
    expect(cycle).toEqual(["A", "B", "C", "A"]);
  });

  it("finds a demand waiting on itself", () => {
    expect(dependencyCycleAmong([edge("A", "B"), edge("B", "B")])).toEqual(["B", "B"]);
  });

  it("walks a long chain without recursion", () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => edge(`d${index}`, `d${index + 1}`));
    expect(dependencyCycleAmong(chain)).toBeNull();
    expect(dependencyCycleAmong([...chain, edge("d20000", "d0")])).toHaveLength(20_002);
  });
});
