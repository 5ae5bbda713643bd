import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible, PHONE } from "./accessibility";
import { DEMO_WEEK, EMMAS_ABSENCE_DAY, dayHeading, trimesterOf } from "./calendar";
import { logIn } from "./session";

/**
 * WCAG 2.1 AA, checked by axe on every page on a desktop, and on a phone for the PHONE tests. An axe run takes a few
 * seconds.
 */
test.describe.configure({ timeout: 90_000 });

test("public pages", PHONE, async ({ page }) => {
  for (const path of ["/connexion", "/activation", "/charte"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("a guardian's pages", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await expectAccessible(page);
  await page.goto("/annuaire");
  await expectAccessible(page);
  await page.goto("/compte");
  await expectAccessible(page);
  await page.goto("/notes");
  await expectAccessible(page);
  await page.goto("/bulletins");
  await expectAccessible(page);
  await page.goto("/travail");
  await page.getByRole("navigation", { name: "Choisir l'enfant" }).getByRole("link", { name: /Emma/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Travail à faire · Emma" })).toBeVisible();
  await expectAccessible(page);
});

test("a pupil's homework and cahier de textes", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await page.goto("/travail");
  await expect(page.getByRole("heading", { level: 1, name: "Travail à faire" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/travail?vue=cahier");
  await expectAccessible(page);
});

test("a teacher's cahier de textes", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/cahier-de-textes");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Cahier de textes de la 4eB" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cahier de textes de la 4eB" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/cahier-de-textes");
  await page.getByRole("link", { name: /Français · 4eB/ }).first().click();
  await expect(page.getByRole("textbox", { name: "Contenu de la séance" })).toBeVisible();
  await expectAccessible(page);
});

test("a teacher's pages", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await expectAccessible(page);
  await page.goto("/annuaire");
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Classe de 4eB" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /BERNARD Emma/ }).click();
  await expect(page.getByRole("heading", { name: "Emma Bernard" })).toBeVisible();
  await expectAccessible(page);
});

test("a teacher's marks pages", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/annuaire");
  await page.getByRole("link", { name: "4eB", exact: true }).click();
  await page.getByRole("link", { name: /BERNARD Emma/ }).click();
  await page.getByRole("link", { name: "Relevé de notes" }).click();
  await expect(page.getByText("Moyenne générale")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/notes");
  await page.getByRole("link", { name: "Français · 4eB" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Rédaction : portrait" }).click();
  await expect(page.getByRole("heading", { name: /Rédaction : portrait/ })).toBeVisible();
  await expectAccessible(page);
});

test("a guardian's absences page, justifying", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await page.goto("/absences");
  await page.getByRole("navigation", { name: "Période" }).getByRole("link", { name: trimesterOf(EMMAS_ABSENCE_DAY) }).click();
  await page.getByRole("button", { name: /^Justifier/ }).first().click();
  await expect(page.getByRole("button", { name: "Envoyer la justification" })).toBeVisible();
  await expectAccessible(page);
});

test("a pupil's absences page", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.student.login);
  await page.goto("/absences");
  await expect(page.getByRole("heading", { name: "Bilan de la période" })).toBeVisible();
  await expectAccessible(page);
});

test("a teacher's roll calls and a roll call", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/appel");
  await expectAccessible(page);
  await page.getByRole("link", { name: /l'appel — Français 4eB/ }).last().click();
  await expect(page.getByRole("button", { name: "Enregistrer l'appel" })).toBeVisible();
  await page.getByRole("radiogroup").first().getByText("Retard", { exact: true }).click();
  await expectAccessible(page);
});

test("vie scolaire's desk", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.cpe.login);
  await page.goto("/vie-scolaire");
  await expect(page.getByRole("heading", { name: "À traiter" })).toBeVisible();
  await expectAccessible(page);
});

test("bulletins: a teacher's appréciations and the conseil de classe", async ({ page }) => {
  // The conseil de classe holds every pupil's bulletin: axe takes its time over it.
  test.setTimeout(180_000);
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/bulletins");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Appréciations · Français · 4eB" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appréciations · Français · 4eB" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/bulletins");
  await page.getByRole("link", { name: "Conseil de classe · 4eB" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conseil de classe · 4eB" })).toBeVisible();
  await expectAccessible(page);
});

test("bulletins: direction's classes", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/bulletins");
  await expect(page.getByRole("heading", { name: "Bulletins par classe" })).toBeVisible();
  await expectAccessible(page);
});

test("the timetable's pages", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await page.goto(`/emploi-du-temps?semaine=${DEMO_WEEK}`);
  await expectAccessible(page);
  // another test may have made this guardian's link already: a new one replaces it
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /Créer mon lien d'abonnement|Générer un nouveau lien/ }).click();
  await expect(page.getByLabel("Lien d'abonnement (iCalendar)")).toBeVisible();
  await expectAccessible(page);
});

test("a teacher's timetable and the note on their own lesson", PHONE, async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto(`/emploi-du-temps?semaine=${DEMO_WEEK}`);
  await expectAccessible(page);
  await page.getByRole("region", { name: new RegExp(dayHeading(DEMO_WEEK)) }).getByRole("button").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page);
});

test("the timetable's management pages", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/emploi-du-temps/gestion");
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Modifier/ }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/emploi-du-temps/gestion/evenements");
  await expectAccessible(page);
  await page.goto("/emploi-du-temps/gestion/import");
  await page.getByLabel("Fichier CSV").setInputFiles({
    name: "edt.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("jour;debut;fin;matiere;enseignants;classe\nlundi;25h;9h;MATHS;prof.inconnu;4eZ\n"),
  });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByText("Résultat de la vérification")).toBeVisible();
  await expectAccessible(page);
});
