import { describe, expect, it } from "vitest";
import { mentionedMembers } from "./mentions";

const ann = { userId: "ann", name: "Ann Lee" };
const shortAnn = { userId: "a", name: "Ann" };
const bo = { userId: "bo", name: "Bo" };
const members = [ann, shortAnn, bo];

describe("mentionedMembers", () => {
  it("finds full names after @, ignoring case, each member once", () => {
    expect(mentionedMembers("@ann lee and @Bo: look, @BO again", members, null)).toEqual([ann, bo]);
  });
  it("does not take the start of a longer name for a shorter one", () => {
    expect(mentionedMembers("ping @Ann Lee", members, null)).toEqual([ann]);
    expect(mentionedMembers("ping @Ann, please", members, null)).toEqual([shortAnn]);
  });
  it("needs the name to end where the word ends", () => {
    expect(mentionedMembers("@Bob and @Ann Leeds", members, null)).toEqual([shortAnn]);
  });
  it("ignores names without @ and never lists the author", () => {
    expect(mentionedMembers("Bo said hi to @Ann Lee", members, "ann")).toEqual([]);
  });
});
