import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEnrolments, classes, guardianships, people, profiles, scheduledErasures, schoolYears, teachingAssignments } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import type { ImportEvent } from "@/server/trpc/routers/imports";
import { MAX_FILE_BYTES } from "./limits";
import { emptyEstablishment, fixture } from "./test-establishment";

let database: Database;
let api: Caller;
let setup: Awaited<ReturnType<typeof emptyEstablishment>>;

const FILES = {
  pupils: fixture("eleves.csv"),
  guardians: fixture("responsables.csv"),
  teachers: fixture("enseignants.csv"),
  staff: fixture("personnels.csv"),
};

async function apply(files: Record<string, string>, schoolYearId = setup.year.id): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  for await (const event of await api.imports.run({ schoolYearId, files })) events.push(event);
  return events;
}

async function counts() {
  const db = database.db;
  const [p, g, e, a] = await Promise.all([
    db.select().from(people),
    db.select().from(guardianships),
    db.select().from(classEnrolments),
    db.select().from(teachingAssignments),
  ]);
  return { people: p.length, guardianships: g.length, enrolments: e.length, assignments: a.length };
}

const personNamed = async (firstName: string) => (await database.db.select().from(people).where(eq(people.firstName, firstName)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  setup = await emptyEstablishment(database.db);
  api = await callerFor(database.db, setup.admin.login, setup.establishment.uai);
});
afterAll(() => database.close());

describe("a roster import on an empty establishment", () => {
  it("reads every shape and encoding and lists what it would create, writing nothing", async () => {
    const before = await counts();
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: FILES });
    expect(report.fileErrors).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.files.map((f) => [f.kind, f.encoding, f.separator])).toEqual([
      ["pupils", "utf-8", ";"],
      ["guardians", "windows-1252", ";"],
      ["teachers", "utf-8", ";"],
      ["staff", "windows-1252", ";"],
    ]);
    expect(report.lines.filter((l) => l.action === "create")).toHaveLength(14);
    expect(report.lines.find((l) => l.name === "N'Guyen Zoé")?.login).toBe("zoe.nguyen");
    expect(report.newClasses.sort()).toEqual(["5eB", "6eA"]);
    expect(report.newGroups.sort()).toEqual(["Anglais 6e", "Latin 5e"]);
    expect(await counts()).toEqual(before);
  });

  it("applies all at once with progress, then the accounts wait for their activation", async () => {
    const events = await apply(FILES);
    expect(events.some((e) => e.type === "progress")).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "done", created: 14, classes: 2, groups: 2 });

    const lea = await personNamed("Léa");
    expect(lea.status).toBe("pending");
    const [leaClass] = await database.db
      .select({ name: classes.name })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(eq(classEnrolments.studentId, lea.id));
    expect(leaClass.name).toBe("6eA");
    const francois = await personNamed("François");
    const links = await database.db.select().from(guardianships).where(eq(guardianships.guardianId, francois.id));
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.relationship === "father" && !l.receivesInformation)).toBe(true);
    const julienne = await personNamed("Julienne");
    const roles = await database.db.select({ role: profiles.role }).from(profiles).where(eq(profiles.personId, julienne.id));
    expect(roles.map((r) => r.role)).toEqual(["direction"]);
    const simani = await personNamed("Félicité");
    const taught = await database.db.select().from(teachingAssignments).where(eq(teachingAssignments.teacherId, simani.id));
    expect(taught).toHaveLength(2);
    expect(taught.filter((a) => a.isLeadTeacher)).toHaveLength(1);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await counts();
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: FILES });
    expect(report.changeCount).toBe(0);
    expect(report.lines.every((l) => l.action === "unchanged")).toBe(true);
    expect(await apply(FILES)).toContainEqual(expect.objectContaining({ type: "done", created: 0, updated: 0, leavers: 0 }));
    expect(await counts()).toEqual(before);
  });

  it("moves pupils into next year's classes, creates the newcomers and disables the leavers", async () => {
    const [next] = await database.db
      .insert(schoolYears)
      .values({ establishmentId: setup.establishment.id, label: "2027-2028", startsOn: "2027-09-01", endsOn: "2028-07-04" })
      .returning();
    const report = await api.imports.preview({ schoolYearId: next.id, files: { pupils: fixture("eleves-2027.csv") } });
    expect(report.errorCount).toBe(0);
    expect(report.leavers).toEqual([expect.objectContaining({ name: "Colin Théo", kind: "pupils", disable: true })]);
    expect(report.lines.find((l) => l.name === "Martin Inès")?.action).toBe("create");

    const events = await apply({ pupils: fixture("eleves-2027.csv") }, next.id);
    expect(events.at(-1)).toMatchObject({ type: "done", created: 1, leavers: 1 });
    const theo = await personNamed("Théo");
    expect(theo.status).toBe("disabled");
    const [erasure] = await database.db.select().from(scheduledErasures).where(eq(scheduledErasures.personId, theo.id));
    const months = (erasure.dueAt.getTime() - erasure.scheduledAt.getTime()) / (30 * 24 * 3600 * 1000);
    expect(months).toBeGreaterThan(2.9);
    expect(months).toBeLessThan(3.2);
    const lea = await personNamed("Léa");
    const nextClasses = await database.db
      .select({ name: classes.name })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(and(eq(classEnrolments.studentId, lea.id), eq(classes.schoolYearId, next.id)));
    expect(nextClasses.map((c) => c.name)).toEqual(["5eA"]);
    expect((await personNamed("Inès")).status).toBe("pending");
  });
});

