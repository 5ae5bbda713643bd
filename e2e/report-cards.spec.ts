import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { logIn } from "./session";

const SUBJECT_APPRECIATION = "Trimestre très réussi : Emma lit beaucoup et rédige avec soin.";
const GENERAL_APPRECIATION = "Excellent trimestre, félicitations du conseil de classe.";

test("teachers write appréciations, direction validates and publishes 4eB, the guardian reads and downloads Emma's bulletin", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  // The demo's bulletins in progress are the first trimester's, whatever period bulletins open on today.
  const firstTerm = () => page.getByRole("navigation", { name: "Période" }).getByRole("link", { name: "1er trimestre" }).click();

  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await nav.getByRole("link", { name: "Notes" }).click();
  await page.getByRole("link", { name: "Français · 4eB" }).click();
  await page.getByRole("link", { name: "Appréciations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appréciations · Français · 4eB" })).toBeVisible();
  await firstTerm();
  await expect(page).toHaveURL(/periode=/);
  const emmaRow = page.getByRole("listitem").filter({ hasText: "BERNARD Emma" });
  await emmaRow.getByLabel("Appréciation pour BERNARD Emma").fill(SUBJECT_APPRECIATION);
  await expect(emmaRow.getByText("Enregistré")).toBeVisible();

  await nav.getByRole("link", { name: "Bulletins" }).click();
  await page.getByRole("link", { name: "Conseil de classe · 4eB" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conseil de classe · 4eB" })).toBeVisible();
  await firstTerm();
  await expect(page).toHaveURL(/periode=/);
  const emmaCard = page.getByRole("article", { name: "BERNARD Emma" });
  await expect(emmaCard.getByRole("row", { name: /Français/ })).toContainText(SUBJECT_APPRECIATION);
  await emmaCard.getByLabel("Appréciation générale pour BERNARD Emma").fill(GENERAL_APPRECIATION);
  await expect(emmaCard.getByText("Enregistré")).toBeVisible();

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await nav.getByRole("link", { name: "Bulletins" }).click();
  await firstTerm();
  await expect(page).toHaveURL(/periode=/);
  const classRow = page.getByRole("row", { name: /Conseil de classe de 4eB/ });
  await expect(classRow).toContainText("En préparation");
  await classRow.getByRole("button", { name: "Valider les bulletins de 4eB" }).click();
  await expect(classRow).toContainText("Validés");
  page.once("dialog", (dialog) => void dialog.accept());
  await classRow.getByRole("button", { name: "Publier les bulletins de 4eB" }).click();
  await expect(classRow).toContainText("Publiés");

  await context.clearCookies();
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await nav.getByRole("link", { name: "Bulletins" }).click();
  // The home page has a child switch too: wait for the bulletins' page before choosing Emma.
  await expect(page).toHaveURL(/\/bulletins/);
  await page.getByRole("navigation", { name: "Choisir l'enfant" }).getByRole("link", { name: /Emma/ }).click();
  const bulletin = page.getByRole("article", { name: "Bulletin du 1er trimestre" });
  await expect(bulletin).toContainText("BERNARD Emma");
  await expect(bulletin.getByRole("row", { name: /Français/ })).toContainText(SUBJECT_APPRECIATION);
  await expect(bulletin).toContainText(GENERAL_APPRECIATION);

  const link = page.getByRole("link", { name: "Télécharger le bulletin (PDF)" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("bulletin-4eB-BERNARD-Emma-trimestre-1.pdf");
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("a pupil cannot open her class's conseil de classe nor its PDF", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.classmate.login);
  await page.goto("/annuaire");
  const classHref = await page.getByRole("link", { name: "4eB", exact: true }).getAttribute("href");
  const classId = classHref!.split("/").at(-1)!;
  await page.goto(`/bulletins/classe/${classId}`);
  await expect(page.getByText("Vous n'avez pas accès à cette ressource.")).toBeVisible();
  // Whatever the period: the class itself is refused before the period is looked at.
  const classPdf = await page.request.get(`/api/bulletins/classe/${classId}/00000000-0000-4000-8000-000000000000`);
  expect(classPdf.status()).toBe(403);
});
