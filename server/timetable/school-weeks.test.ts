import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { schoolEvents } from "@/drizzle/schema";
import { schoolInstant } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import type { TimetableWeek } from "./week";

/**
 * The weeks A and B through the router, on the demo school, on Monday 16 November 2026: a week B, whose next two
 * weeks (those families are told about) end on Sunday 29 November. The demo alternates A from the rentrée's week.
 */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const ECOLE = DEMO_ESTABLISHMENTS.ecole.uai;
const NEW_UAI = "0699990X";
let database: Database;
let class4eB: string;
let class4eC: string;
let collegeYear: string;
const told: DomainEvents["lesson.changed"][] = [];
const bus = createLocalBus();
bus.subscribe("lesson.changed", (event) => told.push(event));

const as = (key: keyof typeof DEMO_ACCOUNTS, uai: string = COLLEGE) => callerFor(database.db, DEMO_ACCOUNTS[key].login, uai, bus);
const lessonIds = (week: TimetableWeek) => new Set(week.days.flatMap((day) => day.occurrences.map((o) => o.lessonId)));
const weekOf = async (classId: string, monday: string) => (await as("direction")).timetable.classWeek({ classId, week: monday });
const letters = async (schoolYearId: string, key: keyof typeof DEMO_ACCOUNTS = "direction", uai: string = COLLEGE) =>
  new Map((await (await as(key, uai)).timetable.schoolWeeks({ schoolYearId })).weeks.map((w) => [w.monday, w.pattern]));

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-16T07:00:00Z") });
  database = await createTestDatabase({ demo: true });
  const refs = await (await as("direction")).timetable.references();
  class4eB = refs.classes.find((c) => c.name === "4eB")!.id;
  class4eC = refs.classes.find((c) => c.name === "4eC")!.id;
  collegeYear = refs.schoolYear!.id;
});
afterAll(async () => {
  vi.useRealTimers();
  await database.close();
});

describe("a new school year", () => {
  it("is laid out in weeks A and B from its first week when an establishment is created", async () => {
    // the demo's administrator is also the installation's super-administrator
    await (await as("admin")).admin.createEstablishment({ uai: NEW_UAI, name: "Collège Neuf", kind: "college", city: null });
    const api = await as("admin", NEW_UAI);
    const year = (await api.timetable.references()).schoolYear!;
    const { weeks } = await api.timetable.schoolWeeks({ schoolYearId: year.id });
    expect(year).toMatchObject({ startsOn: "2026-09-01", endsOn: "2027-08-31" });
    expect(weeks.slice(0, 3)).toMatchObject([
      { monday: "2026-08-31", pattern: "A" },
      { monday: "2026-09-07", pattern: "B" },
      { monday: "2026-09-14", pattern: "A" },
    ]);
    expect(weeks.every((week, index) => week.pattern === (index % 2 === 0 ? "A" : "B"))).toBe(true);
  });

  it("skips the holidays already known when the admin adds the next year, and follows its dates when they change", async () => {
    const api = await as("admin", NEW_UAI);
    const establishmentId = (await api.me.whoAmI()).activeEstablishmentId!;
    await database.db.insert(schoolEvents).values({
      establishmentId,
      kind: "holiday",
      title: "Vacances de la Toussaint",
      startsAt: schoolInstant("2027-10-23", "00:00"),
      endsAt: schoolInstant("2027-11-08", "00:00"),
      wholeEstablishment: true,
    });
    const trimesters = [
      { startsOn: "2027-09-01", endsOn: "2027-11-30" },
      { startsOn: "2027-12-01", endsOn: "2028-03-05" },
      { startsOn: "2028-03-06", endsOn: "2028-07-01" },
    ];
    await api.admin.saveSchoolYear({ label: "2027-2028", startsOn: "2027-09-01", endsOn: "2028-07-01", kind: "trimester", periods: trimesters });
    const year = (await api.admin.schoolYears()).find((y) => y.label === "2027-2028")!;
    const weeks = await letters(year.id, "admin", NEW_UAI);
    expect(weeks.get("2027-08-30")).toBe("A");
    expect(weeks.get("2027-10-18")).toBe("B");
    expect(weeks.get("2027-10-25")).toBeNull();
    expect(weeks.get("2027-11-01")).toBeNull();
    expect(weeks.get("2027-11-08")).toBe("A");

    // the year now ends a week later: its new week carries the alternation on
    const lastWeek = weeks.get("2028-06-26")!;
    await api.admin.saveSchoolYear({ label: "2027-2028", startsOn: "2027-09-01", endsOn: "2028-07-08", kind: "trimester", periods: trimesters });
    expect((await letters(year.id, "admin", NEW_UAI)).get("2028-07-03")).toBe(lastWeek === "A" ? "B" : "A");
  });
});

