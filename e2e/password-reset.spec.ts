import { expect } from "@playwright/test";
import { test } from "./helpers/clock-test";
import { mailboxPort, startMailbox } from "./helpers/mailbox";
import { signUpByInvitation } from "./helpers/new-person";

test("[ACCOUNT][RESET]: a forgotten password is reset through the emailed link, and the new one signs in", async ({
  browser,
  baseURL,
}) => {
  // A sign-up, a reset and a sign-in each hash a password on purpose: long on a busy machine.
  test.slow();
  const appUrl = new URL(baseURL ?? "");
  const mailbox = await startMailbox(mailboxPort(Number(appUrl.port)));
  try {
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const email = `forgetful-${Date.now()}@tideway.local`;
    await signUpByInvitation(context.request, appUrl.origin, {
      name: "Fran Forgetful",
      email,
      password: "an old long passphrase",
    });
    await context.clearCookies();

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account has this email");

    const mail = await mailbox.next(email, /^Reset your Tideway password$/);
    const link = new RegExp(`${appUrl.origin}/reset-password/[\\w-]+`).exec(mail)?.[0];
    expect(link).toBeDefined();
    await page.goto(link ?? "");
    await page.getByLabel("New password", { exact: true }).fill("lantern orbit velvet");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
    await expect(page.getByRole("status")).toContainText("Your password was changed");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("lantern orbit velvet");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Boards" })).toBeVisible();
    await context.close();
  } finally {
    await mailbox.close();
  }
});
