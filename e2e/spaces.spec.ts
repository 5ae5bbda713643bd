import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

/** Four sign-ins one after the other (each an argon2 check), uploads and downloads: a long test on a busy machine. */
test.describe.configure({ timeout: 180_000 });

/** Unique per run, so that a retry never finds the team, file or assignment of an earlier attempt. */
const stamp = Date.now().toString(36);
const team = `Exposé sur l'eau ${stamp}`;
const fileName = `plan-${stamp}.txt`;
const assignment = `Commentaire de texte ${stamp}`;

const nav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

async function openClassSpace(page: Page, tab?: string) {
  await nav(page).getByRole("link", { name: "Espaces" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Espaces" })).toBeVisible();
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "4eB" })).toBeVisible();
  if (tab) await page.getByRole("navigation", { name: "Rubriques de l'espace" }).getByRole("link", { name: tab }).click();
}

test("claire makes a group-work team in 4eB; emma sees it, shares a file claire downloads, hands in work claire returns", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await openClassSpace(page, "Membres");
  const teamForm = page.locator("form").filter({ has: page.getByRole("heading", { name: "Créer une équipe de travail" }) });
  await teamForm.getByLabel("Nom de l'équipe").fill(team);
  await teamForm.getByLabel("Emma Bernard").check();
  await teamForm.getByLabel("Hugo Petit").check();
  await teamForm.getByRole("button", { name: "Créer l'équipe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: team })).toBeVisible();

  await openClassSpace(page, "Devoirs");
  const setForm = page.locator("form").filter({ has: page.getByRole("heading", { name: "Donner un devoir à rendre" }) });
  await setForm.getByLabel("Titre").fill(assignment);
  await setForm.getByRole("textbox", { name: "Consignes" }).click();
  await page.keyboard.type("Commentez le poème en une page.");
  await setForm.getByLabel("À rendre le").fill("2030-06-14T18:00");
  await setForm.getByRole("button", { name: "Donner le devoir" }).click();
  await expect(page.getByRole("heading", { level: 1, name: assignment })).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await nav(page).getByRole("link", { name: "Espaces" }).click();
  await expect(page.getByRole("link", { name: team })).toBeVisible();
  await openClassSpace(page, "Fichiers");
  const upload = page.locator("form").filter({ has: page.getByRole("heading", { name: "Ajouter un fichier" }) });
  await upload.getByLabel("Fichier").setInputFiles({ name: fileName, mimeType: "text/plain", buffer: Buffer.from("I. L'eau douce\nII. Les océans\n") });
  await upload.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("link", { name: fileName })).toBeVisible();

  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await page.getByRole("link", { name: assignment }).click();
  const work = page.getByRole("region", { name: "Mon travail" });
  await work.getByLabel("Ajouter un fichier").setInputFiles({ name: `copie-${stamp}.txt`, mimeType: "text/plain", buffer: Buffer.from("Le poème parle de la mer.\n") });
  await work.getByRole("button", { name: "Envoyer" }).click();
  await expect(work.getByRole("link", { name: `copie-${stamp}.txt` })).toBeVisible();
  await work.getByRole("button", { name: "Rendre mon travail" }).click();
  await expect(work.getByText(/^Rendu le/)).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await openClassSpace(page, "Fichiers");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: fileName }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  expect(await readFile((await download.path())!, "utf8")).toContain("Les océans");

  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await page.getByRole("link", { name: assignment }).click();
  const emmaRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Bernard Emma" }) });
  await expect(emmaRow.getByText("Rendu", { exact: true })).toBeVisible();
  await emmaRow.getByLabel("Commentaire").fill("Bonne lecture du poème, développez la conclusion.");
  await emmaRow.getByLabel("Note (facultative)").fill("15");
  await emmaRow.getByRole("button", { name: "Rendre la copie" }).click();
  await expect(emmaRow.getByText("Corrigé", { exact: true })).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: assignment }).getByText("Corrigé")).toBeVisible();
  await page.getByRole("link", { name: assignment }).click();
  const returned = page.getByRole("region", { name: "Mon travail" });
  await expect(returned.getByText("Votre travail a été corrigé.")).toBeVisible();
  await expect(returned.getByText("Note : 15 / 20")).toBeVisible();
  await expect(returned.getByText("Bonne lecture du poème, développez la conclusion.")).toBeVisible();
});


