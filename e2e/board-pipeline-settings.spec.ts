import { createHmac } from "node:crypto";
import { expect, test } from "./helpers/board-test";

test("[SETTINGS][PIPELINE]: an admin creates the webhook secret, signs an event with it, and lets releases move cards", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Pipeline settings");
  await page.goto(`/boards/${board.id}/settings`);
  const section = page.getByRole("region", { name: "Delivery pipeline" });
  await expect(section).toContainText(`/api/hooks/${board.id}/github`);
  await expect(section).toContainText("No secret yet");

  await section.getByRole("button", { name: "Create a secret" }).click();
  await expect(section.getByRole("status")).toHaveText("Secret created.");
  const secret = (await section.getByTestId("webhook-secret").first().textContent()) ?? "";
  expect(secret.length).toBeGreaterThan(20);

  // The secret shown is the one the webhook endpoint accepts.
  const body = JSON.stringify({
    kind: "commit",
    sha: "a".repeat(40),
    at: new Date().toISOString(),
    repository: "acme/x",
  });
  const accepted = await page.request.post(`/api/hooks/${board.id}/generic`, {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-tideway-delivery": `settings-${Date.now()}`,
      "x-tideway-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);

  const options = section.getByRole("form", { name: "Pipeline settings" });
  await options.getByLabel(/moves the demands it ships to Done/).check();
  await options.getByLabel(/Production environments/).fill("production, prod-eu");
  await options.getByRole("button", { name: "Save pipeline settings" }).click();
  await expect(section.getByRole("status")).toHaveText("Pipeline settings saved.");
  await page.reload();
  await expect(options.getByLabel(/moves the demands it ships to Done/)).toBeChecked();
  await expect(options.getByLabel(/Production environments/)).toHaveValue("production, prod-eu");
});
