import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

/** Two sign-ins, a team, a document and a live connection: more than the default 30 s on a busy machine. */
test.describe.configure({ timeout: 120_000 });

/** Unique per attempt, so that a retry never finds the team of an earlier one. */
const stamp = Date.now().toString(36);
const team = `Journal de bord ${stamp}`;

const nav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });
const spaceTab = (page: Page, name: string) => page.getByRole("navigation", { name: "Rubriques de l'espace" }).getByRole("link", { name });

test("a pupil writing in a team's document is made a reader, then taken out of the team: his open editor follows at once", async ({ browser }) => {
  const claire = await (await browser.newContext()).newPage();
  await logIn(claire, DEMO_ACCOUNTS.leadTeacher.login);
  await nav(claire).getByRole("link", { name: "Espaces" }).click();
  await claire.getByRole("link", { name: "4eB", exact: true }).click();
  await spaceTab(claire, "Membres").click();
  const teamForm = claire.locator("form").filter({ has: claire.getByRole("heading", { name: "Créer une équipe de travail" }) });
  await teamForm.getByLabel("Nom de l'équipe").fill(team);
  await teamForm.getByLabel("Hugo Petit").check();
  await teamForm.getByLabel("Emma Bernard").check();
  await teamForm.getByRole("button", { name: "Créer l'équipe" }).click();
  await expect(claire.getByRole("heading", { level: 1, name: team })).toBeVisible();
  await spaceTab(claire, "Documents").click();
  await claire.getByLabel("Titre du nouveau document").fill("Carnet de bord");
  await claire.getByRole("button", { name: "Créer le document" }).click();
  await expect(claire.getByRole("heading", { level: 1, name: "Carnet de bord" })).toBeVisible();
  const documentUrl = claire.url();

  const hugo = await (await browser.newContext()).newPage();
  await logIn(hugo, DEMO_ACCOUNTS.classmate.login);
  await hugo.goto(documentUrl);
  const status = hugo.getByRole("status").filter({ hasText: /Enregistré en direct|Lecture seule|plus accès/ });
  const editor = hugo.getByRole("textbox", { name: "Carnet de bord" });
  await expect(status).toHaveText("Enregistré en direct");
  await editor.click();
  await hugo.keyboard.type(`Jour 1 ${stamp}.`);
  await expect(editor).toContainText(`Jour 1 ${stamp}.`);

  await spaceTab(claire, "Membres").click();
  await claire.getByLabel("Rôle de Hugo Petit").selectOption({ label: "Lecteur" });
  await expect(status).toContainText("Lecture seule", { timeout: 20_000 });
  await expect(editor).toHaveAttribute("contenteditable", "false");
  await expect(editor).toContainText(`Jour 1 ${stamp}.`);

  claire.once("dialog", (dialog) => void dialog.accept());
  await claire.getByRole("button", { name: "Retirer — Hugo Petit" }).click();
  await expect(hugo.getByRole("status").filter({ hasText: "Vous n'avez plus accès à ce document" })).toBeVisible({ timeout: 20_000 });
  await expect(editor).toHaveAttribute("contenteditable", "false");
});
