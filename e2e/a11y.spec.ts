import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** WCAG 2.1 AA, checked by axe on every page, on a desktop and on a phone. An axe run takes a few seconds. */
test.describe.configure({ timeout: 90_000 });

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("public pages", async ({ page }) => {
  for (const path of ["/connexion", "/activation", "/charte"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("a guardian's pages", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await expectAccessible(page);
  await page.goto("/annuaire");
  await expectAccessible(page);
  await page.goto("/compte");
  await expectAccessible(page);
  await page.goto("/notes");
  await expectAccessible(page);
  await page.goto("/bulletins");
  await expectAccessible(page);
});

test("a teacher's pages", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await expectAccessible(page);
  await page.goto("/annuaire");
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Classe de 4eB" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /BERNARD Emma/ }).click();
  await expect(page.getByRole("heading", { name: "Emma Bernard" })).toBeVisible();
  await expectAccessible(page);
});

test("a teacher's marks pages", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/annuaire");
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await page.getByRole("link", { name: /BERNARD Emma/ }).click();
  await page.getByRole("link", { name: "Relevé de notes" }).click();
  await expect(page.getByText("Moyenne générale")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/notes");
  await page.getByRole("link", { name: "Français · 4eB" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rédaction : portrait" }).click();
  await expect(page.getByRole("heading", { name: /Rédaction : portrait/ })).toBeVisible();
  await expectAccessible(page);
});

test("bulletins: a teacher's appréciations and the conseil de classe", async ({ page }) => {
  // The conseil de classe holds every pupil's bulletin: axe takes its time over it.
  test.setTimeout(180_000);
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/bulletins");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Appréciations · Français · 4eB" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appréciations · Français · 4eB" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/bulletins");
  await page.getByRole("link", { name: "Conseil de classe · 4eB" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conseil de classe · 4eB" })).toBeVisible();
  await expectAccessible(page);
});

test("bulletins: direction's classes", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/bulletins");
  await expect(page.getByRole("heading", { name: "Bulletins par classe" })).toBeVisible();
  await expectAccessible(page);
});
