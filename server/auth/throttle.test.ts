import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginThrottles, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { logIn } from "./login";
import { hashSecret } from "./password";
import { clearFailures, delayAfter, recordFailure, secondsUntilAllowed } from "./throttle";

const MINUTE = 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("delayAfter", () => {
  const rule = { allowance: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 };

  it("lets the allowance through, then doubles from the first delay", () => {
    expect([0, 1, 5, 6, 7, 8, 9, 10].map((failures) => delayAfter(rule, failures))).toEqual([
      0, 0, 0, 30, 60, 120, 240, 480,
    ]);
  });

  it("stops at the ceiling, however many failures", () => {
    expect(delayAfter(rule, 11)).toBe(900);
    expect(delayAfter(rule, 12)).toBe(900);
    expect(delayAfter(rule, 1_000_000)).toBe(900);
    expect(delayAfter({ allowance: 20, firstDelaySeconds: 15, maxDelaySeconds: 120 }, 25)).toBe(120);
  });
});

describe("throttling failed logins", () => {
  let database: Database;
  const t0 = new Date("2025-01-06T08:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  async function fail(login: string, ip: string, times: number, now = t0) {
    for (let i = 0; i < times; i++) await recordFailure(database.db, login, ip, now);
  }

  it("does not block up to the allowance, then blocks for the first delay", async () => {
    await fail("lea.martin", "192.0.2.1", 5);
    expect(await secondsUntilAllowed(database.db, "lea.martin", "192.0.2.1", t0)).toBe(0);
    await fail("lea.martin", "192.0.2.1", 1);
    expect(await secondsUntilAllowed(database.db, "lea.martin", "192.0.2.1", t0)).toBe(30);
    expect(await secondsUntilAllowed(database.db, "lea.martin", "192.0.2.1", at(t0, 20_000))).toBe(10);
    expect(await secondsUntilAllowed(database.db, "lea.martin", "192.0.2.1", at(t0, 30_000))).toBe(0);
  });

  it("clears the pair and identifiant counts on success, but not the address count", async () => {
    await fail("hugo.bernard", "192.0.2.2", 6);
    expect(await secondsUntilAllowed(database.db, "hugo.bernard", "192.0.2.2", t0)).toBeGreaterThan(0);
    await clearFailures(database.db, "hugo.bernard", "192.0.2.2");
    expect(await secondsUntilAllowed(database.db, "hugo.bernard", "192.0.2.2", t0)).toBe(0);
    const rows = await database.db.select().from(loginThrottles);
    const keys = rows.map((row) => row.key);
    expect(keys).not.toContain("pair:hugo.bernard|192.0.2.2");
    expect(keys).not.toContain("login:hugo.bernard");
    expect(rows.find((row) => row.key === "ip:192.0.2.2")?.failures).toBe(6);
  });

  it("starts a new window after 15 minutes", async () => {
    await fail("chloe.petit", "192.0.2.3", 5);
    await fail("chloe.petit", "192.0.2.3", 1, at(t0, 16 * MINUTE));
    expect(await secondsUntilAllowed(database.db, "chloe.petit", "192.0.2.3", at(t0, 16 * MINUTE))).toBe(0);

    await fail("jade.roux", "192.0.2.4", 5);
    await fail("jade.roux", "192.0.2.4", 1, at(t0, 14 * MINUTE));
    expect(await secondsUntilAllowed(database.db, "jade.roux", "192.0.2.4", at(t0, 14 * MINUTE))).toBe(30);
  });

  it("lets an attacker guessing from many addresses delay the real person by two minutes at most", async () => {
    const { db } = database;
    await db.insert(people).values({
      login: "nina.garnier",
      firstName: "Nina",
      lastName: "Garnier",
      status: "active",
      passwordHash: await hashSecret("le hibou chante la nuit"),
    });
    const attackAt = new Date(Date.now() - 2 * MINUTE);
    for (let i = 1; i <= 60; i++) await recordFailure(db, "nina.garnier", `198.51.100.${i}`, attackAt);

    const home = "203.0.113.7";
    expect(await secondsUntilAllowed(db, "nina.garnier", home, at(attackAt, 1000))).toBe(119);
    expect(await secondsUntilAllowed(db, "nina.garnier", home, at(attackAt, 2 * MINUTE))).toBe(0);
    const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, "login:nina.garnier"));
    expect(row.failures).toBe(60);

    const realPerson = { login: "nina.garnier", password: "le hibou chante la nuit", ip: home, userAgent: null };
    expect(await logIn(db, realPerson)).toMatchObject({ ok: true });
  });
});
