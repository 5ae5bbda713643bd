import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

const fixture = (name: string) => `server/imports/fixtures/${name}`;
const ESTABLISHMENT = "Collège Jean Moulin";

/** The text a PDF draws: pdfkit compresses each page's content stream and writes text runs as hex WinAnsi codes. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const pages = [...source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map(([, body]) => {
    try {
      return inflateSync(Buffer.from(body, "latin1")).toString("latin1");
    } catch {
      return "";
    }
  });
  return pages
    .flatMap((page) => [...page.matchAll(/\[([^\]]*)\] TJ/g)])
    .map(([, run]) => [...run.matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => Buffer.from(hex, "hex").toString("latin1")).join(""))
    .join("\n");
}

test("an administrator imports a new establishment's accounts, prints the letters, and a pupil activates hers", async ({ page, context }) => {
  test.setTimeout(120_000);
  await logIn(page, DEMO_ACCOUNTS.admin.login);

  // the super-administrator creates an empty establishment, with its UAI's digits swapped and as a lycée
  await page.goto("/administration/etablissements");
  await page.getByLabel("UAI").fill("0699867K");
  await page.getByLabel("Nom").fill(ESTABLISHMENT);
  await page.getByLabel("Type").selectOption({ label: "Lycée" });
  await page.getByLabel("Ville").fill("Vénissieux");
  await page.getByRole("button", { name: "Créer l'établissement" }).click();
  await expect(page.getByRole("rowheader", { name: ESTABLISHMENT })).toBeVisible();

  // and corrects it: a UAI too short or another establishment's is refused as at creation, then the right one is kept
  await page.getByRole("button", { name: `Modifier ${ESTABLISHMENT}` }).click();
  const correction = page.getByRole("form", { name: `Corriger les informations de ${ESTABLISHMENT}` });
  await correction.getByLabel("UAI").fill("069987");
  await correction.getByRole("button", { name: "Enregistrer les corrections" }).click();
  await expect(correction.getByText("Format invalide.")).toBeVisible();
  await expectAccessible(page);
  await correction.getByLabel("UAI").fill("0691234A");
  await correction.getByRole("button", { name: "Enregistrer les corrections" }).click();
  await expect(correction.getByRole("alert")).toHaveText("Un établissement porte déjà cet UAI.");
  await correction.getByLabel("UAI").fill("0699876K");
  await correction.getByLabel("Type").selectOption({ label: "Collège" });
  await correction.getByRole("button", { name: "Enregistrer les corrections" }).click();
  await expect(correction.getByRole("status")).toHaveText("Informations de l'établissement enregistrées.");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: ESTABLISHMENT, exact: true }) });
  await expect(row.getByRole("cell", { name: "0699876K", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Collège", exact: true })).toBeVisible();
  await page.getByLabel("Changer d'établissement").selectOption({ label: ESTABLISHMENT });
  await expect(page.getByText(`${ESTABLISHMENT} · Administrateur`)).toBeVisible();

  // the dry run shows the guardians file's mistakes, and nothing can be applied
  await page.goto("/administration/import");
  await page.getByLabel("Élèves").setInputFiles(fixture("eleves.csv"));
  await page.getByLabel("Responsables légaux").setInputFiles(fixture("responsables-erreurs.csv"));
  await page.getByLabel("Enseignants").setInputFiles(fixture("enseignants.csv"));
  await page.getByLabel("Personnels").setInputFiles(fixture("personnels.csv"));
  await page.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(page.getByText("3 lignes contiennent des erreurs")).toBeVisible();
  await expect(page.getByText("Élève inconnu : PRE-E099.")).toBeVisible();
  await expect(page.getByText("Identifiant déjà présent à la ligne 2.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Appliquer l'import" })).toHaveCount(0);

  // the corrected file passes, and applying creates every account
  await page.getByLabel("Responsables légaux").setInputFiles(fixture("responsables.csv"));
  await page.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(page.getByText(/Aucune erreur : 14 modifications à appliquer/)).toBeVisible();
  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await expect(page.getByText(/Import terminé : 14 comptes créés/)).toBeVisible();

  // the letters of 6eA carry each pupil's identifiant and a fresh code
  await page.getByRole("link", { name: "Imprimer les lettres d'activation" }).click();
  await page.getByLabel("Classe").selectOption({ label: "6eA" });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Imprimer les lettres" }).click();
  const letters = pdfText(readFileSync(await (await download).path()));
  await expect(page.getByText("5 lettres prêtes")).toBeVisible();
  // identifiants are unique across the installation: another establishment's Léa Colin (the OneRoster journey imports
  // one) makes hers lea.colin2, so her letter tells which
  const [, login, code] = /Bonjour COLIN Léa,[\s\S]*?Identifiant\n(\S+)\n(?:Code d'activation\n)?([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(letters) ?? [];
  expect(code, letters).toBeTruthy();
  expect(login).toMatch(/^lea\.colin\d*$/);

  // Léa activates her account with the code of her letter
  await context.clearCookies();
  await page.goto("/activation");
  await page.getByLabel("Identifiant").fill(login!);
  await page.getByLabel("Code d'activation").fill(code!);
  await page.getByLabel("Nouveau mot de passe").fill("un préau sous la pluie");
  await page.getByLabel("Confirmer le mot de passe").fill("un préau sous la pluie");
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole("button", { name: "Activer mon compte" }).click();
  await expect(page.getByRole("heading", { name: "Bonjour Léa" })).toBeVisible();
});


test("the administration pages and Mes données pass axe", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, DEMO_ACCOUNTS.admin.login);
  for (const path of ["/administration?q=bernard", "/administration/lettres", "/administration/reglages", "/administration/journal", "/administration/etablissements", "/mes-donnees"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto("/administration?q=emma");
  await page.getByRole("link", { name: "Bernard Emma" }).click();
  await expect(page.getByRole("heading", { name: "Bernard Emma" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/administration/import");
  await page.getByLabel("Responsables légaux").setInputFiles(fixture("responsables-erreurs.csv"));
  await page.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(page.getByText(/lignes? contien/)).toBeVisible();
  await expectAccessible(page);
});

test("a pupil is refused the administration", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  const response = await page.goto("/administration");
  expect(response?.status()).toBe(403);
});
