import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type FullConfig, request } from "@playwright/test";
import { signInAsDemo } from "./helpers/board-api";

/**
 * Signs the demo user in once for the whole run (after the webServer is up)
 * and leaves the session where every worker reads it (DEMO_SESSION_FILE; see
 * board-test.ts). Signing in hashes a password on purpose and is rate limited
 * per account, so one sign-in per run, however many workers, instead of one
 * per worker and another after every worker restart.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const context = await request.newContext({ baseURL });
  const folder = await mkdtemp(path.join(os.tmpdir(), "tideway-e2e-session-"));
  const file = path.join(folder, "demo.json");
  try {
    await signInAsDemo(context, baseURL);
    await writeFile(file, JSON.stringify(await context.storageState()));
  } finally {
    await context.dispose();
  }
  process.env.DEMO_SESSION_FILE = file;
  return () => rm(folder, { recursive: true, force: true });
}
