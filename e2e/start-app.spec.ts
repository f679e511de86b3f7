import { expect } from "@playwright/test";
import { test } from "./helpers/clock-test";

test("[START]: the built app is served and reports a healthy database", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.ok()).toBe(true);
  const body = (await health.json()) as { status: string; db: string; migrations: string[] };
  expect(body).toMatchObject({ status: "ok", db: "up" });
  expect(body.migrations.length).toBeGreaterThan(0);

  await page.goto("/");
  await expect(page).toHaveTitle(/Tideway/);
});
