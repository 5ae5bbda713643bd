import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { dayHeading, dayOf, DEMO_WEEK_AFTER_NEXT, weekTitle } from "./calendar";
import { logIn } from "./session";

/** A school event narrowed to a profile: in the agenda of the people of that profile only. */
const WEEK = DEMO_WEEK_AFTER_NEXT;
const TUESDAY = dayOf(WEEK, 1);
const TITLE = "Conseil pédagogique";

const day = (page: Page, name: RegExp) => page.getByRole("region", { name });

// three people sign in, one after the other
test.describe.configure({ timeout: 180_000 });

test("the direction schedules a meeting for teachers only: a teacher sees it in her week, a guardian does not", async ({ page, browser }) => {
  await logIn(page, DEMO_ACCOUNTS.direction.login);
  await page.goto("/emploi-du-temps/gestion/evenements");
  await expect(page.getByRole("heading", { level: 2, name: "Nouvel événement" })).toBeVisible();
  await page.getByLabel("Type").selectOption({ label: "Réunion" });
  await page.getByLabel("Intitulé").fill(TITLE);
  await page.getByLabel("Lieu").fill("Salle des professeurs");
  await page.getByLabel("Date de début").fill(TUESDAY);
  await page.getByLabel("Début", { exact: true }).fill("17:00");
  await page.getByLabel("Date de fin").fill(TUESDAY);
  await page.getByLabel("Fin", { exact: true }).fill("18:30");
  await page.getByLabel("Tout l'établissement").check();
  await page.getByRole("group", { name: "Profils" }).getByLabel("Enseignant").check();
  await expectAccessible(page, "new event for teachers");
  await page.getByRole("button", { name: "Créer l'événement" }).click();
  await expect(page.getByRole("status")).toHaveText("Événement enregistré.");
  await expect(page.getByRole("listitem").filter({ hasText: TITLE })).toContainText("Seulement : Enseignant");

  const teacher = await browser.newPage();
  await logIn(teacher, DEMO_ACCOUNTS.leadTeacher.login);
  await teacher.goto(`/emploi-du-temps?semaine=${WEEK}`);
  await expect(teacher.getByRole("heading", { level: 2, name: new RegExp(weekTitle(WEEK)) })).toBeVisible();
  await expect(day(teacher, new RegExp(dayHeading(TUESDAY)))).toContainText(TITLE);
  await teacher.close();

  const guardian = await browser.newPage();
  await logIn(guardian, DEMO_ACCOUNTS.guardian.login);
  await guardian.goto(`/emploi-du-temps?semaine=${WEEK}`);
  await expect(guardian.getByRole("heading", { level: 2, name: new RegExp(`Emma.*${weekTitle(WEEK)}`) })).toBeVisible();
  // the 4e's parents' evening is for families: it is there; the teachers' meeting is not
  await expect(day(guardian, new RegExp(dayHeading(dayOf(WEEK, 3))))).toContainText("Réunion parents-professeurs des 4e");
  await expect(guardian.getByText(TITLE)).toHaveCount(0);
  await guardian.close();
});
