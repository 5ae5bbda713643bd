import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { startChildServer } from "./child-server";
import { createRedisFanout } from "./fanout";
import { createCollabServer } from "./server";
import { connectClient, eventually, seedCollabFixture, TEST_ORIGIN, TEST_SECRET, ticketFor } from "./testing";

/**
 * Two collaboration servers share documents through Redis: a writer on each co-edits the same document and sees the
 * other's text and presence. On PostgreSQL they are two processes; on PGlite (one process per folder) two servers in
 * this process, sharing its database handle but nothing else. A random channel keeps parallel runs apart.
 */
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const channel = `preau:collab:test:${randomUUID()}`;
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function inProcessServer(db: Db): Promise<string> {
  const fanout = await createRedisFanout(REDIS_URL, channel);
  const collab = createCollabServer({ db, secret: TEST_SECRET, publicUrl: TEST_ORIGIN, fanout, log: () => undefined });
  const http: Server = createServer();
  http.on("upgrade", (request, socket, head: Buffer) => void collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanups.push(async () => {
    await collab.close();
    http.close();
    await fanout.close();
  });
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function twoServers(db: Db, url: string | undefined): Promise<[string, string]> {
  if (!url) return [await inProcessServer(db), await inProcessServer(db)];
  const env = { DATABASE_URL: url, REDIS_URL, COLLAB_REDIS_CHANNEL: channel };
  const servers = [await startChildServer(env), await startChildServer(env)];
  for (const server of servers) cleanups.push(() => server.stop());
  return [servers[0].base, servers[1].base];
}

it("lets two writers on two instances co-edit one document", { timeout: 120_000 }, async () => {
  const database = await createTestDatabase();
  cleanups.push(() => database.close());
  const fixture = await seedCollabFixture(database.db);
  const [one, two] = await twoServers(database.db, database.url);
  const { documentId } = fixture;

  const ada = connectClient(one, documentId, ticketFor(fixture.writerId, documentId, "write"));
  const blaise = connectClient(two, documentId, ticketFor(fixture.otherWriterId, documentId, "write"));
  await Promise.all([ada.synced, blaise.synced]);
  ada.provider.awareness.setLocalStateField("user", { name: "Ada" });
  ada.text.insert(0, "Liberté");
  await eventually(() => blaise.text.toString() === "Liberté", "Blaise, on the other instance, sees Ada's text");
  blaise.text.insert(7, ", égalité");
  await eventually(() => ada.text.toString() === "Liberté, égalité", "Ada sees Blaise's text");
  await eventually(
    () => [...blaise.provider.awareness.getStates().values()].some((state) => state.user?.name === "Ada"),
    "Blaise sees where Ada is",
  );
  ada.destroy();
  blaise.destroy();

  const late = connectClient(two, documentId, ticketFor(fixture.readerId, documentId, "read"));
  await late.synced;
  expect(late.text.toString()).toBe("Liberté, égalité");
  late.destroy();
});
