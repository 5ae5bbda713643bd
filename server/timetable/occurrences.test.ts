import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classes,
  establishments,
  lessonChanges,
  lessons,
  lessonTeachers,
  people,
  rooms,
  schoolEvents,
  schoolWeeks,
  schoolYears,
  subjects,
  teachingGroups,
} from "@/drizzle/schema";
import { schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { type LessonFilter, type Occurrence, occurrenceOf, occurrencesBetween } from "./occurrences";

/**
 * A small hand-built school: one class, one group, three teachers, two rooms, weeks A (16 and 30 November) and B
 * (23 November), a whole-school holiday on Monday 30 November, and one-off changes around the week of 23 November.
 */
const ids = {
  establishment: "00000000-0000-4000-8000-000000000001",
  year: "00000000-0000-4000-8000-000000000002",
  maths: "00000000-0000-4000-8000-000000000010",
  french: "00000000-0000-4000-8000-000000000011",
  spanish: "00000000-0000-4000-8000-000000000012",
  klass: "00000000-0000-4000-8000-000000000020",
  group: "00000000-0000-4000-8000-000000000021",
  mathsTeacher: "00000000-0000-4000-8000-000000000030",
  frenchTeacher: "00000000-0000-4000-8000-000000000031",
  substitute: "00000000-0000-4000-8000-000000000032",
  room101: "00000000-0000-4000-8000-000000000040",
  room102: "00000000-0000-4000-8000-000000000041",
  /** maths, class, Monday 8–9, every week, room 101 */
  mondayMaths: "00000000-0000-4000-8000-000000000050",
  /** French, class, Tuesday 10–11, week A only, room 102 */
  frenchA: "00000000-0000-4000-8000-000000000051",
  /** French, class, Tuesday 14–15, week B only, room 102 */
  frenchB: "00000000-0000-4000-8000-000000000052",
  /** Spanish, group, Thursday 9–10, every week, no room */
  spanish4e: "00000000-0000-4000-8000-000000000053",
};

const WEEK_A = { from: "2026-11-16", to: "2026-11-22" };
const WEEK_B = { from: "2026-11-23", to: "2026-11-29" };
const NEXT_WEEK_A = { from: "2026-11-30", to: "2026-12-06" };

let database: Database;

async function week(filter: Omit<LessonFilter, "establishmentId">, range: { from: string; to: string }) {
  return occurrencesBetween(database.db, { establishmentId: ids.establishment, ...filter }, range.from, range.to);
}

const named = (list: Occurrence[]) => list.map((o) => `${o.lessonId.slice(-2)} ${o.plannedOn}→${o.on} ${o.startsAt}`);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await db.insert(establishments).values({ id: ids.establishment, uai: "0000001X", name: "Collège test", kind: "college" });
  await db.insert(schoolYears).values({ id: ids.year, establishmentId: ids.establishment, label: "2026-2027", startsOn: "2026-09-01", endsOn: "2027-07-03" });
  await db.insert(subjects).values([
    { id: ids.maths, establishmentId: ids.establishment, code: "MATHS", name: "Mathématiques" },
    { id: ids.french, establishmentId: ids.establishment, code: "FRANC", name: "Français" },
    { id: ids.spanish, establishmentId: ids.establishment, code: "ESP2", name: "Espagnol LV2" },
  ]);
  await db.insert(classes).values({ id: ids.klass, establishmentId: ids.establishment, schoolYearId: ids.year, name: "4eB", level: "4e" });
  await db.insert(teachingGroups).values({ id: ids.group, establishmentId: ids.establishment, schoolYearId: ids.year, name: "4e Espagnol" });
  await db.insert(people).values([
    { id: ids.mathsTeacher, login: "t.maths", firstName: "Julien", lastName: "Garnier" },
    { id: ids.frenchTeacher, login: "t.french", firstName: "Claire", lastName: "Moreau" },
    { id: ids.substitute, login: "t.sub", firstName: "Paul", lastName: "Remplaçant" },
  ]);
  await db.insert(rooms).values([
    { id: ids.room101, establishmentId: ids.establishment, name: "101" },
    { id: ids.room102, establishmentId: ids.establishment, name: "102" },
  ]);
  await db.insert(schoolWeeks).values([
    { schoolYearId: ids.year, monday: "2026-11-16", pattern: "A" },
    { schoolYearId: ids.year, monday: "2026-11-23", pattern: "B" },
    { schoolYearId: ids.year, monday: "2026-11-30", pattern: "A" },
  ]);
  const lesson = { establishmentId: ids.establishment, schoolYearId: ids.year, validFrom: "2026-09-01", validUntil: "2027-07-03" };
  await db.insert(lessons).values([
    { ...lesson, id: ids.mondayMaths, subjectId: ids.maths, classId: ids.klass, roomId: ids.room101, weekday: 1, startsAt: "08:00", endsAt: "09:00" },
    { ...lesson, id: ids.frenchA, subjectId: ids.french, classId: ids.klass, roomId: ids.room102, weekday: 2, startsAt: "10:00", endsAt: "11:00", weeks: "A" },
    { ...lesson, id: ids.frenchB, subjectId: ids.french, classId: ids.klass, roomId: ids.room102, weekday: 2, startsAt: "14:00", endsAt: "15:00", weeks: "B" },
    { ...lesson, id: ids.spanish4e, subjectId: ids.spanish, groupId: ids.group, weekday: 4, startsAt: "09:00", endsAt: "10:00" },
  ]);
  await db.insert(lessonTeachers).values([
    { lessonId: ids.mondayMaths, teacherId: ids.mathsTeacher },
    { lessonId: ids.frenchA, teacherId: ids.frenchTeacher },
    { lessonId: ids.frenchB, teacherId: ids.frenchTeacher },
    { lessonId: ids.spanish4e, teacherId: ids.frenchTeacher },
  ]);
  await db.insert(schoolEvents).values({
    establishmentId: ids.establishment,
    kind: "holiday",
    title: "Pont",
    startsAt: schoolInstant("2026-11-30", "00:00"),
    endsAt: schoolInstant("2026-12-01", "00:00"),
    wholeEstablishment: true,
  });
  await db.insert(lessonChanges).values([
    { lessonId: ids.mondayMaths, onDate: "2026-11-23", cancelled: true, note: "Professeur absent" },
    // moved into week B from week A, to Wednesday afternoon
    { lessonId: ids.mondayMaths, onDate: "2026-11-16", movedToDate: "2026-11-25", movedStartsAt: "14:00", movedEndsAt: "15:00" },
    // a week-A-only lesson moved into week B: its week is that of the day it was planned on
    { lessonId: ids.frenchA, onDate: "2026-11-17", movedToDate: "2026-11-27", movedStartsAt: "11:00", movedEndsAt: "12:00" },
    // taught by a substitute, in another room
    { lessonId: ids.frenchB, onDate: "2026-11-24", substituteTeacherId: ids.substitute, movedRoomId: ids.room101 },
    // moved out of week B into the next week
    { lessonId: ids.spanish4e, onDate: "2026-11-26", movedToDate: "2026-12-03" },
    { lessonId: ids.spanish4e, onDate: "2026-11-19", remote: true, exam: true, note: "Contrôle en visio" },
  ]);
});

