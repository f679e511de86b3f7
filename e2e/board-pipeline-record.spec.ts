import { createHmac } from "node:crypto";
import { card, expect, openBoard, test } from "./helpers/board-test";

/** Sends one signed generic pipeline event, as a CI/CD tool would. */
async function sendEvent(
  request: import("@playwright/test").APIRequestContext,
  boardId: string,
  secret: string,
  event: Record<string, unknown>,
): Promise<void> {
  const body = JSON.stringify(event);
  const signature = createHmac("sha256", secret).update(body).digest("hex");
  const response = await request.post(`/api/hooks/${boardId}/generic`, {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-tideway-delivery": `e2e-${event.kind}-${Date.now()}`,
      "x-tideway-signature-256": `sha256=${signature}`,
    },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("[BOARD][PIPELINE]: a commit and a release 30 minutes later show on the card as a 30-minute release lead time", async ({
  page,
  boardApi,
  baseURL,
}) => {
  const board = await boardApi.createBoard("Pipeline record");
  const demand = await boardApi.placeDemand(board, "Refund by bank transfer", {
    stage: "Development",
    checkAll: true,
  });
  const created = await page.request.post(`/api/boards/${board.id}/webhook-secrets`, {
    data: {},
    headers: { origin: new URL(baseURL ?? "").origin },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { secret } = (await created.json()) as { secret: { secret: string } };

  const sha = "3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f";
  await sendEvent(page.request, board.id, secret.secret, {
    kind: "commit",
    sha,
    at: "2026-03-02T10:20:00Z",
    repository: "acme/payments",
    message: `${demand.key}: refunds by bank transfer`,
  });
  await sendEvent(page.request, board.id, secret.secret, {
    kind: "release",
    sha,
    at: "2026-03-02T10:50:00Z",
    repository: "acme/payments",
    commits: [sha],
  });

  await openBoard(page, board.id);
  await card(page, demand.key).getByRole("button", { name: "Refund by bank transfer" }).click();
  const editor = page.getByRole("dialog", { name: `${demand.key} Refund by bank transfer` });
  const summary = editor.getByTestId("demand-code-summary");
  await expect(summary).toContainText("30 minutes (goal: within 60 minutes)");
  await expect(editor.getByRole("region", { name: "Delivery pipeline" })).toContainText("commit 3c4d5e6");
});
