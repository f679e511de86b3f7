import { card, cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";

test("[BOARD][CRITERIA]: a drop with unmet entry criteria opens the checklist; ticking it completes the move", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Entry criteria");
  const demand = await boardApi.placeDemand(board, "Not ready for design", { stage: "Selection" });

  await openBoard(page, board.id);
  await dragCardTo(page, demand.key, cell(page, "Design"));

  const dialog = page.getByRole("dialog", { name: "Entry criteria for Design: Selection → Design" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    "Design needs: user flow known, demand small enough to deliver in two weeks.",
  );
  // Behind the modal dialog, hidden from assistive technology but still on screen.
  await expect(
    page.getByRole("list", { name: "Selection, Standard", includeHidden: true }).getByText(demand.key),
  ).toBeVisible();
  const move = dialog.getByRole("button", { name: "Move" });
  await expect(move).toBeDisabled();

  await dialog.getByRole("checkbox", { name: "User flow known" }).check();
  await expect(move).toBeDisabled();
  await dialog.getByRole("checkbox", { name: "Demand small enough to deliver in two weeks" }).check();
  await expect(move).toBeEnabled();
  await move.click();

  await expect(dialog).toBeHidden();
  await expect(cell(page, "Design").getByText(demand.key)).toBeVisible();
  await page.reload();
  await expect(cell(page, "Design").getByText(demand.key)).toBeVisible();
});

test("[BOARD][CRITERIA]: leaving a stage with unchecked exit checks asks for them first", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Exit checks");
  const demand = await boardApi.placeDemand(board, "Needs a review", { stage: "Selection" });
  for (const criterion of board.criteria.filter((c) => c.phase === "entry")) {
    await boardApi.check(demand.id, criterion.id);
  }
  const development = board.stages.find((stage) => stage.name === "Development");
  if (!development) throw new Error("no Development stage");
  await boardApi.move(demand.id, development.id);

  await openBoard(page, board.id);
  await dragCardTo(page, demand.key, cell(page, "Testing"));
  // The dialog names both ends, so "Move" confirms the move the user meant.
  const dialog = page.getByRole("dialog", { name: "Exit checks for Development: Development → Testing" });
  await expect(dialog).toContainText("Before leaving Development: code reviewed.");
  await expect(
    page.getByRole("list", { name: "Development, Standard", includeHidden: true }).getByText(demand.key),
  ).toBeVisible();

  await dialog.getByRole("checkbox", { name: "Code reviewed" }).check();
  await dialog.getByRole("button", { name: "Move" }).click();
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  await expect(card(page, demand.key)).not.toHaveAttribute("data-moving");
  await page.reload();
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
});
