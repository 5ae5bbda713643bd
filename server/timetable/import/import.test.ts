import { readFileSync } from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, establishments, lessonChanges, lessons, rooms, subjects } from "@/drizzle/schema";
import { timeOfDay } from "@/server/calendar/days";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { occurrencesBetween } from "../occurrences";
import { applyImport } from "./apply";
import { planImport } from "./plan";

/** Importing a timetable file on the demo collège, whose week is already full but for Wednesday afternoon. */
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures", name), "utf8");
const NOW = new Date("2026-11-23T10:00:00Z");
let database: Database;
let college: string;

const lessonCount = async () =>
  (await database.db.select({ n: count() }).from(lessons).where(eq(lessons.establishmentId, college)))[0].n;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [{ id: college }] = await database.db
    .select({ id: establishments.id })
    .from(establishments)
    .where(eq(establishments.uai, DEMO_ESTABLISHMENTS.college.uai));
});
afterAll(() => database.close());

describe("the dry run", () => {
  it("reports every line's errors with its line number, and writes nothing", async () => {
    const before = await lessonCount();
    const plan = await planImport(database.db, college, fixture("import-errors.csv"), { replace: false }, NOW);
    expect(plan.fileError).toBeNull();
    const errorsOf = (line: number) => plan.lines.find((l) => l.line === line)!.errors;
    expect(errorsOf(2)).toEqual([]);
    expect(errorsOf(3)).toEqual([{ key: "import.errors.unknownTeacher", values: { value: "inconnu.prof" } }]);
    expect(errorsOf(4)).toEqual([
      { key: "import.errors.badTime", values: { value: "25:00" } },
      { key: "import.errors.unknownClass", values: { value: "4eZ" } },
    ]);
    expect(errorsOf(5)).toEqual([
      { key: "import.errors.clashExisting", values: expect.objectContaining({ clash: "class", audience: "4eB", day: "1" }) },
    ]);
    expect(errorsOf(6)).toEqual([{ key: "import.errors.badWeek", values: { value: "C" } }]);
    expect(errorsOf(7)).toEqual([{ key: "import.errors.clashInFile", values: { line: 2, clash: "class" } }]);
    expect(plan.errorCount).toBe(5);
    expect(await lessonCount()).toBe(before);
  });

  it("reads commas as well as semicolons, with or without a BOM, and French days, times and names", async () => {
    const semicolons = fixture("import-valid.csv");
    const commas = `\uFEFF${semicolons.replace(/;/g, ",")}`;
    for (const text of [semicolons, commas]) {
      const plan = await planImport(database.db, college, text, { replace: false }, NOW);
      expect(plan.errorCount).toBe(0);
      expect(plan.lines.map((l) => l.lesson && [l.lesson.weekday, l.lesson.startsAt, l.lesson.endsAt, l.lesson.weeks, l.lesson.validFrom])).toEqual([
        [3, "13:30", "14:30", "A", "2026-09-01"],
        [3, "13:30", "14:30", "B", "2026-09-01"],
        [3, "14:30", "15:30", "every", "2027-01-04"],
      ]);
      expect(plan.newRooms).toEqual(["Salle du club"]);
    }
  });

  it("names the file's problem when it is not a timetable CSV", async () => {
    const plan = (text: string) => planImport(database.db, college, text, { replace: false }, NOW);
    expect((await plan("nom;prenom\nDupont;Marie\n")).fileError).toMatchObject({ key: "import.errors.missingColumns" });
    expect((await plan("jour;debut;fin;matiere;classe\n")).fileError).toMatchObject({ key: "import.errors.empty" });
    expect((await plan("jour;debut;fin;matiere;classe\nlundi;8h;9h;Fran\uFFFDais;4eB\n")).fileError).toMatchObject({ key: "import.errors.notUtf8" });
  });
});

