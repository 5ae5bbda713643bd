import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lessonChanges, lessonLogs, people } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { homeworkDueSoon } from "./pupil";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });

let database: Database;
let claire: Caller;
let julien: Caller;
let emma: Caller;
let emmaId: string;
let collegeId: string;
const given: DomainEvents["homework.given"][] = [];

const as = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE);
const idOf = async (login: string) =>
  (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;

/** A teacher's 4eB lessons in a week of the demo timetable. */
async function lessonsIn4eB(api: Caller, monday: string, subjectCode: string) {
  const { lessons } = await api.homework.teacherWeek({ monday });
  return lessons.filter((l) => l.audience.name === "4eB" && l.subject.code === subjectCode);
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const bus = createLocalBus();
  bus.subscribe("homework.given", (event) => given.push(event));
  claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
  julien = await as("teacherParent");
  emma = await as("student");
  emmaId = await idOf(DEMO_ACCOUNTS.student.login);
  collegeId = (await claire.me.whoAmI()).activeEstablishmentId!;
});

afterAll(() => database.close());

describe("the cahier de textes of an occurrence", () => {
  it("is written, rewritten, and removed when emptied", async () => {
    const [monday] = await lessonsIn4eB(claire, DEMO_WEEK, "FRANC");
    const occurrence = { lessonId: monday.lessonId, plannedOn: monday.plannedOn };
    await claire.homework.saveLog({ ...occurrence, content: text("Lecture de La Parure") });
    await claire.homework.saveLog({ ...occurrence, content: text("Lecture de La Parure, suite") });
    const page = await claire.homework.occurrence(occurrence);
    expect(page.log?.content).toEqual(text("Lecture de La Parure, suite"));
    expect((await lessonsIn4eB(claire, DEMO_WEEK, "FRANC"))[0].hasLog).toBe(true);

    await claire.homework.saveLog({ ...occurrence, content: { type: "doc", content: [{ type: "paragraph" }] } });
    expect((await claire.homework.occurrence(occurrence)).log).toBeNull();
  });

  it("needs a real occurrence: not a day the lesson does not take place, not a cancelled one", async () => {
    const [monday] = await lessonsIn4eB(claire, DEMO_WEEK, "FRANC");
    await expect(
      claire.homework.saveLog({ lessonId: monday.lessonId, plannedOn: addDays(monday.plannedOn, 1), content: text("x") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "homework.errors.noSuchLesson" });
    // the Christmas holidays: no lesson
    await expect(
      claire.homework.saveLog({ lessonId: monday.lessonId, plannedOn: "2026-12-28", content: text("x") }),
    ).rejects.toMatchObject({ message: "homework.errors.noSuchLesson" });

    const [cancelled] = (await lessonsIn4eB(julien, DEMO_WEEK, "MATHS")).filter((l) => l.change?.cancelled);
    expect(cancelled).toBeDefined();
    const occurrence = { lessonId: cancelled.lessonId, plannedOn: cancelled.plannedOn };
    await expect(julien.homework.saveLog({ ...occurrence, content: text("x") })).rejects.toMatchObject({
      message: "homework.errors.cancelledLesson",
    });
    await expect(
      julien.homework.give({ ...occurrence, dueOn: addDays(cancelled.on, 2), instructions: text("x"), estimatedMinutes: 10, handIn: false }),
    ).rejects.toMatchObject({ message: "homework.errors.cancelledLesson" });
  });

  it("is written by the substitute on their day only", async () => {
    const [change] = await database.db
      .select()
      .from(lessonChanges)
      .where(and(isNotNull(lessonChanges.substituteTeacherId), eq(lessonChanges.onDate, addDays(DEMO_WEEK, 4))));
    const [substitute] = await database.db.select({ login: people.login }).from(people).where(eq(people.id, change.substituteTeacherId!));
    const api = await callerFor(database.db, substitute.login, COLLEGE);
    await api.homework.saveLog({ lessonId: change.lessonId, plannedOn: change.onDate, content: text("Séance assurée en remplacement") });
    const [log] = await database.db
      .select()
      .from(lessonLogs)
      .where(and(eq(lessonLogs.lessonId, change.lessonId), eq(lessonLogs.onDate, change.onDate)));
    expect(log.content).toEqual(text("Séance assurée en remplacement"));
    await expect(
      api.homework.saveLog({ lessonId: change.lessonId, plannedOn: addDays(change.onDate, 7), content: text("x") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // the homework a substitute gives is theirs to change; the lesson's teacher's is not
    const { id } = await api.homework.give({
      lessonId: change.lessonId,
      plannedOn: change.onDate,
      dueOn: addDays(change.onDate, 3),
      instructions: text("Finir le questionnaire"),
      estimatedMinutes: 20,
      handIn: false,
    });
    await api.homework.update({ homeworkId: id, dueOn: addDays(change.onDate, 4), instructions: text("Finir le questionnaire"), estimatedMinutes: 25, handIn: false });
    const page = await api.homework.occurrence({ lessonId: change.lessonId, plannedOn: change.onDate });
    expect(page.homework.given.map((h) => [h.dueOn, h.estimatedMinutes])).toEqual([[addDays(change.onDate, 4), 25]]);
  });
});

describe("giving homework", () => {
  it("offers the subject's next sessions and publishes homework.given", async () => {
    const [monday] = await lessonsIn4eB(claire, DEMO_WEEK, "FRANC");
    const page = await claire.homework.occurrence({ lessonId: monday.lessonId, plannedOn: monday.plannedOn });
    // one session a day: two French lessons on the same day offer that day once
    const later = [...new Set((await lessonsIn4eB(claire, DEMO_WEEK, "FRANC")).slice(1).map((l) => l.on))];
    expect(page.nextSessions.map((s) => s.on).slice(0, later.length)).toEqual(later);

    const { id } = await claire.homework.give({
      lessonId: monday.lessonId,
      plannedOn: monday.plannedOn,
      dueOn: page.nextSessions[0].on,
      instructions: text("Apprendre la fiche"),
      estimatedMinutes: 15,
      handIn: false,
    });
    expect(given).toContainEqual({ establishmentId: collegeId, homeworkId: id, lessonId: monday.lessonId, dueOn: page.nextSessions[0].on });
  });

  it("is due on the lesson's day at the earliest, and within three months", async () => {
    const [monday] = await lessonsIn4eB(claire, DEMO_WEEK, "FRANC");
    const homework = (dueOn: string) => ({
      lessonId: monday.lessonId,
      plannedOn: monday.plannedOn,
      dueOn,
      instructions: text("Lire le chapitre"),
      estimatedMinutes: 20,
      handIn: false,
    });
    await expect(claire.homework.give(homework(addDays(monday.on, -1)))).rejects.toMatchObject({ message: "homework.errors.dueBeforeLesson" });
    await expect(claire.homework.give(homework(addDays(monday.on, 93)))).rejects.toMatchObject({ message: "homework.errors.dueTooFar" });
    const sameDay = await claire.homework.give(homework(monday.on));
    await expect(
      claire.homework.update({ homeworkId: sameDay.id, dueOn: addDays(monday.on, -3), instructions: text("x"), estimatedMinutes: null, handIn: true }),
    ).rejects.toMatchObject({ message: "homework.errors.dueBeforeLesson" });
    await expect(claire.homework.give({ ...homework(monday.on), instructions: text("   ") })).rejects.toMatchObject({
      message: "homework.errors.noInstructions",
    });
    await expect(claire.homework.give({ ...homework(monday.on), estimatedMinutes: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it.each([
    ["a script node", { type: "doc", content: [{ type: "script", content: [{ type: "text", text: "alert(1)" }] }] }, "homework.richText.unsupported"],
    ["an iframe", { type: "doc", content: [{ type: "iframe", attrs: { src: "https://example.org" } }] }, "homework.richText.unsupported"],
    [
      "a javascript: link",
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "clic", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] },
      "homework.richText.unsafeLink",
    ],
    ["HTML instead of a document", "<p onclick=alert(1)>x</p>", "homework.richText.invalid"],
  ])("refuses instructions holding %s, and writes nothing", async (_label, instructions, key) => {
    const [monday] = await lessonsIn4eB(claire, DEMO_WEEK, "FRANC");
    const occurrence = { lessonId: monday.lessonId, plannedOn: monday.plannedOn };
    const before = (await claire.homework.occurrence(occurrence)).homework.given.length;
    const attempt = claire.homework.give({ ...occurrence, dueOn: monday.on, instructions, estimatedMinutes: 10, handIn: false });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const cause = await attempt.catch((error: { cause?: { issues?: { message: string; path: string[] }[] } }) => error.cause?.issues?.[0]);
    expect(cause).toMatchObject({ message: key, path: ["instructions"] });
    await expect(claire.homework.saveLog({ ...occurrence, content: instructions })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await claire.homework.occurrence(occurrence)).homework.given.length).toBe(before);
  });
});

describe("the class's workload", () => {
  it("adds up every teacher's minutes due that day, for the class and its groups", async () => {
    const [friday] = (await lessonsIn4eB(claire, DEMO_WEEK, "FRANC")).filter((l) => l.on === addDays(DEMO_WEEK, 4));
    const [maths] = (await lessonsIn4eB(julien, DEMO_WEEK, "MATHS")).filter((l) => !l.change?.cancelled);
    const day = addDays(DEMO_WEEK, 9);
    const workload = () => claire.homework.workload({ lessonId: friday.lessonId, plannedOn: friday.plannedOn, days: [day] });
    const [before] = await workload();

    const { id: mine } = await claire.homework.give({
      lessonId: friday.lessonId,
      plannedOn: friday.plannedOn,
      dueOn: day,
      instructions: text("Rédaction"),
      estimatedMinutes: 30,
      handIn: true,
    });
    await julien.homework.give({
      lessonId: maths.lessonId,
      plannedOn: maths.plannedOn,
      dueOn: day,
      instructions: text("Exercices"),
      estimatedMinutes: 45,
      handIn: false,
    });
    const [after] = await workload();
    expect(after.totalMinutes).toBe(before.totalMinutes + 75);
    expect(after.items.length).toBe(before.items.length + 2);
    expect(after.items.find((item) => item.id === mine)).toMatchObject({ mine: true, subject: "Français", audience: "4eB" });
    expect(after.items.find((item) => item.subject === "Mathématiques" && item.estimatedMinutes === 45)).toMatchObject({
      mine: false,
      author: "Julien Garnier",
    });
  });

  it("counts a language group's homework for the class its pupils come from", async () => {
    const emmaHomework = await emma.homework.pupilHomework({ studentId: emmaId, from: addDays(DEMO_WEEK, -14) });
    const groupHomework = emmaHomework.homework.find((h) => h.subject.code === "ALL2" || h.subject.code === "ESP2")!;
    expect(groupHomework).toBeDefined();
    const [monday] = await lessonsIn4eB(claire, DEMO_WEEK, "FRANC");
    const [load] = await claire.homework.workload({ lessonId: monday.lessonId, plannedOn: monday.plannedOn, days: [groupHomework.dueOn] });
    expect(load.items.map((item) => item.id)).toContain(groupHomework.id);
  });
});

describe("ticks", () => {
  it("are the pupil's own: their family reads them, teachers and staff see none, classmates only theirs", async () => {
    const [thursday] = (await lessonsIn4eB(claire, DEMO_WEEK, "FRANC")).filter((l) => l.on === addDays(DEMO_WEEK, 3));
    const occurrence = { lessonId: thursday.lessonId, plannedOn: thursday.plannedOn };
    const { id } = await claire.homework.give({ ...occurrence, dueOn: addDays(DEMO_WEEK, 7), instructions: text("Fiche de lecture"), estimatedMinutes: 40, handIn: true });
    const from = DEMO_WEEK;
    const doneFor = async (api: Caller, studentId = emmaId) =>
      (await api.homework.pupilHomework({ studentId, from })).homework.find((h) => h.id === id)?.done;

    await emma.homework.setDone({ homeworkId: id, done: true });
    await emma.homework.setDone({ homeworkId: id, done: true });
    expect(await doneFor(emma)).toBe(true);
    expect(await doneFor(await as("guardian"))).toBe(true);
    expect(await doneFor(claire)).toBeNull();
    expect(await doneFor(await as("direction"))).toBeNull();

    const hugo = await as("classmate");
    const hugoId = await idOf(DEMO_ACCOUNTS.classmate.login);
    await expect(hugo.homework.pupilHomework({ studentId: emmaId, from })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await hugo.homework.setDone({ homeworkId: id, done: false });
    expect(await doneFor(emma)).toBe(true);
    expect(await doneFor(hugo, hugoId)).toBe(false);

    const page = await claire.homework.occurrence(occurrence);
    const counted = page.homework.given.find((h) => h.id === id)!;
    expect(counted.doneCount).toBe(1);
    expect(JSON.stringify(page)).not.toContain(emmaId);

    await emma.homework.setDone({ homeworkId: id, done: false });
    expect(await doneFor(emma)).toBe(false);
  });

  it("cannot be set by a guardian, nor on another class's homework", async () => {
    const [sixth] = (await claire.homework.teacherWeek({ monday: DEMO_WEEK })).lessons.filter((l) => l.audience.name === "6eA");
    const { id } = await claire.homework.give({
      lessonId: sixth.lessonId,
      plannedOn: sixth.plannedOn,
      dueOn: addDays(sixth.on, 2),
      instructions: text("Lire le conte"),
      estimatedMinutes: 15,
      handIn: false,
    });
    await expect(emma.homework.setDone({ homeworkId: id, done: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await as("guardian")).homework.setDone({ homeworkId: id, done: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the pupil's side", () => {
  it("lists the seeded homework due in the demo week and the next, with the pupil's ticks", async () => {
    const soon = await homeworkDueSoon(database.db, collegeId, emmaId, DEMO_WEEK, 14, true);
    const days = soon.map((d) => d.day);
    expect(days.some((d) => d < addDays(DEMO_WEEK, 7))).toBe(true);
    expect(days.some((d) => d >= addDays(DEMO_WEEK, 7))).toBe(true);
    expect(days).toEqual([...days].sort());
    const all = soon.flatMap((d) => d.homework);
    expect(all.every((h) => typeof h.done === "boolean")).toBe(true);
    expect(all.some((h) => h.done)).toBe(true);
    expect(all.some((h) => h.handIn && h.subject.code === "FRANC")).toBe(true);
  });

  it("reads the cahier de textes of the pupil's lessons, with what claire and julien wrote", async () => {
    const logbook = await emma.homework.pupilLogbook({ studentId: emmaId, until: addDays(DEMO_WEEK, -1) });
    const subjects = new Set(logbook.entries.filter((e) => e.log).map((e) => e.subject.code));
    expect(subjects).toContain("FRANC");
    expect(subjects).toContain("MATHS");
    const teachers = new Set(logbook.entries.map((e) => e.teacher));
    expect(teachers).toContain("Claire Moreau");
    expect(teachers).toContain("Julien Garnier");
    expect(logbook.entries.every((e) => e.date >= logbook.from && e.date <= logbook.to)).toBe(true);
  });

  it("lets direction read a class's cahier de textes, day by day", async () => {
    const classId = (await claire.me.classes()).taught.find((a) => a.className === "4eB")!.classId!;
    const logbook = await (await as("direction")).homework.classLogbook({ classId, until: addDays(DEMO_WEEK, -1) });
    expect(logbook.className).toBe("4eB");
    expect(logbook.entries.length).toBeGreaterThan(10);
    expect(logbook.entries.map((e) => e.date)).toEqual([...logbook.entries.map((e) => e.date)].sort().reverse());
  });
});
