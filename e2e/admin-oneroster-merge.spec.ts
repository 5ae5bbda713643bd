import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

const FOLDER = "server/imports/fixtures/oneroster";
const ESTABLISHMENT = "Collège des Tests OneRoster";

/** The fixture OneRoster package as an administrator would upload it. */
const oneRosterPackage = () => ({
  name: "oneroster.zip",
  mimeType: "application/zip",
  buffer: Buffer.from(zipSync(Object.fromEntries(readdirSync(FOLDER).map((name) => [name, new Uint8Array(readFileSync(`${FOLDER}/${name}`))])))),
});

test("an administrator imports a OneRoster package, then merges a guardian's duplicate account", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, DEMO_ACCOUNTS.admin.login);

  // an empty establishment whose UAI the package's school carries
  await page.goto("/administration/etablissements");
  await page.getByLabel("UAI").fill("0699992Z");
  await page.getByLabel("Nom").fill(ESTABLISHMENT);
  await page.getByRole("button", { name: "Créer l'établissement" }).click();
  await expect(page.getByRole("rowheader", { name: ESTABLISHMENT })).toBeVisible();
  await page.getByLabel("Changer d'établissement").selectOption({ label: ESTABLISHMENT });
  await expect(page.getByText(`${ESTABLISHMENT} · Administrateur`)).toBeVisible();

  // the package goes through the same dry run as the CSV files, then is applied
  await page.goto("/administration/import");
  await page.getByLabel("Paquet OneRoster (ZIP)").setInputFiles(oneRosterPackage());
  await page.getByRole("button", { name: "Vérifier les fichiers" }).click();
  await expect(page.getByText(/Aucune erreur : \d+ modifications à appliquer/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Appliquer l'import" }).click();
  await expect(page.getByText(/Import terminé : 8 comptes créés/)).toBeVisible();

  // Amélie Colin's account is created a second time by hand
  await page.goto("/administration");
  await page.getByLabel("Prénom").fill("Amélie");
  await page.getByLabel("Nom", { exact: true }).fill("Colin");
  await page.getByLabel("Responsable légal").check();
  await page.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("heading", { name: "Colin Amélie" })).toBeVisible();

  // from the duplicate, the administrator finds the imported account, keeps it, and sees what moves
  await page.getByRole("button", { name: "Chercher", exact: true }).click();
  await page.getByRole("radio", { name: /^Colin Amélie \(/ }).check();
  await page.getByRole("radio", { name: "L'autre compte" }).check();
  await page.getByRole("button", { name: "Voir ce qui sera fusionné" }).click();
  await expect(page.getByText("Profils : une ligne")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Fusionner les deux comptes" }).click();

  // the imported account remains, with its children; the duplicate is gone
  await expect(page.getByText("Les comptes ont été fusionnés.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Colin Amélie" })).toBeVisible();
  await expect(page.getByText(/^Colin (Léa|Théo), Colin (Léa|Théo)$/)).toBeVisible();
  await page.goto("/administration?q=colin+amelie");
  await expect(page.getByRole("link", { name: "Colin Amélie" })).toHaveCount(1);
});
