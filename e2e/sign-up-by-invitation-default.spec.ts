import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findFreePort } from "../apps/api/src/db/embedded-postgres";
import { type ServerProcess, startServerProcess } from "../apps/api/test/helpers/server-process";
import { expectLooksRightAtBothSizes } from "./helpers/axe";

const INVITE_ONLY =
  "New to Tideway? Accounts here are by invitation: ask a board admin to invite your email.";

// The default configuration (no mail, no SIGNUP: invitation only) needs a server of its own;
// the shared one sends mail, so it takes sign-ups.
test("[ACCOUNT][SIGNUP]: with no settings the sign-in page offers invitations, not a sign-up that would fail, and the demo user signs in", async ({
  browser,
}, testInfo) => {
  // A server start with its database and demo seed: long on a busy machine.
  test.slow();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-e2e-signup-"));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  let server: ServerProcess | null = null;
  try {
    server = await startServerProcess(
      { DATA_DIR: dataDir, SMTP_URL: undefined, SIGNUP: undefined },
      { port },
    );
    expect(server.output()).not.toMatch(/warning/i);
    const context = await browser.newContext({ baseURL: url, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.getByText(INVITE_ONLY)).toBeVisible();
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);

    await expectLooksRightAtBothSizes(page, testInfo, "sign-in-invite-only", () =>
      expect(page.getByText(INVITE_ONLY)).toBeInViewport(),
    );

    // The sign-up page says the same instead of taking a form that would be refused.
    await page.goto("/sign-up");
    await expect(page.getByText(INVITE_ONLY)).toBeVisible();

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("demo@tideway.local");
    await page.getByLabel("Password").fill("tideway-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Boards" })).toBeVisible();
    await context.close();
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
