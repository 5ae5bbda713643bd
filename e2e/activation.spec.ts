import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_ACTIVATION_CODE } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

const pupil = DEMO_ACCOUNTS.pending;
const newPassword = "un préau sous la pluie";

test("a pupil activates her account with her code, then signs in with her new password", async ({ page, context }) => {
  await page.goto("/connexion");
  await page.getByRole("link", { name: /Première connexion/ }).click();
  await expect(page.getByRole("heading", { name: "Activer mon compte" })).toBeVisible();
  await page.getByLabel("Identifiant").fill(pupil.login);
  await page.getByLabel("Code d'activation").fill(DEMO_ACTIVATION_CODE.toLowerCase());

  await page.getByLabel("Nouveau mot de passe").fill("azerty123");
  await page.getByLabel("Confirmer le mot de passe").fill("azerty123");
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page.getByText("J'ai lu et j'accepte")).toBeVisible();
  await expect(page.getByText("Vous devez accepter la charte d'utilisation.")).toBeVisible();

  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page.getByText("Ce mot de passe est trop courant")).toBeVisible();

  await page.getByLabel("Nouveau mot de passe").fill(newPassword);
  await page.getByLabel("Confirmer le mot de passe").fill(newPassword);
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page.getByRole("heading", { name: `Bonjour ${pupil.firstName}` })).toBeVisible();

  await context.clearCookies();
  await logIn(page, pupil.login, newPassword);
});
