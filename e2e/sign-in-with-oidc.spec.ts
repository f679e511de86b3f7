import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { findFreePort } from "../apps/api/src/db/embedded-postgres";
import { type ServerProcess, startServerProcess } from "../apps/api/test/helpers/server-process";
import { type OidcTestProvider, startOidcProvider } from "../test-servers/oidc-provider";

/** The provider's own pages: its login form (any login is a person), then consent. */
async function signInAtProvider(page: Page, issuer: string, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("whatever the provider asks");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

// Single sign-on needs its settings at start-up, so this journey runs a server of its own
// (a fresh data folder and port) next to a real OpenID provider (oidc-provider) on another.
test("[ACCOUNT][SSO]: a person signs in through the OpenID provider's own login and consent pages and lands on the board list; a refused sign-in comes back to the sign-in page with a sentence in the person's language", async ({
  browser,
}) => {
  // A server start, a database and a provider: long on a busy machine.
  test.slow();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-e2e-oidc-"));
  const port = await findFreePort();
  // 127.0.0.1, not localhost: cookies ignore ports, and the shared server's session lives on localhost.
  const url = `http://127.0.0.1:${port}`;
  let provider: OidcTestProvider | null = null;
  let server: ServerProcess | null = null;
  try {
    provider = await startOidcProvider(`${url}/api/auth/oidc/callback`, {
      "ada.sso": { email: "ada.sso@tideway.local", email_verified: true, name: "Ada Single" },
      "eve.unverified": { email: "eve@tideway.local", email_verified: false, name: "Eve" },
    });
    server = await startServerProcess(
      {
        DATA_DIR: dataDir,
        PUBLIC_URL: url,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_PROVIDER_NAME: "Company ID",
        // Ada is new here and the demo user exists: without mail SIGNUP defaults to invite.
        SIGNUP: "open",
      },
      { port },
    );
    const context = await browser.newContext({ baseURL: url, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Sign in with Company ID" }).click();

    await signInAtProvider(page, provider.issuer, "ada.sso");

    await expect(page).toHaveURL(`${url}/`);
    await expect(page.getByRole("heading", { name: "Boards" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Ada Single/ })).toBeVisible();
    await context.close();

    // The provider does not vouch for Eve's email: back on the sign-in page, in Chinese for a Chinese browser.
    const chinese = await browser.newContext({
      baseURL: url,
      locale: "zh-CN",
      storageState: { cookies: [], origins: [] },
    });
    const refused = await chinese.newPage();
    await refused.goto("/sign-in");
    await refused.getByRole("link", { name: /Company ID/ }).click();
    await signInAtProvider(refused, provider.issuer, "eve.unverified");
    await expect(refused).toHaveURL(`${url}/sign-in?error=EMAIL_NOT_VERIFIED`);
    await expect(refused.getByRole("alert")).toHaveText(
      "你的登录提供方尚未验证你的邮箱地址，因此无法在此登录。",
    );
    await chinese.close();

    // An answer this browser never asked for (no attempt, a forged state): a sentence, not a JSON body.
    const stranger = await browser.newContext({ baseURL: url, storageState: { cookies: [], origins: [] } });
    const forged = await stranger.newPage();
    await forged.goto("/api/auth/oidc/callback?code=stolen&state=forged");
    await expect(forged).toHaveURL(`${url}/sign-in?error=SINGLE_SIGN_ON_FAILED`);
    await expect(forged.getByRole("alert")).toHaveText(
      "Single sign-on did not complete. Start again from the sign-in page.",
    );
    // A new person may sign up on this server (SIGNUP=open): the page offers it.
    await expect(forged.getByRole("link", { name: "Create an account" })).toBeVisible();
    await stranger.close();
  } finally {
    await server?.stop();
    await provider?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
