import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, guardianships, notifications, people, profiles, sessions } from "@/drizzle/schema";
import { createSession } from "@/server/auth/sessions";
import type { Database } from "@/server/db/client";
import { emptyEstablishment, fixture } from "@/server/imports/test-establishment";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

let database: Database;
let api: Caller;
let setup: Awaited<ReturnType<typeof emptyEstablishment>>;
const personNamed = async (firstName: string) => (await database.db.select().from(people).where(eq(people.firstName, firstName)))[0];

/** Amélie Colin as the import made her, and a second account of hers created by hand: a guardian of Léa again. */
let amelie: typeof people.$inferSelect;
let duplicate: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  setup = await emptyEstablishment(database.db);
  api = await callerFor(database.db, setup.admin.login, setup.establishment.uai);
  for await (const event of await api.imports.run({ schoolYearId: setup.year.id, files: { pupils: fixture("eleves.csv"), guardians: fixture("responsables.csv") } })) void event;
  amelie = await personNamed("Amélie");
  duplicate = await api.admin.createAccount({ firstName: "Amélie", lastName: "Colin", email: "a.colin@example.org", phone: null, roles: ["guardian", "secretariat"] });
  const lea = await personNamed("Léa");
  await database.db.insert(guardianships).values({ guardianId: duplicate.id, studentId: lea.id, relationship: "mother", receivesInformation: true });
  const notification = { establishmentId: setup.establishment.id, kind: "message" as const, params: {}, link: "/messagerie" };
  await database.db.insert(notifications).values([
    { ...notification, personId: amelie.id, source: "message:1" },
    { ...notification, personId: duplicate.id, source: "message:1" },
    { ...notification, personId: duplicate.id, source: "message:2" },
  ]);
  await createSession(database.db, duplicate.id, { ip: "127.0.0.1", userAgent: "vitest" });
});
afterAll(() => database.close());

describe("merging two accounts of one person", () => {
  it("previews what would move, table by table, writing nothing", async () => {
    const preview = await api.admin.mergePreview({ survivorId: amelie.id, duplicateId: duplicate.id });
    expect(preview.survivor).toMatchObject({ login: amelie.login, roles: ["guardian"] });
    expect(preview.duplicate).toMatchObject({ login: "amelie.colin2", roles: expect.arrayContaining(["guardian", "secretariat"]) });
    expect(preview.moves).toEqual(
      expect.arrayContaining([
        { table: "profiles", column: "person_id", rows: 2 },
        { table: "guardianships", column: "guardian_id", rows: 1 },
        { table: "notifications", column: "person_id", rows: 2 },
      ]),
    );
    expect(preview.moves.map((m) => m.table)).not.toContain("sessions");
    expect(await personNamed("Amélie")).toBeDefined();
    expect((await database.db.select().from(people).where(eq(people.id, duplicate.id)))).toHaveLength(1);
  });

  it("moves everything to the survivor, keeps one copy of what both had, removes the duplicate and audits it", async () => {
    expect(await api.admin.mergeAccounts({ survivorId: amelie.id, duplicateId: duplicate.id })).toEqual({ moved: 2 });
    expect(await database.db.select().from(people).where(eq(people.id, duplicate.id))).toEqual([]);
    expect(await database.db.select().from(sessions).where(eq(sessions.personId, duplicate.id))).toEqual([]);
    const roles = await database.db.select({ role: profiles.role }).from(profiles).where(eq(profiles.personId, amelie.id));
    expect(roles.map((r) => r.role).sort()).toEqual(["guardian", "secretariat"]);
    const children = await database.db.select().from(guardianships).where(eq(guardianships.guardianId, amelie.id));
    expect(children).toHaveLength(2);
    const sources = await database.db.select({ source: notifications.source }).from(notifications).where(eq(notifications.personId, amelie.id));
    expect(sources.map((n) => n.source).sort()).toEqual(["message:1", "message:2"]);
    expect((await personNamed("Amélie")).email).toBe(amelie.email);
    const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "admin.account.merged"), eq(auditLog.subjectId, amelie.id)));
    expect(entry.details).toMatchObject({ duplicateId: duplicate.id, login: "amelie.colin2", moved: expect.arrayContaining([{ table: "profiles", column: "person_id", rows: 1 }]) });
  });

  it("is refused for one account with itself, for one's own account, and for an account another establishment also has", async () => {
    const francois = await personNamed("François");
    await expect(api.admin.mergePreview({ survivorId: amelie.id, duplicateId: amelie.id })).rejects.toThrow("admin.errors.mergeSame");
    await expect(api.admin.mergeAccounts({ survivorId: amelie.id, duplicateId: setup.admin.id })).rejects.toThrow("admin.errors.notYourself");
    const other = await emptyEstablishment(database.db, "0699997E");
    await database.db.insert(profiles).values({ personId: francois.id, establishmentId: other.establishment.id, role: "guardian" });
    await expect(api.admin.mergeAccounts({ survivorId: amelie.id, duplicateId: francois.id })).rejects.toThrow("admin.errors.accountShared");
    await expect(api.admin.mergeAccounts({ survivorId: amelie.id, duplicateId: other.admin.id })).rejects.toThrow("errors.forbidden");
    expect(await personNamed("François")).toBeDefined();
  });
});
