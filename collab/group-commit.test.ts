import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documents, documentUpdates, people, spaces } from "@/drizzle/schema";
import type { Database, Db } from "@/server/db/client";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { createTestDatabase } from "@/server/testing/database";
import { UpdateWriter } from "./group-commit";

let database: Database;
let documentIds: string[];
let emma: string;

/** A handle on the database that counts its transactions. */
function counting(db: Db) {
  const counter = { transactions: 0 };
  const handle = new Proxy(db, {
    get(target, property, receiver) {
      if (property === "transaction") {
        return (...args: Parameters<Db["transaction"]>) => {
          counter.transactions += 1;
          return target.transaction(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { handle, counter };
}

const keystroke = (text: string) => {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const [space] = await database.db.select({ id: spaces.id }).from(spaces).limit(1);
  const written = await database.db
    .insert(documents)
    .values(["Exposé", "Compte rendu", "Affiche", "Journal", "Lettre"].map((title) => ({ spaceId: space.id, title })))
    .returning({ id: documents.id });
  documentIds = written.map((d) => d.id);
  [{ id: emma }] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.student.login));
});
afterAll(() => database.close());

describe("group commit of co-edited updates", () => {
  it("writes updates that arrive together in shared transactions, each resolving with its id in arrival order", async () => {
    const { handle, counter } = counting(database.db);
    const writer = new UpdateWriter(handle);
    const ids = await Promise.all(
      Array.from({ length: 300 }, (_, index) => writer.store(documentIds[index % documentIds.length], emma, keystroke(`k${index}`))),
    );
    // all asked within one turn of the event loop: one transaction
    expect(counter.transactions).toBe(1);
    expect(ids.every((id, index) => index === 0 || id > ids[index - 1])).toBe(true);
    const [stored] = await database.db.select({ n: count() }).from(documentUpdates).where(inArray(documentUpdates.id, ids));
    expect(stored.n).toBe(300);
  });

  it("fails only the update that cannot be stored, and stores the others of its batch", async () => {
    const writer = new UpdateWriter(database.db);
    const unknownAuthor = "00000000-0000-4000-8000-000000000000";
    const outcomes = await Promise.allSettled([
      writer.store(documentIds[0], emma, keystroke("first")),
      writer.store(documentIds[0], emma, keystroke("second")),
      writer.store(documentIds[1], unknownAuthor, keystroke("orphan")),
      writer.store(documentIds[1], emma, keystroke("third")),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
  });
});
