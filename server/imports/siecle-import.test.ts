import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEnrolments, classes, groupMemberships, guardianships, people, schoolYears, teachingGroups } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import type { ImportEvent } from "@/server/trpc/routers/imports";
import { emptyEstablishment, fixture } from "./test-establishment";

let database: Database;
let api: Caller;
let setup: Awaited<ReturnType<typeof emptyEstablishment>>;

/** SIECLE's exports as the tests' fixtures hold them (ISO-8859-15, CRLF), read as bytes one code unit per character to be changed. */
const latin = (name: string) => readFileSync(new URL(`./fixtures/siecle/${name}`, import.meta.url)).toString("latin1");
const upload = (text: string) => Buffer.from(text, "latin1").toString("base64");
const PUPILS = latin("ElevesAvecAdresses.xml");
const GUARDIANS = latin("ResponsablesAvecAdresses.xml");
const FILES = { pupils: upload(PUPILS), guardians: upload(GUARDIANS) };

async function apply(files: Record<string, string>, schoolYearId = setup.year.id): Promise<ImportEvent[]> {
  const events: ImportEvent[] = [];
  for await (const event of await api.imports.run({ schoolYearId, files })) events.push(event);
  return events;
}

async function counts() {
  const [p, g, e] = await Promise.all([database.db.select().from(people), database.db.select().from(guardianships), database.db.select().from(classEnrolments)]);
  return { people: p.length, guardianships: g.length, enrolments: e.length };
}

const personNamed = async (firstName: string) => (await database.db.select().from(people).where(eq(people.firstName, firstName)))[0];
const classesOf = async (studentId: string, schoolYearId: string) =>
  (
    await database.db
      .select({ name: classes.name, level: classes.level })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(and(eq(classEnrolments.studentId, studentId), eq(classes.schoolYearId, schoolYearId)))
  ).map((c) => `${c.name} (${c.level})`);

beforeAll(async () => {
  database = await createTestDatabase();
  setup = await emptyEstablishment(database.db);
  api = await callerFor(database.db, setup.admin.login, setup.establishment.uai);
});
afterAll(() => database.close());

describe("SIECLE's XML exports", () => {
  it("are read in ISO-8859-15 and planned like the CSV files, naming each element, writing nothing", async () => {
    const before = await counts();
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: FILES });
    expect(report.fileErrors).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.files).toEqual([
      { kind: "pupils", encoding: "ISO-8859-15", separator: null, rows: 3, leftOut: 1 },
      { kind: "guardians", encoding: "ISO-8859-15", separator: null, rows: 3, leftOut: 3 },
    ]);
    expect(report.lines.map((l) => [l.element, l.name, l.action])).toEqual([
      ['<ELEVE ELEVE_ID="4100001">', "LECŒUR Noémie", "create"],
      ['<ELEVE ELEVE_ID="4100002">', "N'DIAYE Amadou", "create"],
      ['<ELEVE ELEVE_ID="4100004">', "LECŒUR Gaël", "create"],
      ['<PERSONNE PERSONNE_ID="5200001">', "LECŒUR Hélène", "create"],
      ['<PERSONNE PERSONNE_ID="5200002">', "LECŒUR Benoît", "create"],
      ['<PERSONNE PERSONNE_ID="5200004">', "SOW Ibrahima", "create"],
    ]);
    expect(report.newClasses.sort()).toEqual(["5B", "6A"]);
    expect(report.newGroups.sort()).toEqual(["5 LATIN", "6 BILANGUE"]);
    expect(await counts()).toEqual(before);
  });

  it("apply all at once with progress: classes from divisions, groups, and only legal guardians linked", async () => {
    const events = await apply(FILES);
    expect(events.some((e) => e.type === "progress")).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "done", created: 6, classes: 2, groups: 2 });

    const noemie = await personNamed("Noémie");
    expect(noemie.status).toBe("pending");
    expect(await classesOf(noemie.id, setup.year.id)).toEqual(["6A (6e)"]);
    const [group] = await database.db
      .select({ name: teachingGroups.name })
      .from(groupMemberships)
      .innerJoin(teachingGroups, eq(teachingGroups.id, groupMemberships.groupId))
      .where(eq(groupMemberships.studentId, noemie.id));
    expect(group.name).toBe("6 BILANGUE");

    const helene = await personNamed("Hélène");
    expect(helene).toMatchObject({ lastName: "LECŒUR", email: "helene.lecoeur@example.org", phone: "0612000001" });
    const links = await database.db.select().from(guardianships).where(eq(guardianships.guardianId, helene.id));
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.relationship === "mother" && l.receivesInformation)).toBe(true);
    const ibrahima = await personNamed("Ibrahima");
    expect((await database.db.select().from(guardianships).where(eq(guardianships.guardianId, ibrahima.id)))[0].relationship).toBe("tutor");
    // a grandmother (RESP_LEGAL 0), a contact without RESP_LEGAL, a pupil who left and his mother get no account
    for (const firstName of ["Odette", "Rémi", "Jules", "Carole"]) expect(await personNamed(firstName)).toBeUndefined();
  });

  it("change nothing when imported again", async () => {
    const before = await counts();
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: FILES });
    expect(report.changeCount).toBe(0);
    expect(await apply(FILES)).toContainEqual(expect.objectContaining({ type: "done", created: 0, updated: 0, leavers: 0 }));
    expect(await counts()).toEqual(before);
  });

  it("of next year move pupils, and disable those who left with a DATE_SORTIE and their guardians", async () => {
    const [next] = await database.db
      .insert(schoolYears)
      .values({ establishmentId: setup.establishment.id, label: "2027-2028", startsOn: "2027-09-01", endsOn: "2028-07-04" })
      .returning();
    const nextPupils = PUPILS.replace("<CODE_STRUCTURE>6A</CODE_STRUCTURE>", "<CODE_STRUCTURE>5A</CODE_STRUCTURE>")
      .replace("<CODE_MEF>10010012110</CODE_MEF>", "<CODE_MEF>10110001110</CODE_MEF>")
      .replace("<DATE_ENTREE>02/09/2025</DATE_ENTREE>", "<DATE_ENTREE>02/09/2025</DATE_ENTREE><DATE_SORTIE>03/07/2026</DATE_SORTIE>");
    const files = { pupils: upload(nextPupils), guardians: upload(GUARDIANS) };
    const report = await api.imports.preview({ schoolYearId: next.id, files });
    expect(report.errorCount).toBe(0);
    expect(report.leavers.map((l) => [l.name, l.kind, l.disable])).toEqual([
      ["N'DIAYE Amadou", "pupils", true],
      ["SOW Ibrahima", "guardians", true],
    ]);

    expect(await apply(files, next.id)).toContainEqual(expect.objectContaining({ type: "done", leavers: 2 }));
    expect(await classesOf((await personNamed("Noémie")).id, next.id)).toEqual(["5A (5e)"]);
    expect((await personNamed("Amadou")).status).toBe("disabled");
    expect((await personNamed("Ibrahima")).status).toBe("disabled");
  });
});