afterAll(() => database.close());

describe("lesson occurrences", () => {
  it("keeps week-A lessons to weeks A and week-B lessons to weeks B", async () => {
    const a = await week({ classIds: [ids.klass] }, WEEK_A);
    const b = await week({ classIds: [ids.klass] }, WEEK_B);
    expect(a.some((o) => o.lessonId === ids.frenchA && o.plannedOn === "2026-11-17")).toBe(false); // moved away
    expect(a.some((o) => o.lessonId === ids.frenchB)).toBe(false);
    expect(b.filter((o) => o.lessonId === ids.frenchB).map((o) => o.on)).toEqual(["2026-11-24"]);
    const nextA = await week({ classIds: [ids.klass] }, NEXT_WEEK_A);
    expect(nextA.filter((o) => o.lessonId === ids.frenchA).map((o) => o.on)).toEqual(["2026-12-01"]);
    expect(nextA.some((o) => o.lessonId === ids.frenchB)).toBe(false);
  });

  it("lays no lesson on a whole-school holiday", async () => {
    const nextA = await week({ classIds: [ids.klass] }, NEXT_WEEK_A);
    expect(nextA.some((o) => o.on === "2026-11-30")).toBe(false);
  });

  it("keeps a cancelled lesson in the week, flagged, with its note", async () => {
    const b = await week({ classIds: [ids.klass] }, WEEK_B);
    const monday = b.find((o) => o.lessonId === ids.mondayMaths && o.plannedOn === "2026-11-23");
    expect(monday).toMatchObject({ on: "2026-11-23", startsAt: "08:00", change: { cancelled: true, moved: false, note: "Professeur absent" } });
  });

  it("shows a lesson moved into the range where it goes, and not where it was planned", async () => {
    const a = await week({ classIds: [ids.klass] }, WEEK_A);
    const b = await week({ classIds: [ids.klass] }, WEEK_B);
    expect(a.some((o) => o.lessonId === ids.mondayMaths && o.plannedOn === "2026-11-16")).toBe(false);
    expect(named(b)).toEqual([
      "50 2026-11-23→2026-11-23 08:00",
      "52 2026-11-24→2026-11-24 14:00",
      "50 2026-11-16→2026-11-25 14:00",
      "51 2026-11-17→2026-11-27 11:00",
    ]);
    const moved = b.find((o) => o.plannedOn === "2026-11-16");
    expect(moved).toMatchObject({ endsAt: "15:00", change: { moved: true, cancelled: false } });
  });

  it("shows a lesson moved out of the range in the range it goes to", async () => {
    const b = await week({ groupIds: [ids.group] }, WEEK_B);
    expect(b).toEqual([]);
    const nextA = await week({ groupIds: [ids.group] }, NEXT_WEEK_A);
    expect(named(nextA)).toEqual(["53 2026-11-26→2026-12-03 09:00", "53 2026-12-03→2026-12-03 09:00"]);
  });

  it("puts a substituted lesson in the substitute's week and keeps it in the original teacher's", async () => {
    const substitute = await week({ teacherIds: [ids.substitute] }, WEEK_B);
    expect(named(substitute)).toEqual(["52 2026-11-24→2026-11-24 14:00"]);
    expect(substitute[0].change?.substitute).toEqual({ id: ids.substitute, name: "Paul Remplaçant" });
    // the substitute does not get the other weeks of that lesson
    expect(await week({ teacherIds: [ids.substitute] }, { from: "2026-11-23", to: "2026-12-13" })).toHaveLength(1);
    const original = await week({ teacherIds: [ids.frenchTeacher] }, WEEK_B);
    expect(original.find((o) => o.lessonId === ids.frenchB)?.change?.substitute?.id).toBe(ids.substitute);
  });

  it("applies a room change to the occurrence and to the rooms' weeks", async () => {
    const b = await week({ classIds: [ids.klass] }, WEEK_B);
    expect(b.find((o) => o.lessonId === ids.frenchB)).toMatchObject({ room: { id: ids.room101, name: "101" }, change: { roomChanged: true } });
    const room101 = await week({ roomIds: [ids.room101] }, WEEK_B);
    expect(room101.map((o) => o.lessonId)).toContain(ids.frenchB);
    const room102 = await week({ roomIds: [ids.room102] }, WEEK_B);
    expect(room102.map((o) => o.lessonId)).not.toContain(ids.frenchB);
  });

  it("carries remote, exam and note flags", async () => {
    const a = await week({ groupIds: [ids.group] }, WEEK_A);
    expect(a[0].change).toMatchObject({ remote: true, exam: true, note: "Contrôle en visio", moved: false, cancelled: false });
  });

  it("finds one occurrence by its planned day, wherever it was moved", async () => {
    expect(await occurrenceOf(database.db, ids.establishment, ids.mondayMaths, "2026-11-16")).toMatchObject({ on: "2026-11-25" });
    expect(await occurrenceOf(database.db, ids.establishment, ids.mondayMaths, "2026-11-24")).toBeNull();
    expect(await occurrenceOf(database.db, "00000000-0000-4000-8000-00000000ffff", ids.mondayMaths, "2026-11-23")).toBeNull();
  });
});
