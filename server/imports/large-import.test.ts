import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classEnrolments, classes, guardianships, profiles } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import type { ImportEvent } from "@/server/trpc/routers/imports";
import { emptyEstablishment } from "./test-establishment";

const PUPILS = 3_000;
const PER_CLASS = 30;
const LEVELS = ["6", "5", "4", "3"];

/** A collège of several thousand pupils as SIECLE exports it: each pupil in a division, with a mother and a father. */
function siecleExports(uai: string) {
  const pupils: string[] = [];
  const structures: string[] = [];
  const persons: string[] = [];
  const links: string[] = [];
  for (let i = 0; i < PUPILS; i++) {
    const pupilId = String(5_000_000 + i);
    const division = `${LEVELS[i % LEVELS.length]}${String.fromCharCode(65 + Math.floor(i / LEVELS.length / PER_CLASS))}`;
    pupils.push(`<ELEVE ELEVE_ID="${pupilId}"><NOM_DE_FAMILLE>FAMILLE${i}</NOM_DE_FAMILLE><PRENOM>Élève${i}</PRENOM><DATE_NAISS>01/01/2013</DATE_NAISS></ELEVE>`);
    structures.push(`<STRUCTURES_ELEVE ELEVE_ID="${pupilId}"><STRUCTURE><CODE_STRUCTURE>${division}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>`);
    for (const [offset, kinship, firstName] of [[0, "10", "Mère"], [1, "20", "Père"]] as const) {
      const personId = String(6_000_000 + i * 2 + offset);
      persons.push(`<PERSONNE PERSONNE_ID="${personId}"><NOM_DE_FAMILLE>FAMILLE${i}</NOM_DE_FAMILLE><PRENOM>${firstName}${i}</PRENOM><COURRIEL>parent${personId}@example.org</COURRIEL></PERSONNE>`);
      links.push(`<RESPONSABLE_ELEVE><ELEVE_ID>${pupilId}</ELEVE_ID><PERSONNE_ID>${personId}</PERSONNE_ID><RESP_LEGAL>${offset + 1}</RESP_LEGAL><CODE_PARENTE>${kinship}</CODE_PARENTE></RESPONSABLE_ELEVE>`);
    }
  }
  const document = (root: string, data: string) =>
    Buffer.from(`<?xml version="1.0" encoding="ISO-8859-15"?>\r\n<${root}><PARAMETRES><UAJ>${uai}</UAJ></PARAMETRES><DONNEES>${data}</DONNEES></${root}>`, "latin1").toString("base64");
  return {
    pupils: document("BEE_ELEVES", `<ELEVES>${pupils.join("\r\n")}</ELEVES><STRUCTURES>${structures.join("\r\n")}</STRUCTURES>`),
    guardians: document("BEE_RESPONSABLES", `<PERSONNES>${persons.join("\r\n")}</PERSONNES><RESPONSABLES>${links.join("\r\n")}</RESPONSABLES>`),
  };
}

let database: Database;
let api: Caller;
let setup: Awaited<ReturnType<typeof emptyEstablishment>>;

beforeAll(async () => {
  database = await createTestDatabase();
  setup = await emptyEstablishment(database.db);
  api = await callerFor(database.db, setup.admin.login, setup.establishment.uai);
});
afterAll(() => database.close());

describe("a large import", () => {
  it("applies several thousand pupils with their guardians at once, reporting its progress as it goes", async () => {
    const events: ImportEvent[] = [];
    for await (const event of await api.imports.run({ schoolYearId: setup.year.id, files: siecleExports(setup.establishment.uai) })) events.push(event);

    expect(events.at(-1)).toEqual({ type: "done", created: PUPILS * 3, updated: 0, leavers: 0, classes: PUPILS / PER_CLASS, groups: 0 });
    const progress = events.filter((e) => e.type === "progress");
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.map((e) => e.done)).toEqual([...progress.map((e) => e.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });

    const establishmentId = setup.establishment.id;
    const [roles, enrolled, links] = await Promise.all([
      database.db.select({ role: profiles.role }).from(profiles).where(eq(profiles.establishmentId, establishmentId)),
      database.db.select({ classId: classEnrolments.classId }).from(classEnrolments).innerJoin(classes, eq(classes.id, classEnrolments.classId)).where(eq(classes.establishmentId, establishmentId)),
      database.db.select().from(guardianships),
    ]);
    expect(roles.filter((r) => r.role === "student")).toHaveLength(PUPILS);
    expect(roles.filter((r) => r.role === "guardian")).toHaveLength(PUPILS * 2);
    expect(enrolled).toHaveLength(PUPILS);
    expect(new Set(enrolled.map((e) => e.classId)).size).toBe(PUPILS / PER_CLASS);
    expect(links).toHaveLength(PUPILS * 2);
    expect(links.filter((l) => l.relationship === "mother")).toHaveLength(PUPILS);
  });
});
