import { stageNamed } from "./helpers/board-api";
import { card, expect, openBoard, test } from "./helpers/board-test";
import { expectAt, openStandup } from "./helpers/standup-walk";

test("[CARD][OWNER]: an owner picked in the card dialog shows on the card and in stand-up", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Owners");
  const demand = await boardApi.placeDemand(board, "Card refunds", { stage: "Development", checkAll: true });
  await openBoard(page, board.id);

  await card(page, demand.key).getByRole("button", { name: "Card refunds" }).click();
  const editor = page.getByRole("dialog", { name: `${demand.key} Card refunds` });
  await expect(editor.getByTestId("demand-owner")).toHaveText("Nobody");
  await editor.getByLabel("Find a member").fill("dem");
  await editor.getByRole("button", { name: "Demo Lead" }).click();
  await expect(editor.getByTestId("demand-owner")).toHaveText("DLDemo Lead");
  await expect(editor.getByRole("button", { name: "Demo Lead" })).toHaveAttribute("aria-pressed", "true");
  await expect(card(page, demand.key).getByRole("img", { name: "Owner: Demo Lead" })).toHaveText("DL");
  await editor.getByRole("button", { name: "Close" }).click();

  await openStandup(page, board.id);
  // The walk starts at the rightmost stage; Development is two stages back.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expectAt(page, { stage: "Development", key: demand.key });
  await expect(page.getByTestId("standup-owner")).toHaveText("DLDemo Lead");
});

test("[CARD][JOURNEY]: the journey lists the stages a demand was moved through and how long it stayed", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Journeys");
  const demand = await boardApi.placeDemand(board, "Chargebacks", { stage: "Selection", checkAll: true });
  await boardApi.move(demand.id, stageNamed(board, "Design").id);
  await boardApi.move(demand.id, stageNamed(board, "Development").id);
  await openBoard(page, board.id);

  await card(page, demand.key).getByRole("button", { name: "Chargebacks" }).click();
  const journey = page
    .getByRole("dialog", { name: `${demand.key} Chargebacks` })
    .getByRole("region", { name: "Journey" });
  const stage = (name: string) => journey.locator(`li[data-kind="stage"][data-stage="${name}"]`);
  await expect(stage("Selection")).toContainText(/Created in Selection by Demo Lead; stayed \d+ s/);
  await expect(stage("Design")).toContainText(/Entered Design by Demo Lead; stayed \d+ s/);
  await expect(stage("Development")).toContainText("Entered Development by Demo Lead; still there");
  await expect(journey.getByTestId("journey-figures")).toContainText("Age since commitment");
  await expect(journey.locator("li[data-kind='criterion']")).toHaveCount(board.criteria.length);
});
