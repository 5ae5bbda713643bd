import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { createTestDatabase } from "@/server/testing/database";
import { startChildServer } from "./child-server";
import { connectClient, eventually, seedCollabFixture, ticketFor } from "./testing";

/**
 * Nothing another client saw is lost when the server dies: two writers edit, the server is killed with SIGKILL in the
 * middle of their typing, and once restarted it serves every update that either writer had received from the other.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), "preau-collab-crash-"));
const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dataDir, { recursive: true, force: true })];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The database the child servers use: a PGlite folder they own, or a fresh PostgreSQL database. */
async function prepareDatabase(): Promise<{ fixture: Awaited<ReturnType<typeof seedCollabFixture>>; env: Record<string, string> }> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    cleanups.push(() => database.close());
    return { fixture: await seedCollabFixture(database.db), env: { DATABASE_URL: database.url! } };
  }
  const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
  await migrate(database);
  const fixture = await seedCollabFixture(database.db);
  await database.close();
  return { fixture, env: { PREAU_DATA_DIR: dataDir } };
}

/** Whether `doc` holds at least everything of `client` that `seen` holds. */
const holds = (doc: Y.Doc, seen: Map<number, number>, client: number) =>
  (Y.decodeStateVector(Y.encodeStateVector(doc)).get(client) ?? 0) >= (seen.get(client) ?? 0);

it("loses no update another client received when the server is killed mid-edit", { timeout: 180_000 }, async () => {
  const { fixture, env } = await prepareDatabase();
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
