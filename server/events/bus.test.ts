import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { establishments, people, profiles } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import type { Role } from "@/server/policy/roles";
import { ScopeCache } from "@/server/policy/scope-cache";
import { createTestDatabase } from "@/server/testing/database";
import { createLocalBus, createRedisBus, type EventBus } from "./bus";

const REDIS_URL = process.env.REDIS_URL;

/** Resolves when `bus` delivers the "sessions.revoked" event naming `personId`. */
function arrival(bus: EventBus, personId: string): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe("sessions.revoked", (payload) => {
      if (payload.personId !== personId) return;
      unsubscribe();
      resolve();
    });
  });
}

describe("local event bus", () => {
  it("delivers an event to every subscriber of its type", async () => {
    const bus = createLocalBus();
    const first = vi.fn();
    const second = vi.fn();
    const otherType = vi.fn();
    bus.subscribe("sessions.revoked", first);
    bus.subscribe("sessions.revoked", second);
    bus.subscribe("scope.changed", otherType);
    await bus.publish("sessions.revoked", { personId: "p1" });
    expect(first).toHaveBeenCalledExactlyOnceWith({ personId: "p1" });
    expect(second).toHaveBeenCalledExactlyOnceWith({ personId: "p1" });
    expect(otherType).not.toHaveBeenCalled();
  });

  it("stops delivering after unsubscribing", async () => {
    const bus = createLocalBus();
    const handler = vi.fn();
    const unsubscribe = bus.subscribe("sessions.revoked", handler);
    await bus.publish("sessions.revoked", { personId: "p1" });
    unsubscribe();
    await bus.publish("sessions.revoked", { personId: "p2" });
    expect(handler).toHaveBeenCalledExactlyOnceWith({ personId: "p1" });
  });

  it("keeps delivering to the others when a subscriber throws", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const bus = createLocalBus();
    const before = vi.fn();
    const after = vi.fn();
    bus.subscribe("sessions.revoked", before);
    bus.subscribe("sessions.revoked", () => {
      throw new Error("a broken subscriber");
    });
    bus.subscribe("sessions.revoked", after);
    await expect(bus.publish("sessions.revoked", { personId: "p1" })).resolves.toBeUndefined();
    expect(before).toHaveBeenCalledOnce();
    expect(after).toHaveBeenCalledOnce();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe.skipIf(!REDIS_URL)("Redis event bus", () => {
  let instanceA: EventBus;
  let instanceB: EventBus;

  beforeAll(async () => {
    [instanceA, instanceB] = await Promise.all([createRedisBus(REDIS_URL!), createRedisBus(REDIS_URL!)]);
  });
  afterAll(() => Promise.all([instanceA?.close(), instanceB?.close()]));

  it("delivers an event published by one instance to both, exactly once each", { timeout: 10_000 }, async () => {
    const event = randomUUID();
    const marker = randomUUID();
    const seen = { a: [] as string[], b: [] as string[] };
    instanceA.subscribe("sessions.revoked", ({ personId }) => seen.a.push(personId));
    instanceB.subscribe("sessions.revoked", ({ personId }) => seen.b.push(personId));
    const markersArrived = Promise.all([arrival(instanceA, marker), arrival(instanceB, marker)]);

    await instanceA.publish("sessions.revoked", { personId: event });
    await instanceA.publish("sessions.revoked", { personId: marker });
    await markersArrived;

    // Redis keeps the order of one publisher's messages: once the marker is in, so is every copy of the event.
    expect(seen.a.filter((id) => id === event)).toHaveLength(1);
    expect(seen.b.filter((id) => id === event)).toHaveLength(1);
  });
});

describe("ScopeCache", () => {
  let database: Database;
  let establishmentId: string;
  const t0 = Date.now();

  beforeAll(async () => {
    database = await createTestDatabase();
    const [college] = await database.db
      .insert(establishments)
      .values({ uai: "0130003C", name: "Collège Marcel Pagnol", kind: "college" })
      .returning();
    establishmentId = college.id;
  });
  afterAll(() => database.close());

  async function newPerson(login: string, role: Role) {
    const [person] = await database.db
      .insert(people)
      .values({ login, firstName: "Léa", lastName: "Roche" })
      .returning();
    await giveRole(person.id, role);
    return person.id;
  }
  const giveRole = (personId: string, role: Role) =>
    database.db.insert(profiles).values({ personId, establishmentId, role });

  it("serves the cached scope within its lifetime and reloads it after", async () => {
    const cache = new ScopeCache();
    const personId = await newPerson("lea.roche", "teacher");
    const first = await cache.get(database.db, personId, establishmentId, t0);
    await giveRole(personId, "guardian");

    const cached = await cache.get(database.db, personId, establishmentId, t0 + 29_000);
    expect(cached).toBe(first);
    expect(cached.roles).toEqual(new Set(["teacher"]));

    const reloaded = await cache.get(database.db, personId, establishmentId, t0 + 31_000);
    expect(reloaded).not.toBe(first);
    expect(reloaded.roles).toEqual(new Set(["teacher", "guardian"]));
  });

  it("forgets a person at once when a scope.changed event names them", async () => {
    const bus = createLocalBus();
    const cache = new ScopeCache(bus);
    const personId = await newPerson("tom.roche", "student");
    const bystanderId = await newPerson("zoe.roche", "student");
    const first = await cache.get(database.db, personId, establishmentId, t0);
    const bystander = await cache.get(database.db, bystanderId, establishmentId, t0);
    await giveRole(personId, "agent");

    await bus.publish("scope.changed", { personIds: [personId] });
    const reloaded = await cache.get(database.db, personId, establishmentId, t0 + 1000);
    expect(reloaded).not.toBe(first);
    expect(reloaded.roles).toEqual(new Set(["student", "agent"]));
    expect(await cache.get(database.db, bystanderId, establishmentId, t0 + 1000)).toBe(bystander);
  });

  it.skipIf(!REDIS_URL)("is evicted by an event published on another instance", { timeout: 10_000 }, async () => {
    const [publisher, subscriber] = await Promise.all([createRedisBus(REDIS_URL!), createRedisBus(REDIS_URL!)]);
    try {
      const cache = new ScopeCache(subscriber);
      const personId = await newPerson("noe.roche", "student");
      const first = await cache.get(database.db, personId, establishmentId, t0);
      const evicted = new Promise<void>((resolve) =>
        subscriber.subscribe("scope.changed", ({ personIds }) => personIds.includes(personId) && resolve()),
      );
      await publisher.publish("scope.changed", { personIds: [personId] });
      await evicted;
      expect(await cache.get(database.db, personId, establishmentId, t0 + 1000)).not.toBe(first);
    } finally {
      await Promise.all([publisher.close(), subscriber.close()]);
    }
  });
});
