import { eq } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, guardianships, installationAdmins, people, profiles, scheduledErasures } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import type { Database } from "@/server/db/client";
import { emptyEstablishment, fixture } from "@/server/imports/test-establishment";
import { exportPersonData } from "@/server/privacy/export";
import { purge } from "@/server/privacy/purge";
import { anonymousCaller, type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { issueActivationCodes } from "./activation-codes";
import { hasProfilesElsewhere, lettersMayReach } from "./known-elsewhere";
import { renderActivationLetters } from "./letters";

/** The text an uncompressed PDF draws: pdfkit writes each run as hex WinAnsi codes in TJ arrays. */
function textOf(pdf: Buffer): string {
  return [...pdf.toString("latin1").matchAll(/\[([^\]]*)\] TJ/g)]
    .map(([, array]) => [...array.matchAll(/<([0-9a-f]*)>/gi)].map(([, hex]) => Buffer.from(hex, "hex").toString("latin1")).join(""))
    .join("\n");
}

let database: Database;
let api: Caller;
let setup: Awaited<ReturnType<typeof emptyEstablishment>>;
const personNamed = async (firstName: string) => (await database.db.select().from(people).where(eq(people.firstName, firstName)))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  setup = await emptyEstablishment(database.db);
  api = await callerFor(database.db, setup.admin.login, setup.establishment.uai);
  const files = { pupils: fixture("eleves.csv"), guardians: fixture("responsables.csv") };
  for await (const event of await api.imports.run({ schoolYearId: setup.year.id, files })) void event;
});
afterAll(() => database.close());

