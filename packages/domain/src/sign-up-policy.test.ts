import { describe, expect, it } from "vitest";
import { signUpAllowed } from "./sign-up-policy";

describe("signUpAllowed", () => {
  it("lets anyone in when open, only the invited with invite, nobody when closed", () => {
    const stranger = { invited: false, firstAccount: false };
    const invited = { invited: true, firstAccount: false };
    expect([signUpAllowed("open", stranger), signUpAllowed("open", invited)]).toEqual([true, true]);
    expect([signUpAllowed("invite", stranger), signUpAllowed("invite", invited)]).toEqual([false, true]);
    expect([signUpAllowed("closed", stranger), signUpAllowed("closed", invited)]).toEqual([false, false]);
  });

  it("always lets the first account in: it becomes the instance admin", () => {
    for (const policy of ["open", "invite", "closed"] as const) {
      expect(signUpAllowed(policy, { invited: false, firstAccount: true })).toBe(true);
    }
  });
});
