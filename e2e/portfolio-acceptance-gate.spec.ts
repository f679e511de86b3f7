import AxeBuilder from "@axe-core/playwright";
import { card, cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";
import { PortfolioApi } from "./helpers/portfolio-api";

// axe on a busy machine takes a while.
test.describe.configure({ timeout: 120_000 });

test("[PORTFOLIO][GATE]: a business demand held at acceptance passes with a member's reason, shown on its card", async ({
  page,
  boardApi,
  baseURL,
}) => {
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const portfolios = new PortfolioApi(page.request, baseURL);
  const portfolio = await portfolios.create("Gate portfolio");
  const team = await boardApi.createBoard("Cards team");
  await portfolios.addBoard(portfolio.id, team.id);
  const businessBoard = await boardApi.board(portfolio.businessBoardId);
  const business = await boardApi.placeDemand(businessBoard, "Contactless limits", { stage: "In delivery" });
  await portfolios.split(business.id, team.id, "New limit rules");

  await openBoard(page, portfolio.businessBoardId);
  await expect(card(page, business.key).getByTestId("child-progress")).toContainText("0 of 1");
  await dragCardTo(page, business.key, cell(page, "Acceptance"));
  const dialog = page.getByRole("dialog", { name: "Product demands not delivered" });
  await expect(dialog).toContainText("1 of its 1 product demands is not delivered yet (Cards team: 1)");
  // The modal dialog hides the board from the accessibility tree, hence includeHidden.
  await expect(
    page.getByRole("list", { name: "In delivery, Standard", includeHidden: true }).getByText(business.key),
  ).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))).toEqual(
    [],
  );

  await dialog.getByLabel(/Why it passes anyway/).fill("Regulator deadline; rules ship next week");
  await dialog.getByRole("button", { name: "Pass the gate" }).click();
  await expect(cell(page, "Acceptance").getByText(business.key)).toBeVisible();
  await expect(card(page, business.key)).toContainText(
    "Accepted with work undelivered by Demo Lead: Regulator deadline; rules ship next week",
  );
});
