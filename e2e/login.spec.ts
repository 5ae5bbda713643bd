import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** Each profile of the demo school signs in and lands on its own home. */
const HOMES = [
  { account: DEMO_ACCOUNTS.student, role: "Élève", sees: "Votre classe" },
  { account: DEMO_ACCOUNTS.guardian, role: "Responsable légal", sees: "Vos enfants" },
  { account: DEMO_ACCOUNTS.leadTeacher, role: "Enseignant", sees: "Professeur principal de 4eB" },
  { account: DEMO_ACCOUNTS.teacherParent, role: "Enseignant", sees: "Vos enfants" },
  { account: DEMO_ACCOUNTS.direction, role: "Direction", sees: "L'établissement" },
  { account: DEMO_ACCOUNTS.cpe, role: "Vie scolaire", sees: "L'établissement" },
  { account: DEMO_ACCOUNTS.secretariat, role: "Secrétariat", sees: "L'établissement" },
  { account: DEMO_ACCOUNTS.agent, role: "Agent", sees: "Vos profils dans cet établissement" },
  { account: DEMO_ACCOUNTS.admin, role: "Administrateur", sees: "L'établissement" },
  { account: DEMO_ACCOUNTS.ecoleDirection, role: "Direction", sees: "L'établissement" },
];

for (const { account, role, sees } of HOMES) {
  test(`${account.login} (${role}) lands on their home`, async ({ page }) => {
    await logIn(page, account.login);
    await expect(page.getByRole("heading", { level: 1, name: `Bonjour ${account.firstName}` })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(role);
    await expect(page.getByRole("heading", { name: sees }).or(page.getByText(sees)).first()).toBeVisible();
  });
}

test("the demo list fills the form with one click", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByRole("button", { name: `Utiliser ce compte ${DEMO_ACCOUNTS.cpe.login}` }).click();
  await expect(page.getByLabel("Identifiant")).toHaveValue(DEMO_ACCOUNTS.cpe.login);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: `Bonjour ${DEMO_ACCOUNTS.cpe.firstName}` })).toBeVisible();
});

test("a wrong password gives a clear error and no session", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill(DEMO_ACCOUNTS.otherTeacher.login);
  await page.getByLabel("Mot de passe").fill("not-the-password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Identifiant ou mot de passe incorrect." })).toBeVisible();
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/connexion/);
});

test("a disabled account is refused", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant").fill(DEMO_ACCOUNTS.disabled.login);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ce compte est désactivé" })).toBeVisible();
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/connexion/);
});

test("logout ends the session on the server", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.secretariat.login);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  // Replaying the old cookie does not bring the session back: the server revoked it.
  await context.addCookies(cookies);
  await page.goto("/accueil");
  await expect(page).toHaveURL(/\/connexion\?expired=1/);
  await expect(page.getByText("Votre session a pris fin")).toBeVisible();
});

test("the login page speaks English on request", async ({ page }) => {
  await page.goto("/connexion");
  await page.getByLabel("Langue").selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
