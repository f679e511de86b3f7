import type { TDemand } from "@tideway/contracts";
import { ranksAfter } from "@tideway/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellIdOf,
  cellsFromDemands,
  moveToCell,
  neighboursAt,
  parseCellId,
  placeAt,
  placeByRank,
  withoutDemand,
} from "./cell-order";

const demand = (id: string, stageId: string, laneId: string, rank: string): TDemand =>
  ({ id, stageId, laneId, rank }) as TDemand;

describe("cell order", () => {
  const [r1, r2, r3] = ranksAfter(null, 3) as [string, string, string];
  const a = demand("a", "s1", "l1", r1);
  const b = demand("b", "s1", "l1", r2);
  const c = demand("c", "s1", "l1", r3);
  const byId = { a, b, c };

  it("moves a dragged demand out of its cell into another at the given position", () => {
    const from = cellIdOf("s1", "l1");
    const to = cellIdOf("s2", "l1");
    const cells = { [from]: ["a", "b"], [to]: ["c", "d"] };
    expect(moveToCell(cells, "b", from, to, 1)).toEqual({ [from]: ["a"], [to]: ["c", "b", "d"] });
    expect(moveToCell(cells, "a", from, to, 2)).toEqual({ [from]: ["b"], [to]: ["c", "d", "a"] });
    expect(cells).toEqual({ [from]: ["a", "b"], [to]: ["c", "d"] });
  });

  it("lists every stage x lane cell, each in rank order", () => {
    const cells = cellsFromDemands([c, a, b], ["s1", "s2"], ["l1"]);
    expect(cells).toEqual({ [cellIdOf("s1", "l1")]: ["a", "b", "c"], [cellIdOf("s2", "l1")]: [] });
    expect(parseCellId(cellIdOf("s2", "l1"))).toEqual({ stageId: "s2", laneId: "l1" });
  });

  it("places a dropped card before its new neighbour with a rank between the neighbours", () => {
    const cells = cellsFromDemands([a, b, c], ["s1"], ["l1"]);
    const placed = placeAt(cells, byId, c, { stageId: "s1", laneId: "l1", beforeId: "b" });
    expect(placed.cells[cellIdOf("s1", "l1")]).toEqual(["a", "c", "b"]);
    expect(placed.demand.rank > r1 && placed.demand.rank < r2).toBe(true);
    expect(neighboursAt(placed.cells[cellIdOf("s1", "l1")] ?? [], "c")).toEqual({ beforeId: "b" });
  });

  it("re-renders only the cells a change touches", () => {
    const cells = cellsFromDemands([a, b, c], ["s1", "s2"], ["l1"]);
    const moved = demand("b", "s2", "l1", r2);
    const next = placeByRank(cells, { ...byId, b: moved }, b, moved);
    expect(next[cellIdOf("s2", "l1")]).toEqual(["b"]);
    expect(withoutDemand(next, "zzz")[cellIdOf("s1", "l1")]).toBe(next[cellIdOf("s1", "l1")]);
  });

  it("keeps every cell sorted by rank whatever sequence of server updates arrives (property)", () => {
    const ranks = ranksAfter(null, 20);
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom("a", "b", "c", "d"), cell: fc.nat(2), rank: fc.nat(19) }), {
          maxLength: 30,
        }),
        (updates) => {
          let demands: Record<string, TDemand> = {};
          let cells = cellsFromDemands([], ["s0", "s1", "s2"], ["l"]);
          for (const update of updates) {
            const next = demand(update.id, `s${update.cell}`, "l", ranks[update.rank] as string);
            const previous = demands[update.id];
            demands = { ...demands, [update.id]: next };
            cells = placeByRank(cells, demands, previous, next);
          }
          const listed = Object.values(cells).flat();
          expect(listed.sort()).toEqual(Object.keys(demands).sort());
          for (const ids of Object.values(cells)) {
            const keys = ids.map((id) => demands[id]?.rank ?? "");
            expect(keys).toEqual([...keys].sort());
          }
        },
      ),
    );
  });
});
