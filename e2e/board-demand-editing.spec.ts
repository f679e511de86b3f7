import { card, cell, expect, openBoard, test } from "./helpers/board-test";

test("[BOARD][DEMAND]: a demand is created in the first stage, edited, blocked, unblocked and archived", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Demand editing");
  await openBoard(page, board.id);

  await page.getByRole("button", { name: "+ Add demand" }).click();
  const form = page.getByRole("form", { name: "Add a demand" });
  await form.getByLabel("Title").fill("Refund by bank transfer");
  await form.getByLabel("Size").fill("M");
  await form.getByRole("button", { name: "Add" }).click();
  const created = cell(page, "Selection")
    .getByRole("listitem")
    .filter({ hasText: "Refund by bank transfer" });
  await expect(created).toBeVisible();
  const key = await created.getAttribute("data-demand-key");
  if (!key) throw new Error("the new card has no key");

  await card(page, key).getByRole("button", { name: "Refund by bank transfer" }).click();
  const editor = page.getByRole("dialog", { name: `${key} Refund by bank transfer` });
  await editor.getByLabel("Title").fill("Refunds by bank transfer");
  await editor.getByLabel("Description").fill("Merchants asked for it.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  await expect(card(page, key)).toContainText("Refunds by bank transfer");

  await card(page, key).getByRole("button", { name: "Refunds by bank transfer" }).click();
  const reopened = page.getByRole("dialog", { name: `${key} Refunds by bank transfer` });
  await reopened.getByLabel("Blocked because").fill("Waiting for the bank's API keys");
  await reopened.getByRole("button", { name: "Block" }).click();
  await expect(card(page, key)).toContainText("Blocked: Waiting for the bank's API keys");
  await reopened.getByRole("button", { name: "Unblock" }).click();
  await expect(card(page, key)).not.toContainText("Blocked");

  await reopened.getByRole("button", { name: "Archive…" }).click();
  await reopened.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(reopened).toBeHidden();
  await expect(card(page, key)).toHaveCount(0);
  await page.reload();
  await expect(cell(page, "Selection")).toBeVisible();
  await expect(card(page, key)).toHaveCount(0);

  const kinds = (await boardApi.transitions(board.id)).map((transition) => transition.kind);
  expect(kinds).toEqual(["created", "blocked", "unblocked", "archived"]);
});

test("[BOARD][DEFECT]: a defect linked to its demand shows as an open defect on that demand's card", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Defects");
  const parent = await boardApi.placeDemand(board, "Card payments", { stage: "Development", checkAll: true });
  const defect = await boardApi.createDemand(board.id, "Declined cards double charged");
  await openBoard(page, board.id);
  await expect(card(page, parent.key)).not.toContainText("open defect");

  await card(page, defect.key).getByRole("button", { name: "Declined cards double charged" }).click();
  const editor = page.getByRole("dialog", { name: `${defect.key} Declined cards double charged` });
  await editor.getByLabel("Type").selectOption("defect");
  await editor.getByLabel("Defect of").selectOption({ label: `${parent.key} Card payments` });
  await editor.getByRole("button", { name: "Save" }).click();

  await expect(card(page, parent.key)).toContainText("1 open defect");
  expect((await boardApi.board(board.id)).demands.find((d) => d.id === defect.id)).toMatchObject({
    type: "defect",
    parentId: parent.id,
  });
});
