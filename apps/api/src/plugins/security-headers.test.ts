import { describe, expect, it } from "vitest";
import { securityHeadersFor, tidewayHelmetOptions } from "./security-headers";

describe("security headers", () => {
  it("adds HSTS and upgrade-insecure-requests in production only", () => {
    const production = new Map(securityHeadersFor(tidewayHelmetOptions({ production: true })));
    expect(production.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(production.get("Content-Security-Policy")).toContain(";upgrade-insecure-requests;");
    const development = new Map(securityHeadersFor(tidewayHelmetOptions({ production: false })));
    expect(development.has("Strict-Transport-Security")).toBe(false);
    expect(development.get("Content-Security-Policy")).not.toContain("upgrade-insecure-requests");
    // Helmet removes X-Powered-By; the plugin does the same on each response.
    expect(development.get("X-Powered-By")).toBeNull();
  });
});
