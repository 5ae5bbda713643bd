import { and, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, establishments, lessonChanges, lessonLogs, lessons, lessonTeachers, rollCalls } from "@/drizzle/schema";
import { addDays, schoolInstant, timeOfDay } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { schoolWeekAfter } from "@/server/seed/demo-week";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { createTestDatabase } from "@/server/testing/database";
import { type LessonDraft, updateLesson } from "./lessons";
import { occurrencesBetween } from "./occurrences";

/**
 * A weekly lesson of the demo collège's 4eB edited on a Monday after the demo's changes (its "today"): what it was
 * before stays, what was planned for its coming occurrences follows the edit.
 */
const TODAY = schoolWeekAfter(DEMO_WEEK, 3);
const NOW = schoolInstant(TODAY, "07:00");
const LOG = { type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text: "Le récit" }] }] };
let database: Database;
let establishmentId: string;
let lesson: typeof lessons.$inferSelect;
let draft: LessonDraft;
let lastTaught: string;
let nextButOne: string;

const occurrencesOf = (lessonId: string, from: string, to: string) => occurrencesBetween(database.db, { establishmentId, lessonIds: [lessonId] }, from, to);
const rowOf = async (lessonId: string) => (await database.db.select().from(lessons).where(eq(lessons.id, lessonId)))[0];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const [college] = await database.db.select().from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
  establishmentId = college.id;
  const [class4eB] = await database.db.select().from(classes).where(and(eq(classes.establishmentId, college.id), eq(classes.name, "4eB")));
  // a lesson of every week the demo left unchanged
  const changed = database.db.select({ id: lessonChanges.lessonId }).from(lessonChanges);
  [lesson] = await database.db
    .select()
    .from(lessons)
    .where(and(eq(lessons.classId, class4eB.id), eq(lessons.weeks, "every"), notInArray(lessons.id, changed)))
    .limit(1);
  const teachers = await database.db.select().from(lessonTeachers).where(eq(lessonTeachers.lessonId, lesson.id));
  draft = {
    ...lesson,
    startsAt: timeOfDay(lesson.startsAt),
    endsAt: timeOfDay(lesson.endsAt),
    teacherIds: teachers.map((t) => t.teacherId),
  };
  const before = await occurrencesOf(lesson.id, addDays(TODAY, -21), addDays(TODAY, -1));
  lastTaught = before.at(-1)!.plannedOn;
  nextButOne = (await occurrencesOf(lesson.id, TODAY, addDays(TODAY, 28)))[1].plannedOn;

  // taught last time (a roll call, the cahier de textes), and a devoir surveillé planned the time after next
  await database.db.insert(rollCalls).values({ lessonId: lesson.id, onDate: lastTaught });
  await database.db.insert(lessonLogs).values([
    { lessonId: lesson.id, onDate: lastTaught, content: LOG },
    { lessonId: lesson.id, onDate: nextButOne, content: LOG },
  ]);
  await database.db.insert(lessonChanges).values({ lessonId: lesson.id, onDate: nextButOne, exam: true, note: "Devoir surveillé" });
});
afterAll(() => database.close());

