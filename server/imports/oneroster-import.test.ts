import { readdirSync, readFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEnrolments, classes, groupMemberships, guardianships, people, profiles, subjects, teachingAssignments, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Database } from "@/server/db/client";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { emptyEstablishment, fixture } from "./test-establishment";

let database: Database;
let api: Caller;
let setup: Awaited<ReturnType<typeof emptyEstablishment>>;

const folder = new URL("./fixtures/oneroster/", import.meta.url);
/** The fixture package's files, to be changed by a test before it is zipped. */
const packageFiles = (): Record<string, Uint8Array> => Object.fromEntries(readdirSync(folder).map((name) => [name, new Uint8Array(readFileSync(new URL(name, folder)))]));
const zipped = (files: Record<string, Uint8Array>) => Buffer.from(zipSync(files)).toString("base64");
const PACKAGE = zipped(packageFiles());

async function run(caller: Caller, schoolYearId: string, files: Record<string, string>) {
  const events = [];
  for await (const event of await caller.imports.run({ schoolYearId, files })) events.push(event);
  return events.at(-1);
}

/** Everything an import writes about an establishment, by names rather than ids, for comparing two of them. */
async function rosterOf(db: Db, establishmentId: string) {
  const profileRows = await db
    .select({ id: people.id, name: people.lastName, first: people.firstName, role: profiles.role })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .where(eq(profiles.establishmentId, establishmentId));
  const nameOf = new Map(profileRows.map((p) => [p.id, `${p.name} ${p.first}`]));
  const ids = [...nameOf.keys()];
  const [enrolled, members, links, taught] = await Promise.all([
    db.select({ student: classEnrolments.studentId, name: classes.name, level: classes.level }).from(classEnrolments).innerJoin(classes, eq(classes.id, classEnrolments.classId)).where(eq(classes.establishmentId, establishmentId)),
    db.select({ student: groupMemberships.studentId, name: teachingGroups.name }).from(groupMemberships).innerJoin(teachingGroups, eq(teachingGroups.id, groupMemberships.groupId)).where(eq(teachingGroups.establishmentId, establishmentId)),
    db.select().from(guardianships).where(inArray(guardianships.guardianId, ids)),
    db
      .select({ teacher: teachingAssignments.teacherId, subject: subjects.name, code: subjects.code, className: classes.name, group: teachingGroups.name, lead: teachingAssignments.isLeadTeacher })
      .from(teachingAssignments)
      .innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
      .leftJoin(classes, eq(classes.id, teachingAssignments.classId))
      .leftJoin(teachingGroups, eq(teachingGroups.id, teachingAssignments.groupId))
      .where(eq(teachingAssignments.establishmentId, establishmentId)),
  ]);
  return {
    people: profileRows.filter((p) => p.role !== "admin").map((p) => `${nameOf.get(p.id)}: ${p.role}`).sort(),
    classes: enrolled.map((e) => `${nameOf.get(e.student)} in ${e.name} (${e.level})`).sort(),
    groups: members.map((m) => `${nameOf.get(m.student)} in ${m.name}`).sort(),
    guardians: links.map((l) => `${nameOf.get(l.guardianId)} of ${nameOf.get(l.studentId)}`).sort(),
    teaching: taught.map((t) => `${nameOf.get(t.teacher)}: ${t.subject} (${t.code}) to ${t.className ?? t.group}${t.lead ? ", lead" : ""}`).sort(),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  setup = await emptyEstablishment(database.db, "0699992Z");
  api = await callerFor(database.db, setup.admin.login, setup.establishment.uai);
});
afterAll(() => database.close());

describe("a OneRoster package imported on an empty establishment", () => {
  it("goes through the same dry run as the CSV files, one line per person and role", async () => {
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: { oneRoster: PACKAGE } });
    expect(report.fileErrors).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.files.map((f) => [f.kind, f.rows])).toEqual([
      ["pupils", 3],
      ["guardians", 2],
      ["teachers", 2],
      ["staff", 2],
    ]);
    const raoul = report.lines.filter((l) => l.name === "Archambault Raoul");
    expect(raoul.map((l) => l.kind)).toEqual(["guardians", "teachers"]);
    expect(new Set(raoul.map((l) => l.login)).size).toBe(1);
    expect(report.lines.map((l) => l.name)).not.toContain("Ancien Paul");
    expect(report.lines.map((l) => l.name)).not.toContain("Partie Nina");
    expect(report.lines.map((l) => l.name)).not.toContain("Ailleurs Marc");
    expect(report.lines.map((l) => l.name)).not.toContain("Admin Ada");
    expect(report.newClasses.sort()).toEqual(["5eB", "6eA"]);
    expect(report.newGroups.sort()).toEqual(["Anglais 6e", "Latin 5e"]);
    expect(report.newSubjects.sort()).toEqual(["Anglais", "Mathématiques"]);
  });

  it("applies it: classes, groups, guardians, teaching and one account for a teacher who is also a parent", async () => {
    expect(await run(api, setup.year.id, { oneRoster: PACKAGE })).toMatchObject({ type: "done", created: 8, classes: 2, groups: 2 });
    expect(await rosterOf(database.db, setup.establishment.id)).toEqual({
      people: [
        "Archambault Raoul: guardian",
        "Archambault Raoul: teacher",
        "Barboza Olivier: cpe",
        "Colin Amélie: guardian",
        "Colin Léa: student",
        "Colin Théo: student",
        "N'Guyen Zoé: student",
        "Percevault Julienne: direction",
        "Simani Félicité: teacher",
      ],
      classes: ["Colin Léa in 6eA (6e)", "Colin Théo in 5eB (5e)", "N'Guyen Zoé in 6eA (6e)"],
      groups: ["Colin Léa in Anglais 6e", "Colin Théo in Latin 5e", "N'Guyen Zoé in Anglais 6e"],
      guardians: ["Archambault Raoul of N'Guyen Zoé", "Colin Amélie of Colin Léa", "Colin Amélie of Colin Théo"],
      teaching: ["Archambault Raoul: Anglais (ANGLAIS) to Anglais 6e", "Simani Félicité: Mathématiques (MATHS) to 6eA, lead"],
    });
  });

  it("changes nothing when imported again", async () => {
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: { oneRoster: PACKAGE } });
    expect(report.changeCount).toBe(0);
    expect(await run(api, setup.year.id, { oneRoster: PACKAGE })).toMatchObject({ type: "done", created: 0, updated: 0, leavers: 0 });
  });

  it("disables a pupil the next package marks to be deleted", async () => {
    const files = packageFiles();
    files["users.csv"] = strToU8(Buffer.from(files["users.csv"]).toString("utf-8").replace("u-theo,,", "u-theo,tobedeleted,"));
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: { oneRoster: zipped(files) } });
    expect(report.leavers).toEqual([expect.objectContaining({ name: "Colin Théo", kind: "pupils", disable: true })]);
  });
});