describe("a SIECLE XML file that cannot be imported", () => {
  const refused = async (files: Record<string, string>) => {
    const before = await counts();
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files });
    const events = await apply(files);
    expect(events.at(-1)?.type).toBe("failed");
    expect(await counts()).toEqual(before);
    return report.fileErrors;
  };

  it("malformed is refused with the line where it breaks", async () => {
    const broken = PUPILS.replace("<STRUCTURES_ELEVE ELEVE_ID=\"4100002\"", "<STRICTURES_ELEVE ELEVE_ID=\"4100002\"");
    const lines = broken.split("\r\n");
    // where the parser finds out: the closing tag that does not match the misspelt opening one
    const line = lines.findIndex((l, index) => index > lines.findIndex((o) => o.includes("STRICTURES")) && l.includes("</STRUCTURES_ELEVE>")) + 1;
    expect(await refused({ pupils: upload(broken) })).toEqual([
      { kind: "pupils", error: { key: "imports.errors.xmlMalformed", values: { line, column: expect.any(Number) } } },
    ]);
  });

  it("of another kind, in the wrong slot, or from no SIECLE export names its root", async () => {
    const nomenclature = '<?xml version="1.0" encoding="ISO-8859-15"?>\r\n<BEE_NOMENCLATURES VERSION="3.1"><PARAMETRES/></BEE_NOMENCLATURES>';
    expect(await refused({ pupils: upload(GUARDIANS), guardians: upload(nomenclature), teachers: upload(PUPILS) })).toEqual([
      { kind: "pupils", error: { key: "imports.errors.xmlRoot", values: { root: "BEE_RESPONSABLES", kind: "pupils" } } },
      { kind: "guardians", error: { key: "imports.errors.xmlRoot", values: { root: "BEE_NOMENCLATURES", kind: "guardians" } } },
      { kind: "teachers", error: { key: "imports.errors.xmlRoot", values: { root: "BEE_ELEVES", kind: "teachers" } } },
    ]);
  });

  it("of another establishment is refused before its people are compared", async () => {
    expect(await refused({ pupils: upload(PUPILS.replace("<UAJ>0699990X</UAJ>", "<UAJ>0751234J</UAJ>")) })).toEqual([
      { kind: "pupils", error: { key: "imports.errors.siecleOtherSchool", values: { school: "0751234J", uai: "0699990X" } } },
    ]);
  });

  it("that says it is UTF-8 but is not is refused; one that is, is read", async () => {
    const lying = PUPILS.replace('encoding="ISO-8859-15"', 'encoding="UTF-8"');
    expect(await refused({ pupils: upload(lying) })).toEqual([{ kind: "pupils", error: { key: "imports.errors.xmlEncoding", values: { encoding: "UTF-8" } } }]);
    const utf8 = Buffer.from(new TextDecoder("iso-8859-15").decode(Buffer.from(lying, "latin1")), "utf8");
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: { pupils: utf8.toString("base64") } });
    expect(report.files[0].encoding).toBe("UTF-8");
    expect(report.lines[0].name).toBe("LECŒUR Noémie");
  });
});

describe("a spreadsheet", () => {
  it("saved by SIECLE as .xls is refused with how to export it", async () => {
    const workbook = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(workbook);
    const report = await api.imports.preview({ schoolYearId: setup.year.id, files: { pupils: workbook.toString("base64") } });
    expect(report.fileErrors).toEqual([{ kind: "pupils", error: { key: "imports.errors.spreadsheet" } }]);
  });

  it("saved as CSV from SIECLE's export is read by its column names, leaving out who left", async () => {
    const { establishment, year, admin } = await emptyEstablishment(database.db, "0699993A");
    const college = await callerFor(database.db, admin.login, establishment.uai);
    const report = await college.imports.preview({ schoolYearId: year.id, files: { pupils: fixture("siecle-eleves.csv") } });
    expect(report.fileErrors).toEqual([]);
    expect(report.files).toEqual([{ kind: "pupils", encoding: "windows-1252", separator: ";", rows: 2, leftOut: 1 }]);
    expect(report.lines.map((l) => [l.line, l.name, l.action, l.errors])).toEqual([
      [2, "MARCHAND Éloïse", "create", []],
      [3, "BOYER Lucas", "create", []],
    ]);
    expect(report.newClasses.sort()).toEqual(["3A", "4C"]);
  });
});
