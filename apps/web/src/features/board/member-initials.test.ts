import { describe, expect, it } from "vitest";
import { memberInitials } from "./member-initials";

describe("memberInitials", () => {
  it("takes the first letters of the first and last names", () => {
    expect(memberInitials("Ada Byron Lovelace")).toBe("AL");
  });
  it("takes two letters of a single name and copes with spacing", () => {
    expect(memberInitials("  ada ")).toBe("AD");
  });
  it("keeps letters outside ASCII whole", () => {
    expect(memberInitials("Émile Zola")).toBe("ÉZ");
  });
  it("shows a question mark for a blank name", () => {
    expect(memberInitials(" ")).toBe("?");
  });
});