describe("a malformed OneRoster package", () => {
  const refused = async (files: Record<string, string>) => {
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files });
    expect(await run(api, setup.year.id, files)).toMatchObject({ type: "failed" });
    return report.fileErrors;
  };
  const without = (name: string) => {
    const files = packageFiles();
    delete files[name];
    return zipped(files);
  };

  it("missing its users names the file", async () => {
    expect(await refused({ oneRoster: without("users.csv") })).toEqual([
      { kind: "oneRoster", file: "users.csv", error: { key: "imports.errors.missingFile", values: { file: "users.csv" } } },
    ]);
  });

  it("missing a file its manifest lists names it; a file it says is absent, or one Préau does not read, may be missing", async () => {
    expect((await refused({ oneRoster: without("courses.csv") }))[0].error).toEqual({ key: "imports.errors.missingFile", values: { file: "courses.csv" } });
    expect((await api.imports.preview({ schoolYearId: setup.year.id, files: { oneRoster: without("demographics.csv") } })).fileErrors).toEqual([]);
    const files = packageFiles();
    delete files["courses.csv"];
    files["manifest.csv"] = strToU8(Buffer.from(files["manifest.csv"]).toString("utf-8").replace("file.courses,bulk", "file.courses,absent"));
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: { oneRoster: zipped(files) } });
    expect(report.fileErrors).toEqual([]);
    expect(report.errorCount).toBe(0);
  });

  it("without a required column names the column", async () => {
    const files = packageFiles();
    files["users.csv"] = strToU8(Buffer.from(files["users.csv"]).toString("utf-8").replace(",givenName,", ",prenom,"));
    expect(await refused({ oneRoster: zipped(files) })).toEqual([
      { kind: "oneRoster", file: "users.csv", error: { key: "imports.errors.missingColumns", values: { columns: "givenName" } } },
    ]);
  });

  it("that is not a ZIP, or comes with CSV files, is refused", async () => {
    expect((await refused({ oneRoster: fixture("eleves.csv") }))[0].error.key).toBe("imports.errors.notZip");
    expect((await refused({ oneRoster: PACKAGE, pupils: fixture("eleves.csv") }))[0].error.key).toBe("imports.errors.oneRosterAlone");
  });

  it("describing several schools none of which is this establishment is refused", async () => {
    const { establishment, year, admin } = await emptyEstablishment(database.db, "0699994B");
    const other = await callerFor(database.db, admin.login, establishment.uai);
    const report = await other.imports.preview({ schoolYearId: year.id, files: { oneRoster: PACKAGE } });
    expect(report.fileErrors[0].error).toEqual({ key: "imports.errors.oneRosterSchool", values: { uai: "0699994B" } });
  });
});

describe("the OneRoster round trip", () => {
  it("exporting an establishment and importing the package on an empty one gives the same roster", async () => {
    const source = await emptyEstablishment(database.db, "0699995C");
    const from = await callerFor(database.db, source.admin.login, source.establishment.uai);
    const csv = { pupils: fixture("eleves.csv"), guardians: fixture("responsables.csv"), teachers: fixture("enseignants.csv"), staff: fixture("personnels.csv") };
    expect(await run(from, source.year.id, csv)).toMatchObject({ type: "done" });
    const { zip } = await from.imports.exportOneRoster();

    const target = await emptyEstablishment(database.db, "0699996D");
    const to = await callerFor(database.db, target.admin.login, target.establishment.uai);
    expect(await run(to, target.year.id, { oneRoster: zip })).toMatchObject({ type: "done" });

    const [before, after] = await Promise.all([rosterOf(database.db, source.establishment.id), rosterOf(database.db, target.establishment.id)]);
    expect(before.people.length).toBeGreaterThan(10);
    expect(before.groups).not.toEqual([]);
    expect(before.teaching.some((t) => t.endsWith("lead"))).toBe(true);
    expect(after).toEqual(before);
  });
});
