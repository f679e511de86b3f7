import { describe, expect, it } from "vitest";
import { cardElements, cellListElement, forgetUnmountedElements } from "./drag-elements";

// Stand-ins for DOM elements: the registry only keeps and compares them.
const shownSlot = {} as HTMLLIElement;
const shownList = {} as HTMLUListElement;

describe("forgetUnmountedElements", () => {
  it("drops the cards and cells no longer on the page and keeps the ones shown", () => {
    const shown = cardElements("shown");
    shown.slot.ref(shownSlot);
    const gone = cardElements("gone");
    gone.slot.ref({} as HTMLLIElement);
    gone.slot.ref(null);
    const shownCell = cellListElement("cell-shown");
    shownCell.ref(shownList);
    const goneCell = cellListElement("cell-gone");

    forgetUnmountedElements();

    expect(cardElements("shown")).toBe(shown);
    expect(cardElements("gone")).not.toBe(gone);
    expect(cellListElement("cell-shown")).toBe(shownCell);
    expect(cellListElement("cell-gone")).not.toBe(goneCell);
  });

  it("keeps a card whose binding is still wired to it", () => {
    const wired = cardElements("wired");
    wired.handle.sync = () => {};
    forgetUnmountedElements();
    expect(cardElements("wired")).toBe(wired);
  });
});
