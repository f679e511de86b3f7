import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { keepScreenshot } from "./board-layout";

/** axe's serious and critical findings on the page as it is: what a screen reader or keyboard user runs into. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => violation.id);
}

/**
 * What the eye checks, at a laptop's (1280x800) and a projector's (1920x1080)
 * size: nothing off-screen sideways, no serious axe finding, and a kept
 * screenshot `<name>-<width>x<height>`. `each` adds the page's own checks per size.
 */
export async function expectLooksRightAtBothSizes(
  page: Page,
  testInfo: TestInfo,
  name: string,
  each: () => Promise<void> = async () => undefined,
): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `nothing off-screen sideways at ${size.width}x${size.height}`).toBeLessThanOrEqual(0);
    await each();
    expect(await seriousViolations(page), `axe at ${size.width}x${size.height}`).toEqual([]);
    await keepScreenshot(page, testInfo, `${name}-${size.width}x${size.height}`);
  }
}
