import { expect, type Page, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { logIn } from "./session";

/** A school event narrowed to a profile: in the agenda of the people of that profile only. */
const WEEK = "2026-12-07";
const TITLE = "Conseil pédagogique de décembre";

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
  await page.getByLabel("Date de début").fill("2026-12-08");
  await page.getByLabel("Début", { exact: true }).fill("17:00");
  await page.getByLabel("Date de fin").fill("2026-12-08");
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
  await expect(teacher.getByRole("heading", { level: 2, name: /Semaine du 7 décembre 2026/ })).toBeVisible();
  await expect(day(teacher, /mardi 8 décembre/)).toContainText(TITLE);
  await teacher.close();

  const guardian = await browser.newPage();
  await logIn(guardian, DEMO_ACCOUNTS.guardian.login);
  await guardian.goto(`/emploi-du-temps?semaine=${WEEK}`);
  await expect(guardian.getByRole("heading", { level: 2, name: /Emma.*Semaine du 7 décembre 2026/ })).toBeVisible();
  // the 4e's parents' evening is for families: it is there; the teachers' meeting is not
  await expect(day(guardian, /jeudi 10 décembre/)).toContainText("Réunion parents-professeurs des 4e");
  await expect(guardian.getByText(TITLE)).toHaveCount(0);
  await guardian.close();
});
