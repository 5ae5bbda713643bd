import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { EMMAS_LATE_DAY, trimesterOf } from "./calendar";
import { logIn } from "./session";

const emma = `${DEMO_ACCOUNTS.student.lastName.toUpperCase()} ${DEMO_ACCOUNTS.student.firstName}`;
const CERTIFICATE = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name }).click();

test("a teacher marks Emma absent; her mother justifies it, vie scolaire accepts, and she sees it justified", async ({ page, context }) => {
  // Four people sign in one after the other.
  test.setTimeout(120_000);
  // Claire takes the roll of her latest French lesson in 4eB that can be taken: today's, or one of the last days.
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await nav(page, "Appel");
  await expect(page.getByRole("heading", { level: 1, name: "Appel" })).toBeVisible();
  await page.getByRole("link", { name: /l'appel — Français 4eB/ }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Français · 4eB" })).toBeVisible();
  const emmaRow = page.getByRole("radiogroup", { name: emma });
  await expect(emmaRow.getByRole("radio", { name: "Présent" })).toBeChecked();
  await emmaRow.getByText("Absent", { exact: true }).click();
  await expect(page.getByText(/^1 absent · /)).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer l'appel" }).click();
  await expect(page.getByText("Appel enregistré.")).toBeVisible();
  await expect(page.getByText(/^Appel fait le .* par Claire Moreau$/)).toBeVisible();

  // Sophie finds the absence and justifies it with a certificate.
  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await nav(page, "Absences");
  await expect(page.getByRole("heading", { name: "Absences et retards : Emma" })).toBeVisible();
  const absence = page.getByRole("listitem").filter({ hasText: /Français · / }).filter({ hasText: "Non justifiée" });
  await absence.getByRole("button", { name: /^Justifier/ }).click();
  await absence.getByLabel("Motif").selectOption({ label: "Maladie" });
  await absence.getByLabel("Commentaire (facultatif)").fill("Fièvre depuis la veille.");
  await absence.getByLabel("Justificatif (facultatif)").setInputFiles({ name: "certificat.pdf", mimeType: "application/pdf", buffer: CERTIFICATE });
  await absence.getByRole("button", { name: "Envoyer la justification" }).click();
  const pending = page.getByRole("listitem").filter({ hasText: "Fièvre depuis la veille." });
  await expect(pending.getByText("Justification en attente")).toBeVisible();

  // Nadia (CPE) sees it to deal with, opens the certificate and accepts it.
  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.cpe.login);
  await nav(page, "Vie scolaire");
  await expect(page.getByRole("heading", { name: "À traiter" })).toBeVisible();
  const toDecide = page.getByRole("listitem").filter({ hasText: "Fièvre depuis la veille." });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    toDecide.getByRole("link", { name: `Voir le justificatif — ${emma}` }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^justificatif-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(readFileSync(await download.path()).equals(CERTIFICATE)).toBe(true);
  await toDecide.getByLabel("Commentaire pour la famille (facultatif)").fill("Merci.");
  await toDecide.getByRole("button", { name: `Accepter — ${emma}` }).click();
  await expect(page.getByText(`Décision enregistrée pour ${emma}.`)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Fièvre depuis la veille." })).toHaveCount(0);

  // Sophie sees the absence justified, with the reason retained.
  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await nav(page, "Absences");
  const justified = page.getByRole("listitem").filter({ hasText: "Fièvre depuis la veille." });
  await expect(justified.getByText("Justifiée", { exact: true })).toBeVisible();
  await expect(justified.getByText("Vie scolaire : Merci.")).toBeVisible();
});

test("a pupil reads her absences and counts, without a way to justify them", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await nav(page, "Absences");
  await page.getByRole("navigation", { name: "Période" }).getByRole("link", { name: trimesterOf(EMMAS_LATE_DAY) }).click();
  await expect(page.getByRole("heading", { name: "Bilan de la période" })).toBeVisible();
  await expect(page.getByText(/1 retard|\d+ retards/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Justifier/ })).toHaveCount(0);
});
