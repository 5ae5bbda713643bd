import { expect, test } from "@playwright/test";
import { isoDate, schoolInstant } from "@/server/calendar/days";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { expectAccessible } from "./accessibility";
import { dayHeading, dayOf, schoolWeekAhead, weekTitle } from "./calendar";
import { logIn } from "./session";

/** A week no other browser test changes: claire's lessons there are as the timetable planned them. */
const WEEK = schoolWeekAhead(3);
/** The Thursday of a later week, for meeting slots. */
const MEETING_DAY = dayOf(schoolWeekAhead(5), 3);
/** The week claire switches to remote: one no other test uses. */
const REMOTE_WEEK = schoolWeekAhead(7);
/** "janvier", as a notification writes a day of that week ("janvier|février" should it straddle two months). */
const monthsOf = (monday: string) => [...new Set([0, 4].map((offset) => dayHeading(dayOf(monday, offset)).split(" ").at(-1)))].join("|");

test.describe.configure({ timeout: 180_000 });


test("a teacher switches a lesson to remote, and the pupil's join button appears when the room opens", async ({ page, browser }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto(`/emploi-du-temps?semaine=${WEEK}`);
  const lesson = page.getByRole("button").filter({ hasText: "4eB" }).first();
  const subject = (await lesson.locator("span").first().textContent())!;
  const [, startsAt] = /(\d\d:\d\d) – \d\d:\d\d/.exec((await lesson.textContent())!)!;
  const weekDay = (await lesson.locator("xpath=ancestor::section[1]").getByRole("heading", { level: 3 }).textContent())!.trim();
  const day = [0, 1, 2, 3, 4].map((offset) => dayOf(WEEK, offset)).find((d) => weekDay.startsWith(dayHeading(d)))!;
  await lesson.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("À distance").check();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();

  const pupil = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  const start = schoolInstant(day, startsAt);
  await pupil.clock.install({ time: new Date(start.getTime() - 30 * 60_000) });
  await logIn(pupil, DEMO_ACCOUNTS.student.login);
  await pupil.goto(`/emploi-du-temps?semaine=${WEEK}`);
  const join = pupil.getByRole("link", { name: `Rejoindre la classe virtuelle de ${subject}` });
  await expect(pupil.getByRole("heading", { level: 2, name: new RegExp(weekTitle(WEEK)) })).toBeVisible();
  await expect(join).toHaveCount(0);
  // the room opens ten minutes before the lesson
  await pupil.clock.fastForward("25:00");
  await expect(join).toBeVisible();
  await join.click();
  await expect(pupil.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  // the server's clock is not the pupil's: for it, the lesson is days away
  await expect(pupil.getByRole("status").filter({ hasText: "La salle ouvre à" })).toBeVisible();
  await pupil.context().close();
});

test("pupils wait in the lobby until the teacher starts, then the room page asks the server for a token", async ({ page, browser }) => {
  const today = isoDate(new Date());
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Classes virtuelles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Classes virtuelles" })).toBeVisible();
  const title = `Permanence ${Date.now()}`;
  const form = page.getByRole("form", { name: "Programmer une classe virtuelle" });
  await form.getByLabel("Pour", { exact: true }).selectOption({ label: "4eB" });
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Date").fill(today);
  await form.getByLabel("Début").fill("00:00");
  await form.getByLabel("Fin").fill("23:59");
  await form.getByRole("button", { name: "Programmer" }).click();
  await expect(form.getByRole("status")).toHaveText("La classe virtuelle est programmée.");
  await expectAccessible(page);

  const pupil = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(pupil, DEMO_ACCOUNTS.student.login);
  await pupil.goto("/classes-virtuelles");
  await pupil.getByRole("link", { name: `Rejoindre la classe virtuelle de ${title}` }).click();
  await expect(pupil.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(pupil.getByText(/Salle d'attente : la classe commencera quand Claire Moreau l'ouvrira/)).toBeVisible();
  await expect(pupil.getByRole("button", { name: "Entrer dans la salle" })).toHaveCount(0);
  await expectAccessible(pupil);

  await page.getByRole("link", { name: `Rejoindre la classe virtuelle de ${title}` }).click();
  await expect(page.getByText("La salle est ouverte. Les élèves attendent")).toBeVisible();
  await page.getByRole("button", { name: "Commencer la classe" }).click();
  await expect(page.getByRole("button", { name: "Entrer dans la salle" })).toBeVisible();
  await expectAccessible(page);

  // the lobby notices the start by itself
  const enter = pupil.getByRole("button", { name: "Entrer dans la salle" });
  await expect(enter).toBeVisible({ timeout: 15_000 });
  const tokenResponse = pupil.waitForResponse((response) => response.url().includes("virtualClasses.token"));
  await enter.click();
  const response = await tokenResponse;
  expect(response.status()).toBe(200);
  const body = JSON.stringify(await response.json());
  expect(body).toMatch(/"token":"[\w-]+\.[\w-]+\.[\w-]+"/);
  await pupil.context().close();
});

test("a teacher switches her lessons of a class's week to remote in one click; the pupil sees them remote and is told", async ({ page, browser }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/classes-virtuelles");
  const form = page.getByRole("form", { name: "Passer une semaine à distance" });
  await form.getByLabel("Classe").selectOption({ label: "4eB" });
  await form.getByLabel("Un jour de la semaine").fill(REMOTE_WEEK);
  await form.getByRole("button", { name: "Passer la semaine à distance" }).click();
  // "3 cours passés à distance." (a retry finds none left to switch)
  await expect(form.getByRole("status")).toHaveText(/à distance\.$/);

  const pupil = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(pupil, DEMO_ACCOUNTS.student.login);
  await pupil.goto(`/emploi-du-temps?semaine=${REMOTE_WEEK}`);
  const lessons = pupil.getByRole("listitem").filter({ hasText: "· 4eB" });
  const hers = lessons.filter({ hasText: "Claire Moreau" });
  await expect(hers.first()).toBeVisible();
  for (const lesson of await hers.all()) await expect(lesson).toContainText("À distance");
  await expect(lessons.filter({ hasNotText: "Claire Moreau" }).first()).not.toContainText("À distance");
  await pupil.goto("/notifications");
  await expect(pupil.getByText(new RegExp(`^Cours à distance, en classe virtuelle \\(.+\\) le .+ (${monthsOf(REMOTE_WEEK)}) pour Emma$`)).first()).toBeVisible();
  await pupil.context().close();
});

test("a guardian books a teacher's meeting slot", async ({ page, browser }) => {
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/rendez-vous");
  const publish = page.getByRole("form", { name: "Publier des créneaux" });
  await publish.getByLabel("Date").fill(MEETING_DAY);
  await publish.getByLabel("De", { exact: true }).fill("16:00");
  await publish.getByLabel("À", { exact: true }).fill("16:30");
  await publish.getByRole("button", { name: "Publier" }).click();
  await expect(publish.getByRole("status")).toHaveText("2 créneaux publiés.");

  const guardian = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(guardian, DEMO_ACCOUNTS.guardian.login);
  await guardian.goto("/rendez-vous");
  const bookable = guardian.getByRole("region", { name: "Créneaux disponibles" });
  const slot = bookable.getByRole("listitem").filter({ hasText: `${dayHeading(MEETING_DAY)} · 16:00` });
  await slot.getByRole("button", { name: "Réserver" }).click();
  const booked = guardian.getByRole("region", { name: "Mes rendez-vous" });
  await expect(booked.getByRole("listitem").filter({ hasText: `${dayHeading(MEETING_DAY)} · 16:00` })).toContainText("À propos de Emma Bernard");
  await expectAccessible(guardian);

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: `${dayHeading(MEETING_DAY)} · 16:00` })).toContainText("Sophie Bernard, pour Emma Bernard");
  await guardian.context().close();
});