describe("a weekly lesson edited once it has begun", () => {
  it("keeps its past as it was, and carries what was planned for its coming occurrences to the lesson that takes over", async () => {
    // after school, where nothing clashes
    const { id } = await updateLesson(database.db, establishmentId, lesson.id, { ...draft, startsAt: "17:00", endsAt: "18:00" }, NOW);
    expect(id).not.toBe(lesson.id);

    expect(await rowOf(lesson.id)).toMatchObject({ validFrom: lesson.validFrom, validUntil: addDays(TODAY, -1), startsAt: lesson.startsAt });
    expect(await rowOf(id)).toMatchObject({ validFrom: TODAY, validUntil: lesson.validUntil, startsAt: "17:00:00", weekday: lesson.weekday });
    expect(await database.db.select().from(lessonTeachers).where(eq(lessonTeachers.lessonId, id))).toHaveLength(draft.teacherIds.length);

    const [past] = await occurrencesOf(lesson.id, lastTaught, lastTaught);
    expect(past).toMatchObject({ lessonId: lesson.id, startsAt: timeOfDay(lesson.startsAt) });
    const rolls = await database.db.select().from(rollCalls).where(eq(rollCalls.lessonId, lesson.id));
    expect(rolls.map((roll) => roll.onDate)).toContain(lastTaught);

    const [coming] = await occurrencesOf(id, nextButOne, nextButOne);
    expect(coming).toMatchObject({ lessonId: id, startsAt: "17:00", change: { exam: true, note: "Devoir surveillé" } });
    const logs = await database.db.select().from(lessonLogs).where(inArray(lessonLogs.lessonId, [lesson.id, id]));
    const loggedOn = (lessonId: string) => logs.filter((log) => log.lessonId === lessonId).map((log) => log.onDate);
    expect(loggedOn(lesson.id)).toContain(lastTaught);
    expect(loggedOn(lesson.id).every((day) => day < TODAY)).toBe(true);
    expect(loggedOn(id)).toEqual([nextButOne]);
    // the old lesson no longer takes place from today
    expect(await occurrencesOf(lesson.id, TODAY, addDays(TODAY, 28))).toEqual([]);
  });

  it("edits in place a lesson that begins today, or whose last day alone changes", async () => {
    const [carried] = await database.db.select().from(lessons).where(and(eq(lessons.validFrom, TODAY), eq(lessons.startsAt, "17:00")));
    const again = await updateLesson(database.db, establishmentId, carried.id, { ...draft, validFrom: TODAY, startsAt: "17:15", endsAt: "18:15" }, NOW);
    expect(again.id).toBe(carried.id);

    const earlierEnd = addDays(lesson.validUntil, -14);
    const ended = await updateLesson(database.db, establishmentId, carried.id, { ...draft, validFrom: TODAY, startsAt: "17:15", endsAt: "18:15", validUntil: earlierEnd }, NOW);
    expect(ended.id).toBe(carried.id);
    expect(await rowOf(carried.id)).toMatchObject({ validUntil: earlierEnd, startsAt: "17:15:00" });
  });

  it("refuses an edit that would leave a coming change on a day the lesson is no longer taught, and writes nothing", async () => {
    const [carried] = await database.db.select().from(lessons).where(and(eq(lessons.validFrom, TODAY), eq(lessons.startsAt, "17:15")));
    const otherDay = carried.weekday === 1 ? 2 : 1;
    await expect(
      updateLesson(database.db, establishmentId, carried.id, { ...draft, ...carried, weekday: otherDay, startsAt: "17:15", endsAt: "18:15", teacherIds: draft.teacherIds }, NOW),
    ).rejects.toMatchObject({ key: "timetable.errors.changesLeftBehind" });
    expect(await rowOf(carried.id)).toMatchObject({ weekday: carried.weekday });
  });

  it("takes over from the first day the edit gives, when that is later than today", async () => {
    const [carried] = await database.db.select().from(lessons).where(and(eq(lessons.validFrom, TODAY), eq(lessons.startsAt, "17:15")));
    const tomorrow = schoolInstant(addDays(TODAY, 1), "07:00");
    const fromDay = addDays(TODAY, 7);
    const edit = { ...draft, ...carried, validFrom: fromDay, startsAt: "17:30", endsAt: "18:30", teacherIds: draft.teacherIds };
    const later = await updateLesson(database.db, establishmentId, carried.id, edit, tomorrow);
    expect(later.id).not.toBe(carried.id);
    expect(await rowOf(carried.id)).toMatchObject({ validUntil: addDays(fromDay, -1), startsAt: "17:15:00" });
    expect(await rowOf(later.id)).toMatchObject({ validFrom: fromDay, startsAt: "17:30:00" });
    const [coming] = await occurrencesOf(later.id, nextButOne, nextButOne);
    expect(coming.change).toMatchObject({ exam: true });
  });
});
