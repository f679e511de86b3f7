import { describe, expect, it } from "vitest";
import { canBeParent, parentRefusal, typeChangeRefusal } from "./demand-parent";

describe("demand parents", () => {
  it("lets any demand but a defect hold children", () => {
    expect(["feature", "chore", "spike"].map((type) => canBeParent({ type }))).toEqual([true, true, true]);
    expect(canBeParent({ type: "defect" })).toBe(false);
  });

  it("refuses a defect or the demand itself as the parent, with a sentence naming the rule", () => {
    expect(parentRefusal("d1", { id: "d2", type: "feature" })).toBeNull();
    expect(parentRefusal(null, { id: "d2", type: "feature" })).toBeNull();
    expect(parentRefusal("d1", { id: "d2", type: "defect" })).toBe(
      "a defect cannot be a parent: name the demand the defect was found in",
    );
    expect(parentRefusal(null, { id: "d2", type: "defect" })).toMatch(/^a defect cannot be a parent/);
    expect(parentRefusal("d1", { id: "d1", type: "feature" })).toBe("a demand cannot be its own parent");
  });

  it("keeps a demand with children from becoming a defect", () => {
    expect(typeChangeRefusal("defect", 0)).toBeNull();
    expect(typeChangeRefusal("chore", 3)).toBeNull();
    expect(typeChangeRefusal("defect", 1)).toBe(
      "a demand with 1 demand linked to it cannot become a defect (a defect cannot be a parent)",
    );
    expect(typeChangeRefusal("defect", 2)).toMatch(/^a demand with 2 demands linked/);
  });
});
