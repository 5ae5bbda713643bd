import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { createRedisBus, type EventBus } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { people } from "@/drizzle/schema";
import { eq } from "drizzle-orm";
import { type LiveEvent, liveEventsFor } from "./live";

/**
 * Two app instances share one database and one Redis, each with its own event bus: a message sent through the first
 * reaches the live channel of a person connected to the second. The test runs its own redis-server, so that no other
 * process's events mix in.
 */
let redis: ChildProcess;
let database: Database;
let first: EventBus;
let second: EventBus;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) resolve();
    });
  });
  return child;
}

beforeAll(async () => {
  const port = await freePort();
  redis = await startRedis(port);
  [first, second] = await Promise.all([createRedisBus(`redis://127.0.0.1:${port}`), createRedisBus(`redis://127.0.0.1:${port}`)]);
  database = await createTestDatabase({ demo: true });
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await database?.close();
  redis?.kill();
});

describe("the live channel across instances", () => {
  it("brings a message sent through one instance to a person connected to another, and to nobody else", async () => {
    const [isabelle] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.direction.login));
    const [hugo] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.classmate.login));
    const arrived = new Promise<LiveEvent>((resolve) => {
      const stop = liveEventsFor(second, isabelle.id, (event) => {
        stop();
        resolve(event);
      });
    });
    const strayed: LiveEvent[] = [];
    const stopStray = liveEventsFor(second, hugo.id, (event) => strayed.push(event));
    const sophie = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, DEMO_ESTABLISHMENTS.college.uai, first);
    const { conversationId } = await sophie.messaging.start({
      subject: "Rendez-vous",
      body: "Bonjour, pourrions-nous nous voir ?",
      to: { personIds: [], listKeys: [], inbox: "direction" },
      fileIds: [],
    });
    expect(await arrived).toEqual({ type: "message", conversationId, fromMe: false });
    // A later event to Isabelle alone, through the same path: once it is here, anything meant for Hugo would be too.
    const marker = new Promise<void>((resolve) => {
      const stop = liveEventsFor(second, isabelle.id, (event) => {
        if (event.type !== "notification") return;
        stop();
        resolve();
      });
    });
    await first.publish("notification.created", { personId: isabelle.id, notificationId: conversationId });
    await marker;
    stopStray();
    expect(strayed).toEqual([]);
  });
});
