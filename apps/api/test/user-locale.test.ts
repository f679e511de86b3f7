import type { TUser } from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import { createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

/** The interface language kept on the account (issue #22): the web app reads it from /api/auth/me. */
describe("a person's interface language", () => {
  const ctx = useTestApp();

  it("is null until chosen, then follows the account to every session", async () => {
    const client = await createClient(ctx.app, "polyglot");
    const me = async (cookie = client.cookie) =>
      (
        (await ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } })).json() as {
          user: TUser;
        }
      ).user;
    expect((await me()).locale).toBeNull();

    const chosen = await client.request({
      method: "PATCH",
      url: "/api/auth/me",
      payload: { locale: "zh-CN" },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect((chosen.json() as { user: TUser }).user).toMatchObject({ id: client.userId, locale: "zh-CN" });
    expect((await me()).locale).toBe("zh-CN");

    await client.request({ method: "PATCH", url: "/api/auth/me", payload: { locale: "en" } });
    expect((await me()).locale).toBe("en");
  });

  it("refuses a language the app does not ship with a 400 naming the field, and anonymous callers with 401", async () => {
    const client = await createClient(ctx.app, "klingon");
    const choose = (locale: string, headers: Record<string, string> = {}) =>
      client.request({ method: "PATCH", url: "/api/auth/me", payload: { locale }, headers });
    const refused = await choose("tlh");
    expect([refused.statusCode, refused.json().code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(refused.json().message).toContain("locale");
    // No session cookie: the same request from nobody.
    expect((await choose("en", { cookie: "" })).statusCode).toBe(401);
  });

  it("is kept to the shipped languages by the database as well", async () => {
    const client = await createClient(ctx.app, "direct");
    await expect(
      ctx.db.user.update({ where: { id: client.userId }, data: { locale: "xx" } }),
    ).rejects.toThrow(/users_locale_shipped/);
  });
});