describe("the weeks of the year", () => {
  it("are listed for direction and admin with their letter, holidays and whether they are over", async () => {
    const { year, weeks } = await (await as("admin")).timetable.schoolWeeks({ schoolYearId: collegeYear });
    expect(year.label).toBe("2026-2027");
    expect(weeks.find((w) => w.monday === "2026-11-09")).toMatchObject({ pattern: "A", holiday: "days", past: true });
    expect(weeks.find((w) => w.monday === "2026-11-16")).toMatchObject({ pattern: "B", holiday: null, past: false });
    expect(weeks.find((w) => w.monday === "2026-12-21")).toMatchObject({ pattern: null, holiday: "week" });
  });

  it("are refused to every other profile, and to the direction of another establishment", async () => {
    for (const key of ["cpe", "secretariat", "leadTeacher", "student", "guardian"] as const) {
      await expect((await as(key)).timetable.schoolWeeks({ schoolYearId: collegeYear })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect((await as(key)).timetable.setSchoolWeek({ schoolYearId: collegeYear, monday: "2026-11-30", pattern: "A" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const ecoleDirection = await as("ecoleDirection", ECOLE);
    await expect(ecoleDirection.timetable.alternateWeeks({ schoolYearId: collegeYear, weekA: "2026-11-30" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ecoleYear = (await ecoleDirection.timetable.references()).schoolYear!.id;
    await expect((await as("direction")).timetable.setSchoolWeek({ schoolYearId: ecoleYear, monday: "2026-11-30", pattern: "A" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await letters(collegeYear)).get("2026-11-30")).toBe("B");
  });

  it("never change once over, nor outside the year or its school weeks", async () => {
    const director = await as("direction");
    await expect(director.timetable.alternateWeeks({ schoolYearId: collegeYear, weekA: "2026-11-09" })).rejects.toMatchObject({ message: "timetable.schoolWeeks.errors.past" });
    await expect(director.timetable.setSchoolWeek({ schoolYearId: collegeYear, monday: "2026-11-09", pattern: "B" })).rejects.toMatchObject({ message: "timetable.schoolWeeks.errors.past" });
    await expect(director.timetable.alternateWeeks({ schoolYearId: collegeYear, weekA: "2026-12-21" })).rejects.toMatchObject({ message: "timetable.schoolWeeks.errors.notSchoolWeek" });
    await expect(director.timetable.alternateWeeks({ schoolYearId: collegeYear, weekA: "2026-11-18" })).rejects.toMatchObject({ message: "timetable.schoolWeeks.errors.notSchoolWeek" });
    await expect(director.timetable.setSchoolWeek({ schoolYearId: collegeYear, monday: "2027-09-06", pattern: "A" })).rejects.toMatchObject({ message: "timetable.schoolWeeks.errors.notSchoolWeek" });
    await expect(director.timetable.setSchoolWeek({ schoolYearId: collegeYear, monday: "2026-12-28", pattern: "A" })).rejects.toMatchObject({ message: "timetable.schoolWeeks.errors.notSchoolWeek" });
  });
});

describe("regenerating the alternation and changing a week", () => {
  it("moves week-B lessons off a week that becomes A, onto the next, and skips the Christmas holidays", async () => {
    // 4eC has technologie on week B only, and lessons on week A only
    const [weekA, weekB] = [await weekOf(class4eC, "2026-11-23"), await weekOf(class4eC, "2026-11-30")];
    const onlyB = [...lessonIds(weekB)].filter((id) => !lessonIds(weekA).has(id));
    const onlyA = [...lessonIds(weekA)].filter((id) => !lessonIds(weekB).has(id));
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyB.length).toBeGreaterThan(0);

    told.length = 0;
    await (await as("direction")).timetable.alternateWeeks({ schoolYearId: collegeYear, weekA: "2026-11-30" });
    const weeks = await letters(collegeYear);
    expect(["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2027-01-04"].map((m) => weeks.get(m))).toEqual(["A", "A", "B", "A", null, "B"]);
    const [now, next] = [lessonIds(await weekOf(class4eC, "2026-11-30")), lessonIds(await weekOf(class4eC, "2026-12-07"))];
    expect(onlyB.every((id) => !now.has(id) && next.has(id))).toBe(true);
    expect(onlyA.every((id) => now.has(id) && !next.has(id))).toBe(true);
    // nothing changed in the next two weeks: nobody is told
    expect(told).toEqual([]);
  });

  it("tells the families of the lessons a week's new letter takes away or brings in the next two weeks", async () => {
    const before = lessonIds(await weekOf(class4eB, "2026-11-23"));
    told.length = 0;
    await (await as("admin")).timetable.setSchoolWeek({ schoolYearId: collegeYear, monday: "2026-11-23", pattern: "B" });
    const after = lessonIds(await weekOf(class4eB, "2026-11-23"));
    const gone = [...before].filter((id) => !after.has(id));
    const arrived = [...after].filter((id) => !before.has(id));
    expect(gone.length).toBeGreaterThan(0);
    const cancelled = told.filter((event) => event.changes[0] === "cancelled" && gone.includes(event.lessonId));
    expect(cancelled.length).toBeGreaterThanOrEqual(gone.length);
    expect(cancelled.every((event) => event.onDate >= "2026-11-23" && event.onDate <= "2026-11-27" && event.was)).toBe(true);
    expect(arrived.every((id) => told.some((event) => event.lessonId === id && event.changes[0] !== "cancelled"))).toBe(true);
    expect(told.every((event) => event.onDate >= "2026-11-23" && event.onDate <= "2026-11-29")).toBe(true);
  });
});

describe("lessons of week A or B", () => {
  const saturday = (subjectId: string, weeks: "A" | "B") => ({
    subjectId,
    teacherIds: [],
    classId: class4eB,
    groupId: null,
    roomId: null,
    weekday: 6,
    startsAt: "09:00",
    endsAt: "10:00",
    weeks,
    // Saturday 9 January 2027, in a week B since the alternation was laid again from 30 November
    validFrom: "2027-01-09",
    validUntil: "2027-01-09",
  });

  it("are refused when no week of their letter falls in their dates, by hand and by import", async () => {
    const director = await as("direction");
    const french = (await director.timetable.references()).subjects.find((s) => s.code === "FRANC")!.id;
    expect((await letters(collegeYear)).get("2027-01-04")).toBe("B");
    await expect(director.timetable.createLesson(saturday(french, "A"))).rejects.toMatchObject({ message: "timetable.errors.noWeekOfLetter" });
    const lesson = await director.timetable.createLesson(saturday(french, "B"));
    await expect(director.timetable.updateLesson({ lessonId: lesson.id, ...saturday(french, "A") })).rejects.toMatchObject({ message: "timetable.errors.noWeekOfLetter" });

    const csv = (week: string) => `jour;debut;fin;matiere;classe;semaine;du;au\nsamedi;11:00;12:00;FRANC;4eB;${week};09/01/2027;2027-01-09\n`;
    const refused = await director.timetable.previewImport({ csv: csv("A"), replace: false });
    expect(refused.lines[0].errors).toEqual([{ key: "import.errors.noWeekOfLetter", values: { value: "A" } }]);
    expect((await director.timetable.previewImport({ csv: csv("B"), replace: false })).errorCount).toBe(0);
  });
});
