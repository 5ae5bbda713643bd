import { asc, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import { documentUpdates, people } from "@/drizzle/schema";
import { isoDate } from "@/server/calendar/days";
import type { Db } from "@/server/db";

/**
 * Who wrote what in a document, and when: computed from its stored, authored updates, replayed in order into a
 * document that keeps everything (no garbage collection). For each update, the characters it inserted are those of
 * the new items it brought, the characters it deleted those of the items it was the first to delete, so resending
 * what was already there (a reconnecting client does) counts for nothing.
 */
export interface DayOfWork {
  day: string;
  inserted: number;
  deleted: number;
}

export interface Contribution {
  personId: string;
  name: string;
  inserted: number;
  deleted: number;
  /** how many stored updates (edits sent) */
  edits: number;
  firstAt: Date;
  lastAt: Date;
  days: DayOfWork[];
}

const charactersOf = (item: Y.Item) => (item.content instanceof Y.ContentString ? item.content.getLength() : 0);

function measure(transaction: Y.Transaction): { inserted: number; deleted: number } {
  let inserted = 0;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client) ?? [];
    for (let i = structs.length - 1; i >= 0 && structs[i].id.clock + structs[i].length > before; i -= 1) {
      const struct = structs[i];
      if (struct instanceof Y.Item && struct.id.clock >= before) inserted += charactersOf(struct);
    }
  }
  let deleted = 0;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) deleted += charactersOf(struct);
  });
  return { inserted, deleted };
}

/** Every author's contribution to a document; `onlyOf` narrows it to one person (a pupil sees their own). */
export async function documentContributions(db: Db, documentId: string, onlyOf?: string): Promise<Contribution[]> {
  const rows = await db
    .select({ authorId: documentUpdates.authorId, update: documentUpdates.update, createdAt: documentUpdates.createdAt })
    .from(documentUpdates)
    .where(eq(documentUpdates.documentId, documentId))
    .orderBy(asc(documentUpdates.id));
  const doc = new Y.Doc({ gc: false });
  const byPerson = new Map<string, Omit<Contribution, "name" | "days"> & { days: Map<string, DayOfWork> }>();
  let current: { inserted: number; deleted: number } = { inserted: 0, deleted: 0 };
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    current = measure(transaction);
  });
  for (const row of rows) {
    current = { inserted: 0, deleted: 0 };
    try {
      Y.applyUpdate(doc, row.update);
    } catch {
      continue;
    }
    if (!row.authorId || (onlyOf && row.authorId !== onlyOf)) continue;
    const entry = byPerson.get(row.authorId) ?? {
      personId: row.authorId,
      inserted: 0,
      deleted: 0,
      edits: 0,
      firstAt: row.createdAt,
      lastAt: row.createdAt,
      days: new Map<string, DayOfWork>(),
    };
    entry.inserted += current.inserted;
    entry.deleted += current.deleted;
    entry.edits += 1;
    entry.lastAt = row.createdAt;
    const day = isoDate(row.createdAt);
    const ofDay = entry.days.get(day) ?? { day, inserted: 0, deleted: 0 };
    ofDay.inserted += current.inserted;
    ofDay.deleted += current.deleted;
    entry.days.set(day, ofDay);
    byPerson.set(row.authorId, entry);
  }
  doc.destroy();
  if (byPerson.size === 0) return [];
  const names = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(inArray(people.id, [...byPerson.keys()]));
  const nameOf = new Map(names.map((person) => [person.id, `${person.firstName} ${person.lastName}`]));
  return [...byPerson.values()]
    .map((entry) => ({ ...entry, name: nameOf.get(entry.personId) ?? "", days: [...entry.days.values()] }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