describe("activation letters", () => {
  it("print one page per pupil of the class and guardian still waiting, with fresh codes", async () => {
    const classes = await api.admin.classes();
    const letters = await api.admin.printLetters({ classId: classes.find((c) => c.name === "6eA")!.id });
    expect(letters?.count).toBe(5);
    expect(Buffer.from(letters!.pdf, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("carry the address, the identifiant and the code", async () => {
    const [issued] = await issueActivationCodes(database.db, [(await personNamed("Léa")).id]);
    const pdf = await renderActivationLetters([issued], { establishment: setup.establishment, audience: "Classe 6eA", locale: "fr" }, { compress: false });
    const text = textOf(pdf);
    for (const expected of ["/activation", issued.login, issued.code]) expect(text).toContain(expected);
  });

  it("give a code the pupil activates their account with, once; a reissued code replaces it", async () => {
    const lea = await personNamed("Léa");
    const first = await api.admin.issueCode({ personId: lea.id });
    const second = await api.admin.issueCode({ personId: lea.id });
    const visitor = await anonymousCaller(database.db);
    const activate = (code: string) => visitor.account.activate({ login: lea.login, code, password: "Une-Phrase-De-Passe-2026", acceptCharter: true });
    expect(await activate(first.code)).toEqual({ ok: false, reason: "invalidCode" });
    expect(await activate(second.code)).toMatchObject({ ok: true });
    expect((await personNamed("Léa")).status).toBe("active");
    expect(await activate(second.code)).toEqual({ ok: false, reason: "invalidCode" });
  });
});

describe("modules", () => {
  it("refuse every procedure of a disabled module, until it is enabled again", async () => {
    await api.admin.setModule({ module: "timetable", enabled: false });
    await expect(api.timetable.feed()).rejects.toMatchObject({ code: "FORBIDDEN", message: "errors.moduleDisabled" });
    expect((await api.admin.modules()).find((m) => m.module === "timetable")?.enabled).toBe(false);
    await api.admin.setModule({ module: "timetable", enabled: true });
    await expect(api.timetable.feed()).resolves.toBeDefined();
  });
});

describe("accounts", () => {
  it("are found by name, created with a unique identifiant, disabled and enabled again", async () => {
    const found = await api.admin.accounts({ query: "colin" });
    expect(found.accounts.map((a) => a.firstName).sort()).toEqual(["Amélie", "François", "Léa", "Théo"]);
    const created = await api.admin.createAccount({ firstName: "Léa", lastName: "Colin", email: null, phone: null, roles: ["secretariat"] });
    expect(created.login).toBe("lea.colin2");
    await api.admin.disableAccount({ personId: created.id });
    expect((await api.admin.account({ personId: created.id })).status).toBe("disabled");
    await api.admin.enableAccount({ personId: created.id });
    const detail = await api.admin.account({ personId: (await personNamed("Théo")).id });
    expect(detail.classes.map((c) => c.name)).toEqual(["5eB"]);
    expect(detail.guardians.map((g) => g.firstName).sort()).toEqual(["Amélie", "François"]);
  });

  it("keep an administrator from removing their own admin right", async () => {
    await expect(api.admin.setRoles({ personId: setup.admin.id, roles: ["direction"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("data protection", () => {
  it("shows a family who read their child's data", async () => {
    const zoe = await personNamed("Zoé");
    await recordAudit(database.db, { action: "grades.viewed", actorId: setup.admin.id, establishmentId: setup.establishment.id, subjectId: zoe.id });
    const helene = await personNamed("Hélène");
    await database.db.update(people).set({ status: "active" }).where(eq(people.id, helene.id));
    const family = await callerFor(database.db, helene.login, setup.establishment.uai);
    const log = await family.privacy.accessLog({});
    expect(log.entries.map((e) => [e.action, e.actor?.lastName, e.subject?.firstName])).toContainEqual(["grades.viewed", "Admin", "Zoé"]);
  });

  it("exports a person's data as JSON in a ZIP, without secrets", async () => {
    const amelie = await personNamed("Amélie");
    const { zip } = await api.privacy.exportPerson({ personId: amelie.id });
    const files = unzipSync(new Uint8Array(Buffer.from(zip, "base64")));
    const person = JSON.parse(strFromU8(files["people.json"]))[0];
    expect(person.email).toBe("amelie.colin@example.org");
    expect(person).not.toHaveProperty("passwordHash");
    expect(person).not.toHaveProperty("activationCodeHash");
    expect(JSON.parse(strFromU8(files["guardianships.json"]))).toHaveLength(2);
  });

  it("exports only what this establishment holds about someone another establishment also knows", async () => {
    const other = await emptyEstablishment(database.db, "0699993A");
    const amelie = await personNamed("Amélie");
    const [elsewhereChild] = await database.db.insert(people).values({ login: "leo.ailleurs", firstName: "Léo", lastName: "Colin" }).returning();
    await database.db.insert(profiles).values([
      { personId: amelie.id, establishmentId: other.establishment.id, role: "guardian" },
      { personId: elsewhereChild.id, establishmentId: other.establishment.id, role: "student" },
    ]);
    await database.db.insert(guardianships).values({ guardianId: amelie.id, studentId: elsewhereChild.id, relationship: "mother" });
    const tables = (zip: Uint8Array) => {
      const files = unzipSync(zip);
      return { files, count: (name: string) => (files[`${name}.json`] ? JSON.parse(strFromU8(files[`${name}.json`])).length : 0) };
    };

    const held = tables(new Uint8Array(Buffer.from((await api.privacy.exportPerson({ personId: amelie.id })).zip, "base64")));
    expect(held.count("profiles")).toBe(1);
    expect(held.count("guardianships")).toBe(2);
    expect(JSON.stringify(strFromU8(held.files["profiles.json"]))).not.toContain(other.establishment.id);
    expect(JSON.parse(strFromU8(held.files["manifest.json"])).establishmentId).toBe(setup.establishment.id);

    const everything = tables(await exportPersonData(database.db, amelie.id));
    expect(everything.count("profiles")).toBe(2);
    expect(everything.count("guardianships")).toBe(3);
  });

  it("purges leavers whose three months are over, and audit entries past the retention", async () => {
    const noe = await personNamed("Noé");
    const now = new Date();
    await database.db.insert(scheduledErasures).values({ personId: noe.id, establishmentId: setup.establishment.id, dueAt: new Date(now.getTime() - 1000) });
    await database.db.insert(auditLog).values({ action: "auth.logout", establishmentId: setup.establishment.id, at: new Date(now.getTime() - 400 * 24 * 3600 * 1000) });
    await api.admin.setRetention({ auditDays: 365 });
    const report = await purge(database.db, now);
    expect(report).toEqual({ erasedPeople: 1, auditEntries: 1 });
    expect(await personNamed("Noé")).toBeUndefined();
  });

  it("does not erase someone another establishment also has", async () => {
    const other = await emptyEstablishment(database.db, "0699992Z");
    const amelie = await personNamed("Amélie");
    await database.db.insert(profiles).values({ personId: amelie.id, establishmentId: other.establishment.id, role: "guardian" });
    await expect(api.privacy.erasePerson({ personId: amelie.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await personNamed("Amélie")).toBeDefined();
  });

  it("leaves the account of someone another establishment also has to the installation's super-administrators", async () => {
    const amelie = await personNamed("Amélie");
    expect(await hasProfilesElsewhere(database.db, amelie.id, setup.establishment.id)).toBe(true);
    for (const change of [
      () => api.admin.disableAccount({ personId: amelie.id }),
      () => api.admin.issueCode({ personId: amelie.id }),
      () => api.admin.updateAccount({ personId: amelie.id, firstName: "Amélie", lastName: "Usurpée", email: null, phone: null }),
    ]) {
      await expect(change()).rejects.toMatchObject({ code: "BAD_REQUEST", message: "admin.errors.accountShared" });
    }
    expect((await personNamed("Amélie")).lastName).toBe("Colin");
    // Her children here are listed; the child she has in the other school is not.
    expect((await api.admin.account({ personId: amelie.id })).children.map((c) => c.firstName)).not.toContain("Léo");

    // A batch of letters skips her while the code she holds is valid: it may be the other school's letter.
    expect(await lettersMayReach(database.db, [amelie.id], setup.establishment.id)).toEqual([]);
    await database.db.update(people).set({ activationExpiresAt: new Date(Date.now() - 1000) }).where(eq(people.id, amelie.id));
    expect(await lettersMayReach(database.db, [amelie.id], setup.establishment.id)).toEqual([amelie.id]);

    await database.db.insert(installationAdmins).values({ personId: setup.admin.id });
    try {
      await api.admin.disableAccount({ personId: amelie.id });
      expect((await personNamed("Amélie")).status).toBe("disabled");
      await api.admin.enableAccount({ personId: amelie.id });
    } finally {
      await database.db.delete(installationAdmins).where(eq(installationAdmins.personId, setup.admin.id));
    }
  });

  it("erases an account on request", async () => {
    const francois = await personNamed("François");
    await api.privacy.erasePerson({ personId: francois.id });
    expect(await personNamed("François")).toBeUndefined();
  });
});
