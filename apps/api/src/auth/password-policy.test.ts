import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("the password policy", () => {
  const ada = { email: "ada.lovelace@example.test", name: "Ada Lovelace" };

  it("refuses fewer than 12 characters and only spaces", async () => {
    expect(await passwordProblem("eleven char", ada)).toBe("must be at least 12 characters");
    expect(await passwordProblem(" ".repeat(14), ada)).toBe("must not be only spaces");
  });

  it("refuses common passwords, keyboard walks, digits and the person's own name or email", async () => {
    for (const guessable of [
      "password1234",
      "Password123!",
      "qwertyuiopasdf",
      "123456789012",
      "adalovelace1",
      "ada.lovelace@example.test",
    ]) {
      expect(await passwordProblem(guessable, ada), guessable).toMatch(/^is too easy to guess/);
    }
  });

  it("accepts a few unrelated words and a random string", async () => {
    for (const fine of ["lantern orbit velvet", "correct horse battery", "k9#Vq2!mZ7pL"]) {
      expect(await passwordProblem(fine, ada), fine).toBeNull();
    }
  });
});
