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
  // Behind the open dialog the board is hidden from assistive technology (Radix), not from sight.
  await expect(
    card(page, demand.key).getByRole("img", { name: "Owner: Demo Lead", includeHidden: true }),
  ).toHaveText("DL");
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

test("[CARD][COMMENTS]: a comment posted in one browser appears in another without reload, and HTML in it stays text", async ({
  page,
  browser,
  demoSession,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Comments");
  const demand = await boardApi.createDemand(board.id, "Payouts");
  const other = await browser.newContext({ storageState: demoSession });
  const otherPage = await other.newPage();
  try {
    for (const view of [page, otherPage]) {
      await openBoard(view, board.id);
      await card(view, demand.key).getByRole("button", { name: "Payouts" }).click();
    }
    const comments = (view: typeof page) =>
      view.getByRole("dialog", { name: `${demand.key} Payouts` }).getByRole("region", { name: /^Comments/ });
    await expect(comments(otherPage)).toContainText("No comments yet.");

    const payload = `Shipping **soon** <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> [docs](javascript:window.__xss=1)`;
    await comments(page).getByRole("textbox", { name: "Add a comment" }).fill(payload);
    await comments(page).getByRole("button", { name: "Comment", exact: true }).click();

    const seen = comments(otherPage).locator(".comment");
    await expect(seen).toHaveCount(1);
    await expect(seen.locator("strong").filter({ hasText: "soon" })).toBeVisible();
    await expect(seen).toContainText(`<img src=x onerror="window.__xss=1">`);
    await expect(seen).toContainText("<script>window.__xss=1</script>");
    await expect(seen.locator("img, script")).toHaveCount(0);
    await expect(seen.getByText("docs")).not.toHaveAttribute("href", /javascript:/);
    expect(await otherPage.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  } finally {
    await other.close();
  }
});
