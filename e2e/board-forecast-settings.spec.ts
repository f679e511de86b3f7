import { expect, test } from "./helpers/board-test";

test("[SETTINGS][FORECAST]: an admin changes the weeks the forecasts sample, and the dashboard samples that many", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Forecast weeks");
  await page.goto(`/boards/${board.id}/settings`);
  const form = page.getByRole("form", { name: "Forecast settings" });
  const weeks = form.getByLabel("Weeks of throughput sampled");
  await expect(weeks).toHaveValue("12");

  await weeks.fill("6");
  await form.getByRole("button", { name: "Save forecast settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Forecast settings saved." })).toBeVisible();

  // Saved on the server, not only in the field: a fresh page loads 6.
  await page.reload();
  await expect(
    page.getByRole("form", { name: "Forecast settings" }).getByLabel("Weeks of throughput sampled"),
  ).toHaveValue("6");

  await page.goto(`/boards/${board.id}/dashboard`);
  await expect(page.getByTestId("forecast-panel")).toContainText("over the last 6 weeks");
});
