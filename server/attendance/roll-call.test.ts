import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absences, establishments, lessonChanges, people } from "@/drizzle/schema";
import { addDays, schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { createTestDatabase } from "@/server/testing/database";
import { type Occurrence, occurrencesBetween } from "@/server/timetable/occurrences";
import { can } from "@/server/policy/policy";
import { occurrenceKey } from "@/server/timetable/occurrence-key";
import { loadScope } from "@/server/policy/scope";
import { recordAbsence } from "./desk";
import { rollCallSheet, saveRollCall } from "./roll-call";

let database: Database;
let college: string;
let claire: string;
let emma: string;
let hugo: string;
let lucas: string;
/** claire's French lessons in 4eB the week after the Toussaint holidays: no roll call was seeded then */
let lessons: Occurrence[];

const idOf = async (login: string) =>
  (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
const refOf = (o: Occurrence) => ({ establishmentId: college, lessonId: o.lessonId, plannedOn: o.plannedOn });
/** an hour after the lesson ended */
const after = (o: Occurrence) => new Date(schoolInstant(o.on, o.endsAt).getTime() + 3_600_000);
const rowsOf = (o: Occurrence) =>
  database.db
    .select({ studentId: absences.studentId, kind: absences.kind, minutesLate: absences.minutesLate })
    .from(absences)
    .where(and(eq(absences.lessonId, o.lessonId), eq(absences.lessonDate, o.plannedOn)));

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [claire, emma, hugo, lucas] = await Promise.all(
    [DEMO_ACCOUNTS.leadTeacher, DEMO_ACCOUNTS.student, DEMO_ACCOUNTS.classmate, DEMO_ACCOUNTS.sibling].map((a) => idOf(a.login)),
  );
  [{ id: college }] = await database.db
    .select({ id: establishments.id })
    .from(establishments)
    .where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
  const week = await occurrencesBetween(database.db, { establishmentId: college, teacherIds: [claire] }, "2026-11-02", "2026-11-06");
  lessons = week.filter((o) => o.audience.name === "4eB");
});
afterAll(() => database.close());

