import AxeBuilder from "@axe-core/playwright";
import { card, expect, openBoard, test } from "./helpers/board-test";

/** A Jira-export-shaped CSV file whose first row is Card form, followed by `second`. */
const jiraFile = (second: string) => ({
  name: "demands.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    `Summary,Issue key,Issue Type,Status,Created\nCard form,PAY-1,Story,To Do,12/Mar/24 9:41 AM\n${second}\n`,
  ),
});

test("[SETTINGS][CSV]: a file with a bad row shows every problem and imports nothing; a good file imports", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("CSV import");
  await page.goto(`/boards/${board.id}/settings`);
  await page.getByRole("button", { name: "Import demands from CSV…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import demands from CSV" });

  await dialog
    .getByLabel("CSV file")
    .setInputFiles(jiraFile("Broken row,PAY-2,Initiative,Waiting,31/Feb/24"));
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const problems = dialog.getByRole("table", { name: "Problems found (nothing was imported)" });
  await expect(problems.getByRole("row")).toHaveCount(4); // header + three problems, all on row 3
  await expect(problems.getByRole("row").nth(1)).toContainText("3Issue TypeInitiative");
  await expect(problems).toContainText("31/Feb/24");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  expect((await boardApi.board(board.id)).demands).toEqual([]);

  await dialog
    .getByLabel("CSV file")
    .setInputFiles(jiraFile("Refund bug,PAY-2,Bug,In Progress,13/Mar/24 10:00 AM"));
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 demands." })).toBeVisible();
  await expect(dialog).toBeHidden();

  await openBoard(page, board.id);
  await expect(card(page, `${board.key}-1`)).toContainText("Card form");
  await expect(card(page, `${board.key}-2`)).toContainText("Refund bug");
});
