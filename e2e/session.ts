import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";

/** Signs in through the login form and waits for the home page. */
export async function logIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill(login);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/accueil/);
}
