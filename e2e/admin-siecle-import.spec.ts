import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

const FOLDER = "server/imports/fixtures/siecle";
/** The UAI the fixtures' SIECLE exports name (PARAMETRES/UAJ). */
const UAI = "0699990X";
const ESTABLISHMENT = "Collège des Tests SIECLE";

/** What SIECLE's spreadsheet export looks like to a browser: an OLE compound file, as .xls workbooks are. */
const workbook = () => {
  const buffer = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buffer);
  return { name: "export_siecle.xls", mimeType: "application/vnd.ms-excel", buffer };
};

test("a collège imports its pupils and legal guardians from SIECLE's XML exports", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, DEMO_ACCOUNTS.admin.login);

  // an empty establishment with the UAI the exports carry
  await page.goto("/administration/etablissements");
  await page.getByLabel("UAI").fill(UAI);
  await page.getByLabel("Nom").fill(ESTABLISHMENT);
  await page.getByRole("button", { name: "Créer l'établissement" }).click();
  await expect(page.getByRole("rowheader", { name: ESTABLISHMENT })).toBeVisible();
  await page.getByLabel("Changer d'établissement").selectOption({ label: ESTABLISHMENT });
  await expect(page.getByText(`${ESTABLISHMENT} · Administrateur`)).toBeVisible();

  // the page says which files it takes; a workbook is refused with how to export it instead
  await page.goto("/administration/import");
  await expect(page.getByText(/export XML de SIECLE \(ElevesSansAdresses\.xml ou ElevesAvecAdresses\.xml, ResponsablesAvecAdresses\.xml\)/)).toBeVisible();
  await page.getByLabel("Élèves").setInputFiles(workbook());
  await page.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(page.getByText(/classeur de tableur .* enregistrez-le au format « CSV UTF-8 »/)).toBeVisible();

  // the XML exports go through the same dry run, each line naming its element
  await page.getByLabel("Élèves").setInputFiles(`${FOLDER}/ElevesAvecAdresses.xml`);
  await page.getByLabel("Responsables légaux").setInputFiles(`${FOLDER}/ResponsablesAvecAdresses.xml`);
  await page.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(page.getByText("Aucune erreur : 6 modifications à appliquer.")).toBeVisible();
  await expect(page.getByText(/Élèves : export XML de SIECLE, 3 personnes, ISO-8859-15 \(un élève sorti de l'établissement laissé de côté\)/)).toBeVisible();
  await expect(page.getByText(/3 personnes qui ne sont responsables légaux d'aucun élève laissées de côté/)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: '<ELEVE ELEVE_ID="4100001">' })).toBeVisible();
  await expect(page.getByRole("cell", { name: "LECŒUR Noémie" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await expect(page.getByText(/Import terminé : 6 comptes créés/)).toBeVisible();
});

test("the école's administrator, an ordinary one, is refused the installation's establishments", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.ecoleAdmin.login);
  await page.goto("/administration");
  await expect(page.getByRole("link", { name: "Imports", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Établissements" })).toHaveCount(0);
  const response = await page.goto("/administration/etablissements");
  expect(response?.status()).toBe(403);
});
