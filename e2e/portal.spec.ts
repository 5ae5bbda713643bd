import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

test("a guardian switches between her children and her establishments", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  const children = page.getByRole("navigation", { name: "Choisir l'enfant" });
  await children.getByRole("link", { name: /Lucas/ }).click();
  await expect(page.getByRole("heading", { name: "Classe de Lucas" })).toBeVisible();
  await expect(page.getByText("6eA", { exact: true }).last()).toBeVisible();

  await page.getByLabel("Changer d'établissement").selectOption({ label: "École élémentaire Jules Ferry" });
  await expect(page.getByRole("heading", { name: "Classe de Chloé" })).toBeVisible();
});

test("a teacher opens the roster of the class she leads, and a guardian cannot", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.getByRole("link", { name: "Annuaire" }).click();
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Classe de 4eB" })).toBeVisible();
  await expect(page.getByText(`${DEMO_ACCOUNTS.student.lastName.toUpperCase()} ${DEMO_ACCOUNTS.student.firstName}`)).toBeVisible();
  const rosterUrl = page.url();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await page.goto(rosterUrl);
  await expect(page.getByRole("heading", { name: "Vous n'avez pas accès à cette ressource." })).toBeVisible();
});

test("logging out everywhere ends the sessions of other devices", async ({ browser }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const onPhone = await phone.newPage();
  const onLaptop = await laptop.newPage();
  await logIn(onPhone, DEMO_ACCOUNTS.otherTeacher.login);
  await logIn(onLaptop, DEMO_ACCOUNTS.otherTeacher.login);

  await onLaptop.getByRole("link", { name: "Mon compte" }).click();
  await expect(onLaptop.getByText(/connecté sur 2 appareils/)).toBeVisible();
  await onLaptop.getByRole("button", { name: "Se déconnecter partout" }).click();
  await expect(onLaptop).toHaveURL(/\/connexion/);

  await onPhone.reload();
  await expect(onPhone).toHaveURL(/\/connexion\?expired=1/);
  await phone.close();
  await laptop.close();
});
