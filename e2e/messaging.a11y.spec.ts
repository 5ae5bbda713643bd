import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible, PHONE } from "./accessibility";
import { logIn } from "./session";

/** WCAG 2.1 AA on the messaging, carnet, notification and news pages, on a desktop, and on a phone for families. */
test.describe.configure({ timeout: 120_000 });

async function expectAccessibleAt(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page, path);
}

test("a guardian's messages, carnet, notifications and news", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await expectAccessibleAt(page, "/messagerie", "Messagerie");
  await page.getByRole("link", { name: "Demande de rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demande de rendez-vous" })).toBeVisible();
  await expectAccessibleAt(page, page.url(), "Demande de rendez-vous");
  await expectAccessibleAt(page, "/messagerie/nouveau", "Nouveau message");
  await expectAccessibleAt(page, "/carnet", "Carnet de liaison");
  await expectAccessibleAt(page, "/notifications", "Notifications");
  await expectAccessibleAt(page, "/actualites", "Actualités");
  await expectAccessibleAt(page, "/actualites/cantine", "Menus de la cantine");
});

test("a teacher's carnet, lists and publishing", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await expectAccessibleAt(page, "/messagerie/nouveau", "Nouveau message");
  await expectAccessibleAt(page, "/carnet", "Carnet de liaison");
  await page.getByRole("link", { name: "Réunion parents-professeurs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Réunion parents-professeurs" })).toBeVisible();
  await expectAccessibleAt(page, page.url(), "Réunion parents-professeurs");
  await expectAccessibleAt(page, "/actualites", "Actualités");
});

test("direction's rules and reports", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await expectAccessibleAt(page, "/messagerie/regles", "Règles de communication");
  await expectAccessibleAt(page, "/messagerie/signalements", "Signalements");
  await expectAccessibleAt(page, "/actualites/cantine", "Menus de la cantine");
});
