import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacSignatureValid, tokenValid } from "./webhook-signature";

const body = Buffer.from('{"kind":"commit"}');
const sign = (secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

describe("hmacSignatureValid", () => {
  it("accepts the HMAC-SHA256 of the exact body under any accepted secret", () => {
    expect(hmacSignatureValid(body, sign("new"), ["old", "new"])).toBe(true);
    expect(hmacSignatureValid(body, sign("new").toUpperCase().replace("SHA256", "sha256"), ["new"])).toBe(
      true,
    );
  });

  it("refuses other secrets, other bodies, malformed or missing headers, and boards without secrets", () => {
    expect(hmacSignatureValid(body, sign("other"), ["new"])).toBe(false);
    expect(hmacSignatureValid(Buffer.from(`${body} `), sign("new"), ["new"])).toBe(false);
    expect(hmacSignatureValid(body, sign("new").slice(0, -2), ["new"])).toBe(false);
    expect(hmacSignatureValid(body, sign("new").replace("sha256=", "sha1="), ["new"])).toBe(false);
    expect(hmacSignatureValid(body, undefined, ["new"])).toBe(false);
    expect(hmacSignatureValid(body, sign("new"), [])).toBe(false);
  });
});

describe("tokenValid", () => {
  it("accepts exactly an accepted secret", () => {
    expect(tokenValid("s3cret", ["other", "s3cret"])).toBe(true);
    expect(tokenValid("s3cret ", ["s3cret"])).toBe(false);
    expect(tokenValid("", [""])).toBe(false);
    expect(tokenValid(undefined, ["s3cret"])).toBe(false);
  });
});
