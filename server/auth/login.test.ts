import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, establishments, people, profiles, sessions } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import type { Database } from "@/server/db/client";
import { lastAuditFor } from "@/server/testing/audit";
import { createTestDatabase } from "@/server/testing/database";
import { logIn } from "./login";
import { hashSecret, normaliseActivationCode } from "./password";

const PASSWORD = "le préau sous la pluie";
const CODE = "K7QW-M3XP-T9RA";

describe("logIn", () => {
  let database: Database;
  let establishmentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const passwordHash = await hashSecret(PASSWORD);
    const [college] = await db
      .insert(establishments)
      .values({ uai: "0750001A", name: "Collège Jean Moulin", kind: "college" })
      .returning();
    establishmentId = college.id;
    const rows = await db
      .insert(people)
      .values([
        { login: "marie.curie", firstName: "Marie", lastName: "Curie", status: "active", passwordHash },
        { login: "paul.langevin", firstName: "Paul", lastName: "Langevin", status: "active", passwordHash },
        { login: "irene.joliot", firstName: "Irène", lastName: "Joliot", status: "disabled", passwordHash },
        {
          login: "pierre.curie",
          firstName: "Pierre",
          lastName: "Curie",
          status: "pending",
          activationCodeHash: await hashSecret(normaliseActivationCode(CODE)),
        },
      ])
      .returning();
    for (const person of rows) ids[person.login] = person.id;
    await db.insert(profiles).values({ personId: ids["marie.curie"], establishmentId, role: "teacher" });
  });
  afterAll(() => database.close());

  const attempt = (login: string, password: string, ip = "192.0.2.10") =>
    logIn(database.db, { login, password, ip, userAgent: "Firefox" });

  const lastAudit = (login: string) => lastAuditFor(database.db, login);

  it("opens a session in the person's establishment and audits the success", async () => {
    const result = await attempt("marie.curie", PASSWORD);
    expect(result).toMatchObject({ ok: true, personId: ids["marie.curie"] });
    if (!result.ok) return;
    const [session] = await database.db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(session).toMatchObject({ personId: ids["marie.curie"], activeEstablishmentId: establishmentId });
    expect(await lastAudit("marie.curie")).toMatchObject({
      action: "auth.login.succeeded",
      actorId: ids["marie.curie"],
      ip: "192.0.2.10",
    });
  });

  it("refuses a wrong password and audits the failure", async () => {
    expect(await attempt("marie.curie", "le préau sous la neige")).toEqual({ ok: false, reason: "invalid" });
    expect(await lastAudit("marie.curie")).toMatchObject({
      action: "auth.login.failed",
      actorId: ids["marie.curie"],
      details: { reason: "invalid" },
    });
  });

  it("answers an unknown identifiant exactly like a wrong password", async () => {
    expect(await attempt("nobody.here", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await lastAudit("nobody.here")).toMatchObject({ action: "auth.login.failed", actorId: null });
  });

  it("ignores the case of the identifiant and stray spaces", async () => {
    expect(await attempt("  Marie.CURIE ", PASSWORD)).toMatchObject({ ok: true, personId: ids["marie.curie"] });
  });

  it("tells a disabled account so only to someone with its password", async () => {
    expect(await attempt("irene.joliot", PASSWORD, "192.0.2.11")).toEqual({ ok: false, reason: "disabled" });
    expect(await attempt("irene.joliot", "not her password", "192.0.2.11")).toEqual({ ok: false, reason: "invalid" });
  });

  it("sends a pending account typing its activation code to activation, and refuses anything else", async () => {
    expect(await attempt("pierre.curie", CODE, "192.0.2.12")).toEqual({ ok: false, reason: "activationRequired" });
    expect(await attempt("pierre.curie", "k7qw m3xp t9ra", "192.0.2.12")).toEqual({
      ok: false,
      reason: "activationRequired",
    });
    expect(await attempt("pierre.curie", "K7QW-M3XP-T9RB", "192.0.2.12")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("pierre.curie", "", "192.0.2.12")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles the identifiant from an address past its allowance, even with the right password", async () => {
    const ip = "192.0.2.13";
    for (let i = 0; i < 6; i++) {
      expect(await attempt("paul.langevin", "a wrong guess", ip)).toEqual({ ok: false, reason: "invalid" });
    }
    const result = await attempt("paul.langevin", PASSWORD, ip);
    if (result.ok || result.reason !== "throttled") throw new Error(`not throttled: ${JSON.stringify(result)}`);
    const { retryAfterSeconds } = result;
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await lastAudit("paul.langevin")).toMatchObject({
      action: "auth.login.throttled",
      details: { retryAfterSeconds },
    });
    expect(await attempt("paul.langevin", PASSWORD, "192.0.2.14")).toMatchObject({ ok: true });
  });

  describe("the audit log", () => {
    it("accepts new entries but refuses to change one", async () => {
      const { db } = database;
      await recordAudit(db, { action: "auth.logout", actorId: ids["marie.curie"], login: "audit.probe" });
      const entry = await lastAudit("audit.probe");
      expect(entry.action).toBe("auth.logout");

      const refusal = (query: Promise<unknown>) => query.then(() => "updated", (error) => String(error.cause ?? error));
      const rewrite = db.update(auditLog).set({ action: "auth.login.succeeded" }).where(eq(auditLog.id, entry.id));
      expect(await refusal(rewrite)).toMatch(/append-only/);
      const erase = db.update(auditLog).set({ ip: null }).where(eq(auditLog.login, "audit.probe"));
      expect(await refusal(erase)).toMatch(/append-only/);
      const [unchanged] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.id, entry.id), eq(auditLog.action, "auth.logout")));
      expect(unchanged).toBeDefined();
    });
  });
});
