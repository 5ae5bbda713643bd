import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

const emma = DEMO_ACCOUNTS.student;
const hugo = DEMO_ACCOUNTS.classmate;
const rowName = (account: { firstName: string; lastName: string }) =>
  `${account.lastName.toUpperCase()} ${account.firstName}`;

test("a teacher marks a class in the grid and publishes; the guardian then sees the mark", async ({ page, context }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  await page.getByRole("link", { name: "Français · 4eB" }).click();

  await page.getByLabel("Intitulé").fill("Récitation : La Fontaine");
  await page.getByLabel("Noté sur").fill("20");
  await page.getByRole("button", { name: "Créer et saisir les notes" }).click();
  await expect(page.getByRole("heading", { name: "Récitation : La Fontaine — sur 20" })).toBeVisible();

  const emmaCell = page.getByLabel(`Note de ${rowName(emma)}`);
  await emmaCell.fill("16,5");
  await emmaCell.press("Enter");
  await expect(emmaCell).not.toBeFocused();
  const emmaRow = page.getByRole("row", { name: new RegExp(rowName(emma)) });
  await expect(emmaRow.getByText("Enregistré")).toBeVisible();

  const hugoCell = page.getByLabel(`Note de ${rowName(hugo)}`);
  await hugoCell.fill("25");
  await expect(page.getByText("La note dépasse le barème.")).toBeVisible();
  await hugoCell.fill("abs");
  await hugoCell.press("Enter");
  await expect(page.getByRole("row", { name: new RegExp(rowName(hugo)) }).getByText("Enregistré")).toBeVisible();
  await expect(page.getByText("Moyenne de la classe 16,5 · min 16,5 · max 16,5")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Publier pour les élèves et les familles" }).click();
  await expect(page.getByText("Publiée : visible des élèves et des familles")).toBeVisible();

  await page.getByRole("link", { name: "Retour aux évaluations" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter les notes de la période (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("notes-4eB-Francais.csv");
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv).toContain("Récitation : La Fontaine (");
  expect(csv).toMatch(new RegExp(`${emma.lastName};${emma.firstName};.*16,5`));

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await expect(page.getByRole("heading", { name: "Dernières notes" }).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notes" })).toBeVisible();
  await page.getByRole("navigation", { name: "Choisir l'enfant" }).getByRole("link", { name: /Emma/ }).click();
  await expect(page).toHaveURL(/\/notes\?enfant=/);
  const french = page.getByRole("region", { name: "Français" });
  await expect(french.getByRole("row", { name: /Récitation : La Fontaine/ })).toContainText("16,5/20");
  await expect(page.getByText("Moyenne générale")).toBeVisible();
});

test("a pupil sees her report, and her classmates only by name", async ({ page }) => {
  await logIn(page, emma.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Notes" }).click();
  await expect(page.getByText("Moyenne générale")).toBeVisible();
  // the demo's marks are the first trimester's (another test may publish one in the running period)
  await page.getByRole("navigation", { name: "Période" }).getByRole("link", { name: "1er trimestre" }).click();
  await expect(page.getByRole("region", { name: "Mathématiques" })).toBeVisible();

  await page.goto("/annuaire");
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await expect(page.getByText(rowName(hugo))).toBeVisible();
  await expect(page.getByRole("link", { name: rowName(hugo) })).toHaveCount(0);
});