describe("a roll call", () => {
  it("lists the lesson's pupils, all present until the teacher says otherwise", async () => {
    const sheet = await rollCallSheet(database.db, refOf(lessons[0]), after(lessons[0]));
    expect(sheet.taken).toBeNull();
    expect(sheet.pupils.length).toBeGreaterThan(20);
    expect(sheet.pupils.every((p) => p.mark.status === "present")).toBe(true);
  });

  it("records absences and lates once, however often it is saved", async () => {
    const lesson = lessons[0];
    const marks = [
      { studentId: emma, status: "absent" as const },
      { studentId: hugo, status: "late" as const, minutesLate: 10 },
    ];
    const first = await saveRollCall(database.db, refOf(lesson), claire, marks, after(lesson));
    expect(first.created.map((c) => c.kind).sort()).toEqual(["absence", "late"]);
    const again = await saveRollCall(database.db, refOf(lesson), claire, marks, after(lesson));
    expect(again).toEqual({ created: [], removed: 0 });
    expect(await rowsOf(lesson)).toHaveLength(2);
    const sheet = await rollCallSheet(database.db, refOf(lesson), after(lesson));
    expect(sheet.taken?.by).toBe("Claire Moreau");
    expect(sheet.pupils.find((p) => p.id === hugo)?.mark).toEqual({ status: "late", minutesLate: 10 });
  });

  it("removes what a correction takes back, and turns a late into an absence", async () => {
    const lesson = lessons[0];
    const corrected = await saveRollCall(
      database.db,
      refOf(lesson),
      claire,
      [{ studentId: hugo, status: "absent" }],
      after(lesson),
    );
    expect(corrected.created).toEqual([expect.objectContaining({ studentId: hugo, kind: "absence" })]);
    expect(corrected.removed).toBe(2);
    expect(await rowsOf(lesson)).toEqual([{ studentId: hugo, kind: "absence", minutesLate: null }]);
  });

  it("updates the minutes of a late without making it new", async () => {
    const lesson = lessons[1];
    await saveRollCall(database.db, refOf(lesson), claire, [{ studentId: emma, status: "late", minutesLate: 5 }], after(lesson));
    const changed = await saveRollCall(database.db, refOf(lesson), claire, [{ studentId: emma, status: "late", minutesLate: 20 }], after(lesson));
    expect(changed).toEqual({ created: [], removed: 0 });
    expect(await rowsOf(lesson)).toEqual([{ studentId: emma, kind: "late", minutesLate: 20 }]);
  });

  it("shows a pupil vie scolaire reported absent as such, and records nothing more for them", async () => {
    const lesson = lessons[2];
    const nadia = await idOf(DEMO_ACCOUNTS.cpe.login);
    await recordAbsence(database.db, {
      establishmentId: college,
      studentId: emma,
      recordedBy: nadia,
      from: { day: lesson.on, half: "morning" },
      to: { day: lesson.on, half: "afternoon" },
    });
    const sheet = await rollCallSheet(database.db, refOf(lesson), after(lesson));
    expect(sheet.pupils.find((p) => p.id === emma)?.mark).toEqual({ status: "reported", kind: "absence" });
    const saved = await saveRollCall(database.db, refOf(lesson), claire, [{ studentId: emma, status: "absent" }], after(lesson));
    expect(saved.created).toEqual([]);
    expect(await rowsOf(lesson)).toEqual([]);
  });

  it("lets vie scolaire's absence over the day absorb a roll call's unjustified absence", async () => {
    const lesson = lessons[0];
    const nadia = await idOf(DEMO_ACCOUNTS.cpe.login);
    await recordAbsence(database.db, {
      establishmentId: college,
      studentId: hugo,
      recordedBy: nadia,
      reason: "illness",
      from: { day: lesson.on, half: "morning" },
      to: { day: lesson.on, half: "afternoon" },
    });
    expect(await rowsOf(lesson)).toEqual([]);
    const hugoThatDay = await database.db.select().from(absences).where(eq(absences.studentId, hugo));
    expect(hugoThatDay.filter((a) => a.startsAt <= after(lesson) && a.endsAt > after(lesson))).toMatchObject([
      { kind: "absence", status: "accepted", reason: "illness", lessonId: null },
    ]);
  });

  it("refuses a pupil of another class, a lesson not begun, one too old, a cancelled one and a day without it", async () => {
    const lesson = lessons[3];
    await expect(
      saveRollCall(database.db, refOf(lesson), claire, [{ studentId: lucas, status: "absent" }], after(lesson)),
    ).rejects.toThrow("attendance.errors.notInLesson");
    const beforeBell = new Date(schoolInstant(lesson.on, lesson.startsAt).getTime() - 30 * 60_000);
    await expect(rollCallSheet(database.db, refOf(lesson), beforeBell)).rejects.toThrow("attendance.errors.notYet");
    const weeksLater = new Date(after(lesson).getTime() + 8 * 86_400_000);
    await expect(rollCallSheet(database.db, refOf(lesson), weeksLater)).rejects.toThrow("attendance.errors.tooLate");
    await expect(
      rollCallSheet(database.db, { ...refOf(lesson), plannedOn: "2026-11-08" }, after(lesson)),
    ).rejects.toThrow("attendance.errors.noSuchLesson");

    const cancelled = (
      await occurrencesBetween(database.db, { establishmentId: college, classIds: [lesson.audience.id] }, DEMO_WEEK, addDays(DEMO_WEEK, 4))
    ).find((o) => o.change?.cancelled)!;
    await expect(rollCallSheet(database.db, refOf(cancelled), after(cancelled))).rejects.toThrow("attendance.errors.cancelled");
  });
});

describe("who takes the roll", () => {
  it("is the lesson's teacher, or the colleague who replaces them that day only", async () => {
    const lesson = lessons[0];
    const marc = await idOf(DEMO_ACCOUNTS.otherTeacher.login);
    const [claireScope, marcScope] = await Promise.all([loadScope(database.db, claire, college), loadScope(database.db, marc, college)]);
    const target = occurrenceKey(lesson.lessonId, lesson.plannedOn);
    expect(await can(database.db, marcScope, "lesson.rollCall", target)).toBe(false);
    await database.db.insert(lessonChanges).values({ lessonId: lesson.lessonId, onDate: lesson.plannedOn, substituteTeacherId: marc });
    expect(await can(database.db, marcScope, "lesson.rollCall", target)).toBe(true);
    expect(await can(database.db, marcScope, "lesson.rollCall", occurrenceKey(lesson.lessonId, "2026-11-30"))).toBe(false);
    expect(await can(database.db, claireScope, "lesson.rollCall", target)).toBe(true);
  });
});
