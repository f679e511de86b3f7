import { stageNamed } from "./helpers/board-api";
import { card, expect, openBoard, test } from "./helpers/board-test";
import { expectAt, openStandup } from "./helpers/standup-walk";

test("[CARD][DEPENDENCIES]: a card waits on a demand of another board until it is delivered, live, and stand-up says so", async ({
  page,
  boardApi,
}) => {
  const checkout = await boardApi.createBoard("Checkout");
  const platform = await boardApi.createBoard("Platform");
  const waiting = await boardApi.placeDemand(checkout, "One-click pay", {
    stage: "Development",
    checkAll: true,
  });
  const awaited = await boardApi.placeDemand(platform, "Tokenised cards", {
    stage: "Release",
    checkAll: true,
  });
  await openBoard(page, checkout.id);

  await card(page, waiting.key).getByRole("button", { name: "One-click pay" }).click();
  const editor = page.getByRole("dialog", { name: `${waiting.key} One-click pay` });
  const dependencies = editor.getByRole("region", { name: "Depends on" });
  await expect(dependencies).toContainText("Nothing: this demand waits on no other.");
  await dependencies.getByLabel("Demand key").fill(awaited.key.toLowerCase());
  await dependencies.getByRole("button", { name: "Add dependency" }).click();
  await expect(dependencies.getByRole("listitem")).toHaveText(
    new RegExp(`^${awaited.key} Tokenised cards\\s*waiting\\s*Remove$`),
  );
  await editor.getByRole("button", { name: "Close" }).click();
  await expect(card(page, waiting.key).getByTestId("waiting-on")).toHaveText(`Waiting on ${awaited.key}`);

  await openStandup(page, checkout.id);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expectAt(page, { stage: "Development", key: waiting.key });
  await expect(page.getByTestId("waiting-on")).toHaveText(`Waiting on ${awaited.key}`);

  await openBoard(page, checkout.id);
  await expect(card(page, waiting.key).getByTestId("waiting-on")).toBeVisible();
  // Delivered on the other board, by someone else: the card stops waiting without a reload.
  await boardApi.move(awaited.id, stageNamed(platform, "Done").id);
  await expect(card(page, waiting.key).getByTestId("waiting-on")).toHaveCount(0);
});
