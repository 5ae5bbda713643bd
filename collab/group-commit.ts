import { setImmediate } from "node:timers/promises";
import { documentUpdates } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { lockDocuments } from "./document-locks";

/** At most this many updates go in one transaction: a burst is written as a few of them, not one huge one. */
const MAX_BATCH = 500;

interface Pending {
  documentId: string;
  authorId: string | null;
  update: Uint8Array;
  stored(id: number): void;
  failed(error: unknown): void;
}

/**
 * Group commit of co-edited updates. An update is written as soon as nothing else is being written (after one turn of
 * the event loop, which lets the messages already received join it); the updates that arrive meanwhile wait and are
 * written together by the next transaction, one multi-row insert under the locks of their documents. A lone writer waits for its own commit only, as before; two hundred writers typing at once share
 * commits instead of queueing two hundred of them. Each update still resolves only once committed, so nothing is
 * relayed before it is durable. When a batch fails, its updates are written one by one again, so that one bad update
 * (its author deleted meanwhile, say) fails alone.
 */
export class UpdateWriter {
  private pending: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  /** Stores one update; resolves with its id once committed. */
  store(documentId: string, authorId: string | null, update: Uint8Array): Promise<number> {
    return new Promise((stored, failed) => {
      this.pending.push({ documentId, authorId, update, stored, failed });
      void this.drain();
    });
  }

  private async drain() {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        // One turn of the event loop first: the messages already received (an in-process PGlite writes without
        // yielding to them) join this batch.
        await setImmediate();
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const ids = await writeBatch(this.db, batch);
          batch.forEach((pending, index) => pending.stored(ids[index]));
        } catch (error) {
          if (batch.length === 1) batch[0].failed(error);
          else for (const pending of batch) await writeBatch(this.db, [pending]).then(([id]) => pending.stored(id), pending.failed);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

/**
 * One transaction: the documents' advisory locks, then the updates. Ids come from a sequence in the order of the rows,
 * so the ids returned, sorted, are the rows' in order.
 */
async function writeBatch(db: Db, batch: Pending[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    await lockDocuments(tx, batch.map((pending) => pending.documentId));
    const rows = await tx
      .insert(documentUpdates)
      .values(batch.map(({ documentId, authorId, update }) => ({ documentId, authorId, update })))
      .returning({ id: documentUpdates.id });
    return rows.map((row) => row.id).sort((a, b) => a - b);
  });
}