test("claire archives a team space: read-only for all, her open document too, listed apart; she restores it", async ({ page, context }) => {
  const chorale = `Chorale ${stamp}`;
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await nav(page).getByRole("link", { name: "Espaces" }).click();
  const create = page.locator("form").filter({ has: page.getByRole("heading", { name: "Créer un espace d'équipe" }) });
  await create.getByLabel("Nom de l'espace").fill(chorale);
  await create.getByRole("button", { name: "Créer l'espace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: chorale })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Rubriques de l'espace" });
  await tabs.getByRole("link", { name: "Documents" }).click();
  await page.getByLabel("Titre du nouveau document").fill("Programme du concert");
  await page.getByRole("button", { name: "Créer le document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Programme du concert" })).toBeVisible();
  const documentPage = await context.newPage();
  await documentPage.goto(page.url());
  const status = documentPage.getByRole("status").filter({ hasText: /Enregistré en direct|Lecture seule/ });
  const editor = documentPage.getByRole("textbox", { name: "Programme du concert" });
  await expect(status).toHaveText("Enregistré en direct");

  await page.getByRole("link", { name: `Retour à l'espace ${chorale}` }).click();
  await tabs.getByRole("link", { name: "Réglages" }).click();
  const details = page.locator("form").filter({ has: page.getByRole("heading", { name: "Nom et description" }) });
  await details.getByLabel("Description (facultative)").fill("Répétitions le mardi");
  await details.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Répétitions le mardi", { exact: true })).toBeVisible();
  await expectAccessible(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Archiver l'espace" }).click();
  await expect(page.getByText("Cet espace est archivé : tout y est en lecture seule.")).toBeVisible();
  await expect(status).toContainText("Lecture seule", { timeout: 20_000 });
  await expect(editor).toHaveAttribute("contenteditable", "false");

  await nav(page).getByRole("link", { name: "Espaces" }).click();
  await expect(page.getByRole("link", { name: "4eB", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: chorale })).toHaveCount(0);
  await page.getByRole("link", { name: /espaces? archivés?$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Espaces archivés" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: chorale }).click();
  await tabs.getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("button", { name: "Créer le document" })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Réglages" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Restaurer l'espace" }).click();
  await expect(page.getByRole("button", { name: "Archiver l'espace" })).toBeVisible();
  await expect(page.getByText("Cet espace est archivé : tout y est en lecture seule.")).toHaveCount(0);
  await expect(status).toHaveText("Enregistré en direct", { timeout: 20_000 });
  await expect(editor).toHaveAttribute("contenteditable", "true");
});

test("the spaces and assignments pages pass axe, for a teacher and for a pupil", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/espaces");
  await expectAccessible(page);
  for (const tab of [undefined, "Documents", "Fichiers", "Devoirs", "Membres"]) {
    await openClassSpace(page, tab);
    await expectAccessible(page);
  }
  await page.getByRole("navigation", { name: "Rubriques de l'espace" }).getByRole("link", { name: "Fichiers" }).click();
  await page.getByRole("link", { name: /Ressources/ }).click();
  await expect(page.getByRole("link", { name: "Méthode de la rédaction.txt" })).toBeVisible();
  await expectAccessible(page);
  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await page.getByRole("link", { name: "Rédaction : un souvenir d'enfance" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Copies" })).toBeVisible();
  await expectAccessible(page);

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await page.goto("/espaces/mes-fichiers");
  await expectAccessible(page);
  await nav(page).getByRole("link", { name: "Devoirs à rendre" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rédaction : un souvenir d'enfance" }).click();
  await expect(page.getByRole("region", { name: "Mon travail" })).toBeVisible();
  await expectAccessible(page);
});
