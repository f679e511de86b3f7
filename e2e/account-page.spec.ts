import type { APIRequestContext } from "@playwright/test";
import { expectLooksRightAtBothSizes } from "./helpers/axe";
import { expect, test } from "./helpers/board-test";
import { signUpByInvitation } from "./helpers/new-person";

const signedIn = async (request: APIRequestContext) => (await request.get("/api/auth/me")).status() === 200;

test("[ACCOUNT][PAGE]: change the password, mint and revoke a token, sign out other sessions, delete the account", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.slow();
  const origin = new URL(baseURL ?? "").origin;
  const fresh = { baseURL, storageState: { cookies: [], origins: [] } };
  const context = await browser.newContext(fresh);
  const elsewhere = await browser.newContext(fresh);
  const page = await context.newPage();
  try {
    const person = {
      name: "Grace Account",
      email: `grace-${Date.now()}@tideway.local`,
      password: "first long password",
    };
    await signUpByInvitation(page.request, baseURL ?? "", person);

    await page.goto("/");
    await page.getByRole("button", { name: /Grace Account/ }).click();
    await page.getByRole("link", { name: "Your account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    await expectLooksRightAtBothSizes(page, testInfo, "account");

    // The password: a wrong current one is refused with the server's sentence; then it changes.
    const password = page.getByRole("region", { name: "Password" });
    await password.getByLabel("Current password").fill("not my password at all");
    await password.getByLabel(/New password/).fill("second long password");
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByRole("alert")).toContainText("is not your current password");
    await password.getByLabel("Current password").fill(person.password);
    await password.getByLabel(/New password/).fill("second long password");
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByText("Password changed.")).toBeVisible();

    // A token works as the person until it is revoked.
    const tokens = page.getByRole("region", { name: "API tokens" });
    await tokens.getByLabel("Name").fill("Nightly export");
    await tokens.getByRole("button", { name: "Create token" }).click();
    const secret = (await tokens.getByTestId("new-token").textContent()) ?? "";
    const script = await browser.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${secret}` },
    });
    try {
      expect(await signedIn(script.request)).toBe(true);
      await expect(tokens.getByRole("row", { name: /Nightly export/ })).toBeVisible();
      await tokens.getByRole("button", { name: "Revoke Nightly export" }).click();
      await expect(tokens.getByText("You have no API tokens.")).toBeVisible();
      expect(await signedIn(script.request)).toBe(false);
    } finally {
      await script.close();
    }

    // Another browser signed in with the new password is signed out; this one stays.
    const other = await elsewhere.request.post("/api/auth/sign-in", {
      headers: { origin },
      data: { email: person.email, password: "second long password" },
    });
    expect(other.status()).toBe(200);
    expect(await signedIn(elsewhere.request)).toBe(true);
    await page.getByRole("button", { name: "Sign out other sessions" }).click();
    await expect(page.getByText("Every other session is signed out.")).toBeVisible();
    expect(await signedIn(elsewhere.request)).toBe(false);
    expect(await signedIn(page.request)).toBe(true);

    // Deleting needs the password, then the account is gone.
    const remove = page.getByRole("region", { name: "Delete your account" });
    await remove.getByLabel("Your password").fill("second long password");
    await remove.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const again = await elsewhere.request.post("/api/auth/sign-in", {
      headers: { origin },
      data: { email: person.email, password: "second long password" },
    });
    expect(again.status()).toBe(401);
  } finally {
    await context.close();
    await elsewhere.close();
  }
});
