import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import * as Y from "yjs";
import { documentSnapshots, documentUpdates } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { lockDocuments } from "./document-locks";
import { UpdateWriter } from "./group-commit";

/**
 * The durable side of a co-edited document: its authored updates and its snapshots, in PostgreSQL (or PGlite).
 * Writes to one document are serialised by its advisory lock (`lockDocuments`).
 */

const writers = new WeakMap<Db, UpdateWriter>();

/** Stores one update, committed when this resolves: only then may it be relayed. Concurrent ones share commits. */
export function storeUpdate(db: Db, documentId: string, authorId: string | null, update: Uint8Array): Promise<number> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new UpdateWriter(db)));
  return writer.store(documentId, authorId, update);
}

/** The largest a document's stored state (its latest snapshot and the updates after it) may grow. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/** The size of stored updates, as the document-size limit counts it. */
export const storedBytes = (updates: Uint8Array[]) => updates.reduce((sum, update) => sum + update.length, 0);

export interface StoredState {
  /** The latest snapshot's state, then every update after it, in order. */
  updates: Uint8Array[];
  /** How many of them follow the snapshot: the work a compaction would fold in. */
  tail: number;
  /** When the latest version (auto or named snapshot) was taken, if any. */
  lastVersionAt: Date | null;
}

/** What loading a document needs: the latest snapshot and the updates after it. */
export async function loadStoredState(db: Db, documentId: string): Promise<StoredState> {
  const [snapshot] = await db
    .select({ state: documentSnapshots.state, upTo: documentSnapshots.upToUpdateId })
    .from(documentSnapshots)
    .where(eq(documentSnapshots.documentId, documentId))
    .orderBy(desc(documentSnapshots.upToUpdateId), desc(documentSnapshots.createdAt))
    .limit(1);
  const tail = await db
    .select({ update: documentUpdates.update })
    .from(documentUpdates)
    .where(and(eq(documentUpdates.documentId, documentId), gt(documentUpdates.id, snapshot?.upTo ?? 0)))
    .orderBy(asc(documentUpdates.id));
  const [version] = await db
    .select({ at: documentSnapshots.createdAt })
    .from(documentSnapshots)
    .where(and(eq(documentSnapshots.documentId, documentId), sql`${documentSnapshots.kind} <> 'checkpoint'`))
    .orderBy(desc(documentSnapshots.createdAt))
    .limit(1);
  return {
    updates: [...(snapshot ? [snapshot.state] : []), ...tail.map((row) => row.update)],
    tail: tail.length,
    lastVersionAt: version?.at ?? null,
  };
}

/**
 * A document built from stored updates. An update that cannot be applied (it should never have been stored) is
 * skipped with a log line rather than making the whole document unreadable.
 */
export function documentOf(updates: Uint8Array[], documentId: string): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      console.error(`[collab] skipped an unreadable stored update of ${documentId}`, error);
    }
  }
  return doc;
}

export interface SnapshotRequest {
  kind: "checkpoint" | "auto" | "named";
  name?: string | null;
  createdBy?: string | null;
}

/**
 * Folds the latest snapshot and the updates after it into a new snapshot. A checkpoint with nothing to fold is not
 * taken; a version always is (two named versions of the same state are two names the writers gave it).
 */
export async function takeSnapshot(db: Db, documentId: string, request: SnapshotRequest): Promise<{ id: string } | null> {
  return db.transaction(async (tx) => {
    await lockDocuments(tx, [documentId]);
    const [latest] = await tx
      .select({ upTo: documentSnapshots.upToUpdateId })
      .from(documentSnapshots)
      .where(eq(documentSnapshots.documentId, documentId))
      .orderBy(desc(documentSnapshots.upToUpdateId))
      .limit(1);
    const [last] = await tx
      .select({ id: documentUpdates.id })
      .from(documentUpdates)
      .where(eq(documentUpdates.documentId, documentId))
      .orderBy(desc(documentUpdates.id))
      .limit(1);
    const upTo = last?.id ?? 0;
    if (request.kind === "checkpoint" && upTo <= (latest?.upTo ?? 0)) return null;
    const stored = await loadStoredState(tx as unknown as Db, documentId);
    const doc = documentOf(stored.updates, documentId);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const [row] = await tx
      .insert(documentSnapshots)
      .values({ documentId, kind: request.kind, name: request.name ?? null, createdBy: request.createdBy ?? null, upToUpdateId: upTo, state })
      .returning({ id: documentSnapshots.id });
    return row;
  });
}
