import { readFile } from "node:fs/promises";
import type { TBoardExport } from "@tideway/contracts";
import { card, expect, openBoard, test } from "./helpers/board-test";

test("[BOARD][EXPORT]: a board exported from its settings imports as a new board with its history", async ({
  page,
  boardApi,
}, testInfo) => {
  const board = await boardApi.createBoard("Exported board");
  const demand = await boardApi.createDemand(board.id, "Travels between installs");
  const design = board.stages.find((stage) => stage.name === "Design");
  if (!design) throw new Error("the 2-1-1 board has a Design stage");
  for (const criterion of board.criteria.filter((c) => c.stageId === design.id && c.phase === "entry")) {
    await boardApi.check(demand.id, criterion.id);
  }
  await boardApi.move(demand.id, design.id);

  await page.goto(`/boards/${board.id}/settings`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export board" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^${board.key}-\\d{4}-\\d{2}-\\d{2}\\.tideway\\.json$`),
  );
  const file = testInfo.outputPath("board.json");
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, "utf8")) as TBoardExport;
  expect(exported.transitions.map((t) => t.kind)).toEqual(["created", "moved"]);

  await page.goto("/");
  const form = page.getByRole("form", { name: "Import board" });
  // The original's key is taken on this install: the refusal says so and nothing is created.
  await form.getByLabel("Export file").setInputFiles(file);
  await form.getByRole("button", { name: "Import board" }).click();
  await expect(form.getByRole("alert")).toContainText(`The board key ${board.key} is already used`);

  const copyKey = `C${board.key.slice(1)}`;
  await form.getByLabel("New key (optional)").fill(copyKey);
  await form.getByLabel("New name (optional)").fill("Imported copy");
  await form.getByRole("button", { name: "Import board" }).click();
  await expect(page).toHaveURL(/\/boards\/[0-9a-f-]{36}$/);
  const importedId = page.url().split("/").at(-1) as string;
  await openBoard(page, importedId);
  await expect(card(page, `${copyKey}-1`)).toBeVisible();
  const transitions = await boardApi.transitions(importedId);
  expect(transitions.map((t) => [t.kind, t.at])).toEqual(exported.transitions.map((t) => [t.kind, t.at]));
});

test("[BOARD][IMPORT]: a file that is not a Tideway export is refused with the reason", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("form", { name: "Import board" });
  await form.getByLabel("Export file").setInputFiles({
    name: "not-an-export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ formatVersion: 1, stages: [] })),
  });
  await form.getByRole("button", { name: "Import board" }).click();
  await expect(form.getByRole("alert")).toContainText("body.");
  await form.getByLabel("Export file").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("just some notes"),
  });
  await form.getByRole("button", { name: "Import board" }).click();
  await expect(form.getByRole("alert")).toContainText("notes.txt is not a JSON file");
});
