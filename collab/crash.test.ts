import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentSnapshots, documentUpdates } from "@/drizzle/schema";
import { type Database, openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createTestDatabase } from "@/server/testing/database";
import { startChildServer } from "./child-server";
import { type CollabFixture, connectClient, eventually, seedCollabFixture, ticketFor } from "./testing";

/**
 * Nothing another client saw is lost when the server dies: two writers edit, the server is killed with SIGKILL in the
 * middle of their typing, and once restarted it serves every update that either writer had received from the other.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), "preau-collab-crash-"));
const cleanups: (() => unknown)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * The database the child servers use: a PGlite folder they own, or a fresh PostgreSQL database; `open` gives the test
 * its own handle once no child server holds the folder.
 */
async function prepareDatabase(folder: string): Promise<{ fixture: CollabFixture; env: Record<string, string>; open: () => Promise<Database> }> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    cleanups.push(() => database.close());
    return { fixture: await seedCollabFixture(database.db), env: { DATABASE_URL: database.url! }, open: async () => database };
  }
  mkdirSync(path.join(dataDir, folder));
  const open = async () => {
    const database = await openDatabase({ dataDir: path.join(dataDir, folder, "pglite") });
    cleanups.push(() => database.close());
    return database;
  };
  const database = await open();
  await migrate(database);
  const fixture = await seedCollabFixture(database.db);
  await database.close();
  cleanups.pop();
  return { fixture, env: { PREAU_DATA_DIR: path.join(dataDir, folder) }, open };
}

/** Whether `doc` holds at least everything of `client` that `seen` holds. */
const holds = (doc: Y.Doc, seen: Map<number, number>, client: number) =>
  (Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0) >= (seen.get(client) ?? 0);

it("loses no update another client received when the server is killed mid-edit", { timeout: 180_000 }, async () => {
  const { fixture, env } = await prepareDatabase("killed");
  const first = await startChildServer(env);
  const { documentId, writerId, otherWriterId } = fixture;
  const ada = connectClient(first.base, documentId, ticketFor(writerId, documentId, "write"));
  const blaise = connectClient(first.base, documentId, ticketFor(otherWriterId, documentId, "write"));
  await Promise.all([ada.synced, blaise.synced]);

  let typing = true;
  const type = async (client: typeof ada, name: string) => {
    for (let n = 0; typing; n += 1) {
      client.doc.getText(name).insert(client.doc.getText(name).length, `${n} `);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  const typingDone = Promise.all([type(ada, "ada"), type(blaise, "blaise")]);
  await eventually(() => blaise.doc.getText("ada").length > 150 && ada.doc.getText("blaise").length > 150, "both write a while");
  await first.kill();
  typing = false;
  await typingDone;
  ada.provider.disconnect();
  blaise.provider.disconnect();
  const seenByBlaise = Y.decodeStateVector(Y.encodeStateVector(blaise.doc));
  const seenByAda = Y.decodeStateVector(Y.encodeStateVector(ada.doc));
  const received = { ada: blaise.doc.getText("ada").toString(), blaise: ada.doc.getText("blaise").toString() };
  const [adaClient, blaiseClient] = [ada.doc.clientID, blaise.doc.clientID];
  ada.destroy();
  blaise.destroy();

  const second = await startChildServer(env);
  cleanups.push(() => second.stop());
  const reader = connectClient(second.base, documentId, ticketFor(writerId, documentId, "read"));
  await reader.synced;
  expect(holds(reader.doc, seenByBlaise, adaClient)).toBe(true);
  expect(holds(reader.doc, seenByAda, blaiseClient)).toBe(true);
  expect(reader.doc.getText("ada").toString().startsWith(received.ada)).toBe(true);
  expect(reader.doc.getText("blaise").toString().startsWith(received.blaise)).toBe(true);
  reader.destroy();
});

it("takes each open document's checkpoint before closing its database when stopped", { timeout: 120_000 }, async () => {
  const { fixture, env, open } = await prepareDatabase("stopped");
  const server = await startChildServer(env);
  const { documentId, writerId } = fixture;
  const ada = connectClient(server.base, documentId, ticketFor(writerId, documentId, "write"));
  await ada.synced;
  for (let n = 0; n < 20; n += 1) ada.doc.getText("ada").insert(0, `${n} `);
  const reader = connectClient(server.base, documentId, ticketFor(writerId, documentId, "read"));
  await reader.synced;
  await eventually(() => reader.doc.getText("ada").length === ada.doc.getText("ada").length, "the reader has every update");
  ada.destroy();
  reader.destroy();

  expect(await server.stop()).toBe(0);
  expect(server.errors()).not.toMatch(/checkpoint/);
  const { db } = await open();
  const [last] = await db.select({ id: documentUpdates.id }).from(documentUpdates)
    .where(eq(documentUpdates.documentId, documentId)).orderBy(desc(documentUpdates.id)).limit(1);
  const [checkpoint] = await db.select({ upTo: documentSnapshots.upToUpdateId }).from(documentSnapshots)
    .where(and(eq(documentSnapshots.documentId, documentId), eq(documentSnapshots.kind, "checkpoint")))
    .orderBy(desc(documentSnapshots.upToUpdateId)).limit(1);
  expect(checkpoint?.upTo).toBe(last.id);
});
