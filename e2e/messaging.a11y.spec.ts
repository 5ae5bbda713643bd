import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** WCAG 2.1 AA on the messaging, carnet, notification and news pages, on a desktop and on a phone. */
test.describe.configure({ timeout: 120_000 });

async function expectAccessible(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a guardian's messages, carnet, notifications and news", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await expectAccessible(page, "/messagerie", "Messagerie");
  await page.getByRole("link", { name: "Demande de rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demande de rendez-vous" })).toBeVisible();
  await expectAccessible(page, page.url(), "Demande de rendez-vous");
  await expectAccessible(page, "/messagerie/nouveau", "Nouveau message");
  await expectAccessible(page, "/carnet", "Carnet de liaison");
  await expectAccessible(page, "/notifications", "Notifications");
  await expectAccessible(page, "/actualites", "Actualités");
  await expectAccessible(page, "/actualites/cantine", "Menus de la cantine");
});

test("a teacher's carnet, lists and publishing", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await expectAccessible(page, "/messagerie/nouveau", "Nouveau message");
  await expectAccessible(page, "/carnet", "Carnet de liaison");
  await page.getByRole("link", { name: "Réunion parents-professeurs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Réunion parents-professeurs" })).toBeVisible();
  await expectAccessible(page, page.url(), "Réunion parents-professeurs");
  await expectAccessible(page, "/actualites", "Actualités");
});

test("direction's rules and reports", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await expectAccessible(page, "/messagerie/regles", "Règles de communication");
  await expectAccessible(page, "/messagerie/signalements", "Signalements");
  await expectAccessible(page, "/actualites/cantine", "Menus de la cantine");
});
