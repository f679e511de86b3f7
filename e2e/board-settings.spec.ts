import { expect, stageHeader, test } from "./helpers/board-test";

test("[SETTINGS][STAGES]: renaming a stage and changing its WIP limit and policy shows on the board", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Stage settings");
  await page.goto(`/boards/${board.id}/settings`);

  const testing = page.getByRole("form", { name: "Stage Testing" });
  await testing.getByLabel("Name").fill("Verification");
  await testing.getByLabel("WIP limit").fill("2");
  await testing.getByLabel("Policy").selectOption("soft");
  await testing.getByRole("button", { name: "Save" }).click();

  const renamed = page.getByRole("form", { name: "Stage Verification" });
  await expect(renamed.getByLabel("WIP limit")).toHaveValue("2");
  await expect(renamed.getByLabel("Policy")).toHaveValue("soft");

  await page.getByRole("link", { name: "Back to the board" }).click();
  await expect(stageHeader(page, "Verification")).toContainText("0 / 2");
  const saved = (await boardApi.board(board.id)).stages.find((stage) => stage.name === "Verification");
  expect(saved).toMatchObject({ wipLimit: 2, wipPolicy: "soft" });
});

test("[SETTINGS][STAGES]: a stage can be added before Done, moved, and removed", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Add a stage");
  await page.goto(`/boards/${board.id}/settings`);

  const add = page.getByRole("form", { name: "Add a stage" });
  await add.getByLabel("New stage").fill("Review");
  await add.getByLabel("WIP limit").fill("3");
  await add.getByRole("button", { name: "Add stage" }).click();
  await expect(page.getByRole("form", { name: "Stage Review" })).toBeVisible();
  const names = async () =>
    (await boardApi.board(board.id)).stages.sort((a, b) => a.position - b.position).map((s) => s.name);
  expect(await names()).toEqual([
    "Selection",
    "Design",
    "Development",
    "Testing",
    "Release",
    "Review",
    "Done",
  ]);

  await page.getByRole("button", { name: "Move Review left" }).click();
  await expect
    .poll(names)
    .toEqual(["Selection", "Design", "Development", "Testing", "Review", "Release", "Done"]);

  await page.getByRole("form", { name: "Stage Review" }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("form", { name: "Stage Review" })).toHaveCount(0);
  expect(await names()).toEqual(["Selection", "Design", "Development", "Testing", "Release", "Done"]);
});

test("[SETTINGS][LANES]: lanes can be added, reordered and removed", async ({ page, boardApi }) => {
  const board = await boardApi.createBoard("Lane settings");
  await page.goto(`/boards/${board.id}/settings`);
  const lanes = async () =>
    (await boardApi.board(board.id)).lanes.sort((a, b) => a.position - b.position).map((l) => l.name);

  const add = page.getByRole("form", { name: "Add a lane" });
  await add.getByLabel("New lane").fill("Platform");
  await add.getByRole("button", { name: "Add lane" }).click();
  await expect(page.getByRole("form", { name: "Lane Platform" })).toBeVisible();
  expect(await lanes()).toEqual(["Expedite", "Standard", "Defects", "Platform"]);

  await page.getByRole("button", { name: "Move Defects up" }).click();
  await expect.poll(lanes).toEqual(["Expedite", "Defects", "Standard", "Platform"]);

  await page.getByRole("form", { name: "Lane Platform" }).getByRole("button", { name: "Remove" }).click();
  await expect.poll(lanes).toEqual(["Expedite", "Defects", "Standard"]);
});

test("[SETTINGS][CRITERIA]: an entry criterion added in settings guards the stage on the board", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Criteria settings");
  const demand = await boardApi.placeDemand(board, "Ready to release", { stage: "Testing", checkAll: true });
  await page.goto(`/boards/${board.id}/settings`);

  await page.getByText("Release criteria (0)").click();
  const add = page.getByRole("form", { name: "Add a criterion to Release" });
  await add.getByLabel("New criterion").fill("Release notes written");
  await add.getByRole("button", { name: "Add criterion" }).click();
  await expect(page.getByRole("form", { name: "Criterion Release notes written" })).toBeVisible();

  const release = (await boardApi.board(board.id)).stages.find((stage) => stage.name === "Release");
  const refused = await page.request.post(`/api/demands/${demand.id}/move`, {
    data: { toStageId: release?.id },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ code: "ENTRY_CRITERIA_UNMET" });

  await page
    .getByRole("form", { name: "Criterion Release notes written" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByRole("form", { name: "Criterion Release notes written" })).toHaveCount(0);
});
