import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Marks a test to run again at a phone's width (the "phone" project): the pages families and pupils open on their
 * phones, and the roll call a teacher takes from one. Staff's desk pages are checked at a desktop's width only.
 */
export const PHONE = { tag: "@phone" };

/**
 * The page meets WCAG 2.1 AA as far as axe can tell, and on a phone's width nothing sticks out sideways: the page
 * never scrolls horizontally. (axe's resultTypes option would be quicker, but it makes landmark-unique report
 * sections that pass without it.)
 */
export async function expectAccessible(page: Page, label = page.url()) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(violations.map((v) => `${label} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const width = page.viewportSize()?.width ?? Infinity;
  if (width < 600) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${label} is wider than the phone's screen`).toBeLessThanOrEqual(0);
  }
}