describe("the OneRoster 1.2 export", () => {
  it("lists the school, its classes, people, roles and enrolments as CSV files in a ZIP", async () => {
    const { zip } = await api.imports.exportOneRoster();
    const files = unzipSync(new Uint8Array(Buffer.from(zip, "base64")));
    const lines = (name: string) => strFromU8(files[name]).trim().split("\r\n");
    expect(lines("manifest.csv")).toContain("oneroster.version,1.2");
    expect(lines("orgs.csv")[1]).toContain(",school,0699990X,");
    const users = lines("users.csv");
    expect(users[0]).toMatch(/^sourcedId,status,dateLastModified,enabledUser,username,/);
    expect(users.some((line) => line.includes(",lea.colin,") && line.includes(",06,"))).toBe(true);
    expect(lines("classes.csv").some((line) => line.includes(",6eA,06,") && line.includes(",homeroom,"))).toBe(true);
    expect(lines("enrollments.csv").filter((line) => line.endsWith(",teacher,true,,"))).not.toHaveLength(0);
    expect(new Set(lines("enrollments.csv").map((line) => line.split(",")[0])).size).toBe(lines("enrollments.csv").length);
  });
});

describe("a malformed file", () => {
  const refused = async (files: Record<string, string>) => {
    const before = await counts();
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files });
    const events = await apply(files);
    expect(events.at(-1)?.type).toBe("failed");
    expect(await counts()).toEqual(before);
    return report;
  };

  it("in UTF-16 is refused with the reason", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("externalid;Prénom;Nom;Classe\r\nX1;Léa;Colin;6eA\r\n", "utf16le")]);
    const report = await refused({ pupils: utf16.toString("base64") });
    expect(report.fileErrors).toEqual([{ kind: "pupils", error: { key: "imports.errors.badEncoding" } }]);
  });

  it("without a required column names the column", async () => {
    const report = await refused({ pupils: fixture("eleves-sans-classe.csv") });
    expect(report.fileErrors[0].error).toEqual({ key: "imports.errors.missingColumns", values: { columns: [{ key: "imports.fields.className" }] } });
  });

  it("with a repeated identifiant, a guardian of an unknown pupil and a bad e-mail shows each on its line", async () => {
    const report = await refused({ guardians: fixture("responsables-erreurs.csv") });
    const errorsOf = (line: number) => report.lines.find((l) => l.line === line)?.errors.map((e) => e.key);
    expect(errorsOf(3)).toEqual(["imports.lineErrors.unknownChild"]);
    expect(errorsOf(4)).toEqual(["imports.lineErrors.duplicate"]);
    expect(errorsOf(5)).toEqual(["imports.lineErrors.badEmail"]);
    expect(report.errorCount).toBe(3);
  });

  it("too large to be a roster is refused before it is read", async () => {
    const huge = Buffer.alloc(MAX_FILE_BYTES + 1, "a;b;c\n");
    const report = await refused({ pupils: huge.toString("base64") });
    expect(report.fileErrors[0].error.key).toBe("imports.errors.tooLarge");
  });
});

describe("the Base élèves shape", () => {
  it("links guardians to their children by name and class", async () => {
    const { establishment, year, admin } = await emptyEstablishment(database.db, "0699991Y");
    const ecole = await callerFor(database.db, admin.login, establishment.uai);
    const report = await ecole.imports.preview({
      schoolYearId: year.id,
      files: { pupils: fixture("be1d-eleves.csv"), guardians: fixture("be1d-responsables.csv") },
    });
    expect(report.errorCount).toBe(0);
    const claire = report.lines.find((l) => l.kind === "guardians")!;
    expect(claire.changes.filter((c) => c.key === "imports.changes.linked")).toHaveLength(2);
    expect(report.newClasses.sort()).toEqual(["CE1 de Mme Brun", "CM1 de M. Noir"]);
  });
});

describe("the school year an import names", () => {
  it("must be the establishment's own: another establishment's is refused and nothing is written", async () => {
    const other = await emptyEstablishment(database.db, "0699994B");
    const before = await counts();
    await expect(api.imports.preview({ schoolYearId: other.year.id, files: FILES })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(apply(FILES, other.year.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(before);
  });
});
