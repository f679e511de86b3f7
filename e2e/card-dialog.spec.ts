import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { card, expect, openBoard, test } from "./helpers/board-test";

const XSS_TITLE = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
const XSS_DESCRIPTION = `Needs **care** <img src=x onerror="window.__xss=1"> <script>window.__xss=1</script> [bad](javascript:window.__xss=1)`;

const xssRan = (page: Page) => page.evaluate(() => (window as { __xss?: number }).__xss);

test("[CARD][LINKS]: links are added, edited and removed in the dialog, open safely, and HTML in their titles stays text", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Links");
  const demand = await boardApi.createDemand(board.id, "Statements");
  await openBoard(page, board.id);
  await card(page, demand.key).getByRole("button", { name: "Statements" }).click();
  const links = page
    .getByRole("dialog", { name: `${demand.key} Statements` })
    .getByRole("region", { name: "Links" });

  await links.getByLabel("Link name").fill(XSS_TITLE);
  await links.getByLabel("Address (http or https)").fill("https://example.com/spec");
  await links.getByRole("button", { name: "Add link" }).click();
  const link = links.getByRole("link");
  await expect(link).toHaveText(XSS_TITLE);
  await expect(link).toHaveAttribute("href", "https://example.com/spec");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(links.locator("img, script")).toHaveCount(0);

  await links.getByRole("button", { name: `Edit ${XSS_TITLE}` }).click();
  await links.getByLabel("Link name").fill("Design doc");
  await links.getByRole("button", { name: "Save link" }).click();
  await expect(link).toHaveText("Design doc");

  // The browser takes javascript: as a URL; the server refuses it and says which field.
  await links.getByLabel("Link name").fill("Run me");
  await links.getByLabel("Address (http or https)").fill("javascript:window.__xss=1");
  await links.getByRole("button", { name: "Add link" }).click();
  await expect(links.getByRole("alert")).toContainText("links.1.url");
  await expect(links.getByRole("link")).toHaveCount(1);

  await links.getByRole("button", { name: "Remove Design doc" }).click();
  await expect(links.getByRole("link")).toHaveCount(0);
  expect(await xssRan(page)).toBeUndefined();
});

test("[CARD][DESCRIPTION]: the description is written in markdown, previewed and shown safely", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Descriptions");
  const demand = await boardApi.createDemand(board.id, "Disputes");
  await openBoard(page, board.id);
  await card(page, demand.key).getByRole("button", { name: "Disputes" }).click();
  const editor = page.getByRole("dialog", { name: `${demand.key} Disputes` });

  await editor.getByLabel("Description").fill(XSS_DESCRIPTION);
  await editor.getByRole("button", { name: "Preview" }).click();
  const preview = editor.getByTestId("description-preview");
  await expect(preview.locator("strong")).toHaveText("care");
  await expect(preview).toContainText(`<img src=x onerror="window.__xss=1">`);
  await expect(preview).toContainText("<script>window.__xss=1</script>");
  await expect(preview.locator("img, script")).toHaveCount(0);
  await expect(preview.getByText("bad")).not.toHaveAttribute("href", /javascript:/);
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();

  await card(page, demand.key).getByRole("button", { name: "Disputes" }).click();
  await expect(editor.getByTestId("description-preview").locator("strong")).toHaveText("care");
  await editor.getByRole("button", { name: "Write" }).click();
  await expect(editor.getByLabel("Description")).toHaveValue(XSS_DESCRIPTION);
  expect(await xssRan(page)).toBeUndefined();
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`[CARD][A11Y]: the card dialog fits ${viewport.width}x${viewport.height}, reads well and has no serious axe violations`, async ({
    page,
    boardApi,
  }) => {
    await page.setViewportSize(viewport);
    const board = await boardApi.createBoard("Card dialog");
    const awaited = await boardApi.placeDemand(board, "Ledger export", { stage: "Testing", checkAll: true });
    let demand = await boardApi.placeDemand(board, "Instant refunds", {
      stage: "Development",
      checkAll: true,
    });
    demand = await boardApi.update(demand.id, {
      description: "Refunds within **one minute**.\n\n- card payments\n- wallets",
      links: [
        { title: "Design", url: "https://example.com/design" },
        { title: "Pull request 42", url: "https://git.example.com/pr/42" },
      ],
    });
    await boardApi.addDependency(demand.id, awaited.id);
    await openBoard(page, board.id);
    await expect(card(page, demand.key).getByTestId("waiting-on")).toHaveText(`Waiting on ${awaited.key}`);

    await card(page, demand.key).getByRole("button", { name: "Instant refunds" }).click();
    const editor = page.getByRole("dialog", { name: `${demand.key} Instant refunds` });
    await expect(editor.getByRole("region", { name: "Depends on" })).toContainText(awaited.key);
    await expect(editor.getByRole("region", { name: "Links" }).getByRole("link")).toHaveCount(2);

    const box = await editor.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Text in the dialog is at least 12 px: readable at arm's length.
    const smallest = await editor.evaluate((root) =>
      Math.min(
        ...Array.from(root.querySelectorAll<HTMLElement>("p, span, a, label, button, li, h3"))
          .filter((element) => element.offsetParent !== null && element.textContent?.trim())
          .map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(12);

    const { violations } = await new AxeBuilder({ page }).include("[role=dialog]").analyze();
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
    expect(serious).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`card-dialog-${viewport.width}.png`) });
  });
}
