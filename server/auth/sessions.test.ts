import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { establishments, people, profiles, sessions } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus } from "@/server/events/bus";
import { ScopeCache } from "@/server/policy/scope-cache";
import { createTestDatabase } from "@/server/testing/database";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { createSession, revokeAllSessions, revokeSession, validateSession } from "./sessions";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const client = { ip: "192.0.2.40", userAgent: "Firefox" };

let database: Database;
let establishmentId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [college] = await database.db
    .insert(establishments)
    .values({ uai: "0690002B", name: "Collège Lumière", kind: "college" })
    .returning();
  establishmentId = college.id;
});
afterAll(() => database.close());

async function newPerson(login: string) {
  const [person] = await database.db
    .insert(people)
    .values({ login, firstName: "Sam", lastName: "Durand", status: "active" })
    .returning();
  await database.db.insert(profiles).values({ personId: person.id, establishmentId, role: "student" });
  return person.id;
}

describe("validateSession", () => {
  const t0 = new Date(Date.now() - HOUR);
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const valid = (sessionId: string, now: Date) => validateSession(database.db, sessionId, now);

  it("accepts a fresh session, in the person's establishment", async () => {
    const personId = await newPerson("sam.fresh");
    const sessionId = await createSession(database.db, personId, client, t0);
    expect(await valid(sessionId, at(SECOND))).toEqual({ sessionId, personId, activeEstablishmentId: establishmentId });
    expect(await valid("no-such-session", at(SECOND))).toBeNull();
  });

  it("refuses a revoked session, and only that one", async () => {
    const personId = await newPerson("sam.revoked");
    const revoked = await createSession(database.db, personId, client, t0);
    const other = await createSession(database.db, personId, client, t0);
    expect(await revokeSession(database.db, revoked)).toBe(personId);
    expect(await valid(revoked, at(SECOND))).toBeNull();
    expect(await valid(other, at(SECOND))).not.toBeNull();
    expect(await revokeSession(database.db, revoked)).toBeNull();
  });

  it("refuses every session of the person after revokeAllSessions", async () => {
    const personId = await newPerson("sam.everywhere");
    const bystander = await createSession(database.db, await newPerson("sam.bystander"), client, t0);
    const mine = [
      await createSession(database.db, personId, client, t0),
      await createSession(database.db, personId, client, t0),
      await createSession(database.db, personId, client, t0),
    ];
    expect(await revokeAllSessions(database.db, personId)).toBe(3);
    for (const sessionId of mine) expect(await valid(sessionId, at(SECOND))).toBeNull();
    expect(await valid(bystander, at(SECOND))).not.toBeNull();
  });

  it("refuses a session idle for longer than an hour, while activity keeps it open", async () => {
    const personId = await newPerson("sam.idle");
    const idle = await createSession(database.db, personId, client, t0);
    expect(await valid(idle, at(61 * MINUTE))).toBeNull();

    const busy = await createSession(database.db, personId, client, t0);
    expect(await valid(busy, at(59 * MINUTE))).not.toBeNull();
    expect(await valid(busy, at(118 * MINUTE))).not.toBeNull();
    expect(await valid(busy, at(179 * MINUTE))).toBeNull();
  });

  it("lets a live stream check its session without keeping it from going idle", async () => {
    const sessionId = await createSession(database.db, await newPerson("sam.stream"), client, t0);
    const check = (elapsed: number) => validateSession(database.db, sessionId, at(elapsed), { touch: false });
    for (let elapsed = 25 * SECOND; elapsed < 60 * MINUTE; elapsed += 25 * MINUTE) expect(await check(elapsed)).not.toBeNull();
    expect(await check(61 * MINUTE)).toBeNull();
  });

  it("refuses a session past twelve hours, however active", async () => {
    const sessionId = await createSession(database.db, await newPerson("sam.active"), client, t0);
    for (let elapsed = 30 * MINUTE; elapsed < 12 * HOUR; elapsed += 30 * MINUTE) {
      expect(await valid(sessionId, at(elapsed))).not.toBeNull();
    }
    expect(await valid(sessionId, at(12 * HOUR))).toBeNull();
  });

  it("refuses the very next request once the account is disabled", async () => {
    const personId = await newPerson("sam.disabled");
    const sessionId = await createSession(database.db, personId, client, t0);
    expect(await valid(sessionId, at(SECOND))).not.toBeNull();
    await database.db.update(people).set({ status: "disabled" }).where(eq(people.id, personId));
    expect(await valid(sessionId, at(2 * SECOND))).toBeNull();
  });

  it("writes the last-seen time only when it is older than a minute", async () => {
    const sessionId = await createSession(database.db, await newPerson("sam.seen"), client, t0);
    const lastSeen = async () =>
      (await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0].lastSeenAt.getTime();
    await valid(sessionId, at(30 * SECOND));
    expect(await lastSeen()).toBe(t0.getTime());
    await valid(sessionId, at(61 * SECOND));
    expect(await lastSeen()).toBe(at(61 * SECOND).getTime());
    await valid(sessionId, at(100 * SECOND));
    expect(await lastSeen()).toBe(at(61 * SECOND).getTime());
  });
});

describe("createContext", () => {
  const contextFor = (sessionId: string | null) =>
    createContext({
      db: database.db,
      bus: createLocalBus(),
      scopes: new ScopeCache(),
      locale: "fr",
      ip: client.ip,
      sessionId,
    });

  it("knows the actor of a valid session", async () => {
    const personId = await newPerson("sam.context");
    const ctx = await contextFor(await createSession(database.db, personId, client));
    expect(ctx.actor).toMatchObject({ personId, establishmentId });
    expect(ctx.actor?.scope?.roles).toEqual(new Set(["student"]));
    const me = await createCaller(ctx).me.whoAmI();
    expect(me.person?.login).toBe("sam.context");
  });

  it("has no actor for a revoked session, and procedures then answer UNAUTHORIZED", async () => {
    const sessionId = await createSession(database.db, await newPerson("sam.gone"), client);
    await revokeSession(database.db, sessionId);
    const ctx = await contextFor(sessionId);
    expect(ctx.actor).toBeNull();
    const error = await createCaller(ctx)
      .me.whoAmI()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
  });
});
