import { describe, expect, it } from "vitest";
import { demandNumber, findDemandKeys, parseDemandKey } from "./demand-keys";

describe("findDemandKeys", () => {
  it("finds keys case-insensitively in messages, branch names and titles, each once, canonical", () => {
    expect(
      findDemandKeys("PAY", [
        "pay-42: fix rounding (see PAY-7)",
        "feature/PAY-42-login",
        "bugfix/pay-9_refunds",
        "[PAY-013] Title",
        null,
        undefined,
      ]),
    ).toEqual(["PAY-42", "PAY-7", "PAY-9", "PAY-13"]);
  });

  it("matches whole words only", () => {
    expect(findDemandKeys("PAY", ["XPAY-1", "PAY-1a", "PAY1", "PAY-", "PAY-0", "2PAY-3"])).toEqual([]);
    expect(findDemandKeys("PAY", ["PAY-421"])).toEqual(["PAY-421"]);
  });

  it("takes the board key literally and ignores other boards' keys", () => {
    expect(findDemandKeys("P1", ["P1-5 and OPS-4 and P12-3"])).toEqual(["P1-5"]);
  });

  it("reads the number of a canonical key", () => {
    expect(demandNumber("PAY-42")).toBe(42);
  });
});

describe("parseDemandKey", () => {
  it("reads what a person types, in any case and with spaces or leading zeros", () => {
    expect(parseDemandKey(" ops-012 ")).toEqual({ boardKey: "OPS", number: 12 });
    expect(parseDemandKey("PAY-3")).toEqual({ boardKey: "PAY", number: 3 });
  });

  it("answers null for what is not a key", () => {
    for (const typed of ["OPS12", "O-1", "OPS-0", "1PS-2", "OPS-", "Refund API"]) {
      expect(parseDemandKey(typed)).toBeNull();
    }
  });
});
