import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { addDays, isoDate } from "@/server/calendar/days";
import { DEMO_WEEK, dayHeading, dayOf, pastSchoolWeek, schoolWeekAhead, weekTitle } from "./calendar";
import { logIn } from "./session";

/** The demo's changes are in 4eB in its week; the direction cancels a lesson of a week nothing else changes. */
const LATER_WEEK = schoolWeekAhead(4);

const day = (page: Page, name: RegExp) => page.getByRole("region", { name });

/** Each test signs in once or twice on a production build shared with the other browser tests. */
test.describe.configure({ timeout: 90_000 });

test("a guardian sees Emma's week with its changes highlighted, and subscribes to it in her calendar", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.guardian.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Emploi du temps" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Emploi du temps" })).toBeVisible();
  await page.goto(`/emploi-du-temps?semaine=${DEMO_WEEK}`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`Emma.*${weekTitle(DEMO_WEEK)} · Semaine [AB]`) })).toBeVisible();

  const tuesday = day(page, new RegExp(dayHeading(dayOf(DEMO_WEEK, 1))));
  const cancelled = tuesday.getByRole("listitem").filter({ hasText: "Annulé" });
  await expect(cancelled).toContainText("Mathématiques");
  await expect(cancelled).toContainText("Professeur absent");
  await expect(day(page, new RegExp(dayHeading(dayOf(DEMO_WEEK, 3)))).getByText("Salle modifiée")).toBeVisible();
  await expect(day(page, new RegExp(dayHeading(dayOf(DEMO_WEEK, 4)))).getByText(/Remplacé par/)).toBeVisible();

  await page.getByRole("link", { name: /Lucas/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Lucas/ })).toBeVisible();

  // the accessibility test may have made this guardian's link already: a new one then replaces it
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /Créer mon lien d'abonnement|Générer un nouveau lien/ }).click();
  const url = await page.getByLabel("Lien d'abonnement (iCalendar)").inputValue();
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("SUMMARY:Emma · ");
  expect((await page.request.get(url.replace(/.{6}\.ics$/, "AAAAAA.ics"))).status()).toBe(404);
});

test("the direction cancels a lesson, and the pupil sees it cancelled", async ({ page, browser }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/emploi-du-temps");
  await page.getByLabel("Emploi du temps affiché").selectOption({ label: "4eB" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Classe 4eB/ })).toBeVisible();
  await page.goto(`${page.url()}${page.url().includes("?") ? "&" : "?"}semaine=${LATER_WEEK}`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`Classe 4eB.*${weekTitle(LATER_WEEK)}`) })).toBeVisible();

  const monday = new RegExp(dayHeading(LATER_WEEK));
  const lesson = day(page, monday).getByRole("button").first();
  const subject = (await lesson.locator("span").first().textContent())!;
  await lesson.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Cours annulé").check();
  await dialog.getByLabel("Message pour la classe").fill("Sortie pédagogique");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  const changed = day(page, monday).getByRole("listitem").filter({ hasText: "Sortie pédagogique" });
  await expect(changed).toContainText("Annulé");

  const pupil = await browser.newPage();
  await logIn(pupil, DEMO_ACCOUNTS.student.login);
  await pupil.goto(`/emploi-du-temps?semaine=${LATER_WEEK}`);
  const seen = day(pupil, monday).getByRole("listitem").filter({ hasText: "Sortie pédagogique" });
  await expect(seen).toContainText(subject);
  await expect(seen).toContainText("Annulé");
  await pupil.close();
});

test("the direction imports a timetable file: the dry run shows the wrong line, the fixed file imports", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/emploi-du-temps/gestion/import");
  const csv = (teacher: string) =>
    Buffer.from(`jour;debut;fin;matiere;enseignants;classe\nsamedi;09:00;10:00;MATHS;${teacher};5eA\nsamedi;10h;11h;FRANC;;5eA\n`);
  const file = page.getByLabel("Fichier CSV");
  await file.setInputFiles({ name: "edt.csv", mimeType: "text/csv", buffer: csv("prof.inconnu") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByText("2 lignes lues, 1 ligne en erreur")).toBeVisible();
  const wrong = page.getByRole("row", { name: /^2 / });
  await expect(wrong).toContainText("Enseignant inconnu : « prof.inconnu »");
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);

  await file.setInputFiles({ name: "edt.csv", mimeType: "text/csv", buffer: csv(DEMO_ACCOUNTS.teacherParent.login) });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByText("2 lignes lues, aucune erreur.")).toBeVisible();
  await page.getByRole("button", { name: "Importer 2 cours" }).click();
  await expect(page.getByText("Import terminé : 2 cours créés")).toBeVisible();

  await page.getByRole("link", { name: "Cours et séances" }).click();
  await page.getByLabel("Classe ou groupe").selectOption({ label: "5eA" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("row").filter({ hasText: "samedi" })).toHaveCount(2);
});

test("the direction moves a lesson that has begun: its past stays as it was, the coming weeks follow", async ({ page }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/emploi-du-temps/gestion");
  await page.getByLabel("Classe ou groupe").selectOption({ label: "3eA" });
  await page.getByRole("button", { name: "Afficher" }).click();
  const mondayMorning = page.getByRole("row").filter({ hasText: "lundi" }).filter({ hasText: "08:00 – 09:00" });
  const subject = (await mondayMorning.getByRole("rowheader").textContent())!.trim();

  // 3eA's Monday 8 o'clock lesson moves to the end of the afternoon from today
  await mondayMorning.getByRole("button", { name: /^Modifier/ }).click();
  const dialog = page.getByRole("dialog", { name: "Modifier le cours" });
  await expect(dialog.getByText(/Ce cours a déjà eu lieu/)).toBeVisible();
  await dialog.getByLabel("Début").fill("17:00");
  await dialog.getByLabel("Fin").fill("18:00");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toHaveText("Cours enregistré.");
  await expect(page.getByRole("row").filter({ hasText: "17:00 – 18:00" })).toContainText(subject);
  // the lesson it was ended yesterday: out of the way, and there for the record
  await expect(mondayMorning).toHaveCount(0);
  await page.getByLabel(/Afficher les cours terminés/).check();
  const yesterday = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${addDays(isoDate(new Date()), -1)}T12:00:00Z`));
  await expect(mondayMorning).toContainText(`au ${yesterday}`);
  await expect(mondayMorning.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);

  await page.goto("/emploi-du-temps");
  await page.getByLabel("Emploi du temps affiché").selectOption({ label: "3eA" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Classe 3eA/ })).toBeVisible();
  const shown = page.url();
  const weekOf = (monday: string) => `${shown}${shown.includes("?") ? "&" : "?"}semaine=${monday}`;
  const lessonAt = (monday: string, time: string) =>
    day(page, new RegExp(dayHeading(monday))).getByRole("listitem").filter({ hasText: subject }).filter({ hasText: time });

  const coming = schoolWeekAhead(1);
  await page.goto(weekOf(coming));
  await expect(lessonAt(coming, "17:00")).toBeVisible();
  await expect(lessonAt(coming, "08:00")).toHaveCount(0);
  const past = pastSchoolWeek();
  await page.goto(weekOf(past));
  await expect(lessonAt(past, "08:00")).toBeVisible();
  await expect(lessonAt(past, "17:00")).toHaveCount(0);
});