test("a teacher moves a class she scheduled, then calls it off; her pupil's list follows", async ({ page, browser }) => {
  const inThreeDays = isoDate(new Date(Date.now() + 3 * 24 * 3600_000));
  const title = `Soutien ${Date.now().toString(36)}`;
  const moved = `${title} (déplacé)`;
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/classes-virtuelles");
  const form = page.getByRole("form", { name: "Programmer une classe virtuelle" });
  await form.getByLabel("Pour", { exact: true }).selectOption({ label: "4eB" });
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Date").fill(inThreeDays);
  await form.getByLabel("Début").fill("16:00");
  await form.getByLabel("Fin").fill("17:00");
  await form.getByRole("button", { name: "Programmer" }).click();
  await expect(form.getByRole("status")).toHaveText("La classe virtuelle est programmée.");

  await page.getByRole("button", { name: `Modifier — ${title}` }).click();
  const change = page.getByRole("form", { name: `Modifier « ${title} »` });
  await change.getByLabel("Intitulé").fill(moved);
  await change.getByLabel("Début").fill("17:00");
  await change.getByLabel("Fin").fill("18:00");
  await change.getByRole("button", { name: "Enregistrer" }).click();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${moved} · 4eB` }) });
  await expect(item).toContainText("17:00");
  await expectAccessible(page);

  const pupil = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(pupil, DEMO_ACCOUNTS.student.login);
  await pupil.goto("/classes-virtuelles");
  await expect(pupil.getByRole("heading", { name: `${moved} · 4eB` })).toBeVisible();
  await expect(pupil.getByRole("button", { name: `Modifier — ${moved}` })).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await item.getByRole("button", { name: `Annuler la classe — ${moved}` }).click();
  await expect(page.getByRole("heading", { name: `${moved} · 4eB` })).toHaveCount(0);
  await pupil.reload();
  await expect(pupil.getByRole("heading", { level: 1, name: "Classes virtuelles" })).toBeVisible();
  await expect(pupil.getByRole("heading", { name: `${moved} · 4eB` })).toHaveCount(0);
  await pupil.context().close();
});

test("a teacher schedules a virtual class for her team space from its page: a member is told and may join, a non-member may not", async ({ page, browser }) => {
  const title = `Répétition ${Date.now().toString(36)}`;
  await logIn(page, DEMO_ACCOUNTS.leadTeacher.login);
  await page.goto("/espaces");
  await page.getByRole("link", { name: "Club théâtre" }).click();
  await page.getByRole("link", { name: "Programmer une classe virtuelle pour l'équipe" }).click();
  const form = page.getByRole("form", { name: "Programmer une classe virtuelle" });
  await expect(form.getByLabel("Pour", { exact: true }).locator("option:checked")).toHaveText("Club théâtre");
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Date").fill(isoDate(new Date()));
  await form.getByLabel("Début").fill("00:00");
  await form.getByLabel("Fin").fill("23:59");
  await form.getByRole("button", { name: "Programmer" }).click();
  await expect(form.getByRole("status")).toHaveText("La classe virtuelle est programmée.");
  await expect(page.getByRole("heading", { name: `${title} · Club théâtre` })).toBeVisible();
  await expectAccessible(page);

  const member = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(member, DEMO_ACCOUNTS.student.login);
  await member.goto("/notifications");
  await expect(member.getByText(`Classe virtuelle « ${title} » (Club théâtre)`)).toBeVisible();
  await member.goto("/classes-virtuelles");
  const join = member.getByRole("link", { name: `Rejoindre la classe virtuelle de ${title}` });
  await expect(join).toBeVisible();
  const room = (await join.getAttribute("href"))!;
  await join.click();
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(member.getByText(/Salle d'attente : la classe commencera quand Claire Moreau l'ouvrira/)).toBeVisible();
  await member.context().close();

  const outsider = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await logIn(outsider, DEMO_ACCOUNTS.classmate.login);
  await outsider.goto("/classes-virtuelles");
  await expect(outsider.getByRole("heading", { level: 1, name: "Classes virtuelles" })).toBeVisible();
  await expect(outsider.getByRole("heading", { name: `${title} · Club théâtre` })).toHaveCount(0);
  await expect(outsider.getByRole("link", { name: `Rejoindre la classe virtuelle de ${title}` })).toHaveCount(0);
  expect((await outsider.goto(room))?.status()).toBe(403);
  await outsider.context().close();
});