describe("applying", () => {
  it("writes nothing at all when one line is wrong", async () => {
    const before = await lessonCount();
    await expect(applyImport(database.db, college, fixture("import-errors.csv"), { replace: false }, NOW)).rejects.toMatchObject({
      key: "timetable.import.errors.notApplied",
    });
    expect(await lessonCount()).toBe(before);
  });

  it("writes every lesson of a clean file in one go, with the new room, through the router", async () => {
    const before = await lessonCount();
    const director = await callerFor(database.db, DEMO_ACCOUNTS.direction.login, DEMO_ESTABLISHMENTS.college.uai);
    const preview = await director.timetable.previewImport({ csv: fixture("import-valid.csv"), replace: false });
    expect(preview).toMatchObject({ fileError: null, errorCount: 0, newRooms: ["Salle du club"] });
    expect(await director.timetable.applyImport({ csv: fixture("import-valid.csv"), replace: false })).toEqual({
      created: 3,
      deleted: 0,
      ended: 0,
      roomsCreated: 1,
    });
    expect(await lessonCount()).toBe(before + 3);
    expect(await database.db.select().from(rooms).where(and(eq(rooms.establishmentId, college), eq(rooms.name, "Salle du club")))).toHaveLength(1);
    // the same file again clashes with what it wrote
    const again = await director.timetable.previewImport({ csv: fixture("import-valid.csv"), replace: false });
    expect(again.errorCount).toBe(3);
  });

  it("replaces a class's timetable from the file's start date, keeping its past", async () => {
    const [class4eB] = await database.db.select({ id: classes.id }).from(classes).where(and(eq(classes.establishmentId, college), eq(classes.name, "4eB")));
    const of4eB = () => database.db.select().from(lessons).where(eq(lessons.classId, class4eB.id));
    const before = await of4eB();
    const fromJanuary = "jour;debut;fin;matiere;enseignants;classe;du\nmercredi;13:30;14:30;FRANC;;4eB;04/01/2027\n";

    const fromYearStart = await planImport(database.db, college, fromJanuary.replace(";04/01/2027", ";"), { replace: true }, NOW);
    expect(fromYearStart.lines[0].errors).toEqual([{ key: "import.errors.replacesPast", values: { audience: "4eB" } }]);

    const result = await applyImport(database.db, college, fromJanuary, { replace: true }, NOW);
    expect(result.created).toBe(1);
    expect(result.ended).toBe(before.length);
    const after = await of4eB();
    expect(after.filter((l) => l.validUntil === "2027-01-03")).toHaveLength(before.length);
    expect(after.filter((l) => l.validFrom === "2027-01-04")).toHaveLength(1);
  });
  it("passes what was planned for the replaced lessons' coming days to the file's lessons that take over", async () => {
    const [class3eA] = await database.db.select({ id: classes.id }).from(classes).where(and(eq(classes.establishmentId, college), eq(classes.name, "3eA")));
    const replaced = (await database.db.select().from(lessons).where(eq(lessons.classId, class3eA.id))).find((lesson) => lesson.weeks === "every")!;
    const [{ code }] = await database.db.select({ code: subjects.code }).from(subjects).where(eq(subjects.id, replaced.subjectId));
    const [examDay] = (await occurrencesBetween(database.db, { establishmentId: college, lessonIds: [replaced.id] }, "2027-01-04", "2027-01-31")).map((o) => o.plannedOn);
    await database.db.insert(lessonChanges).values({ lessonId: replaced.id, onDate: examDay, exam: true, note: "Devoir surveillé" });

    // the same lesson on the same day and time, from January, in the file that replaces 3eA's timetable
    const day = ["", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"][replaced.weekday];
    const file = `jour;debut;fin;matiere;enseignants;classe;du\n${day};${timeOfDay(replaced.startsAt)};${timeOfDay(replaced.endsAt)};${code};;3eA;04/01/2027\n`;
    await applyImport(database.db, college, file, { replace: true }, NOW);

    const [successor] = await database.db.select().from(lessons).where(and(eq(lessons.classId, class3eA.id), eq(lessons.validFrom, "2027-01-04")));
    const [exam] = await occurrencesBetween(database.db, { establishmentId: college, lessonIds: [successor.id] }, examDay, examDay);
    expect(exam.change).toMatchObject({ exam: true, note: "Devoir surveillé" });
  });
});
