import { and, desc, eq, inArray } from "drizzle-orm";
import * as Y from "yjs";
import { documentSnapshots, people } from "@/drizzle/schema";
import { documentOf, loadStoredState, MAX_DOCUMENT_BYTES, storedBytes, takeSnapshot } from "@/collab/storage";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { commitUpdate } from "./live";
import { DOCUMENT_FRAGMENT, documentHtml } from "./render";

/**
 * A document's versions: the automatic ones the collaboration server takes while people write, and the named ones
 * ("Version rendue le…"). Viewing one renders it read-only; restoring one writes its content on top of the current
 * one as a new update, so co-writers see it at once and every earlier state stays in the history.
 */
export interface VersionSummary {
  id: string;
  kind: "auto" | "named";
  name: string | null;
  createdAt: Date;
  createdBy: string | null;
}

const VERSION_KINDS = ["auto", "named"] as const;
export const VERSIONS_PAGE = 50;

export async function listVersions(db: Db, documentId: string): Promise<VersionSummary[]> {
  const rows = await db
    .select({
      id: documentSnapshots.id,
      kind: documentSnapshots.kind,
      name: documentSnapshots.name,
      createdAt: documentSnapshots.createdAt,
      firstName: people.firstName,
      lastName: people.lastName,
    })
    .from(documentSnapshots)
    .leftJoin(people, eq(people.id, documentSnapshots.createdBy))
    .where(and(eq(documentSnapshots.documentId, documentId), inArray(documentSnapshots.kind, [...VERSION_KINDS])))
    .orderBy(desc(documentSnapshots.createdAt))
    .limit(VERSIONS_PAGE);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as "auto" | "named",
    name: row.name,
    createdAt: row.createdAt,
    createdBy: row.firstName ? `${row.firstName} ${row.lastName}` : null,
  }));
}

/** Names the document's current state, e.g. when it is handed in. */
export async function nameVersion(db: Db, documentId: string, name: string, personId: string): Promise<{ id: string }> {
  const snapshot = await takeSnapshot(db, documentId, { kind: "named", name, createdBy: personId });
  if (!snapshot) throw new DomainError("documents.errors.notFound");
  return snapshot;
}

async function versionDoc(db: Db, documentId: string, versionId: string): Promise<Y.Doc> {
  const [row] = await db
    .select({ state: documentSnapshots.state })
    .from(documentSnapshots)
    .where(and(eq(documentSnapshots.id, versionId), eq(documentSnapshots.documentId, documentId), inArray(documentSnapshots.kind, [...VERSION_KINDS])))
    .limit(1);
  if (!row) throw new DomainError("documents.errors.versionNotFound");
  return documentOf([row.state], documentId);
}

/** A version's content, rendered (sanitised) for reading. */
export async function versionHtml(db: Db, documentId: string, versionId: string): Promise<string> {
  const doc = await versionDoc(db, documentId, versionId);
  const html = documentHtml(doc);
  doc.destroy();
  return html;
}

/** The document's current content, from what is stored (snapshot and tail), rendered (sanitised) for reading. */
export async function currentHtml(db: Db, documentId: string): Promise<string> {
  const doc = documentOf((await loadStoredState(db, documentId)).updates, documentId);
  const html = documentHtml(doc);
  doc.destroy();
  return html;
}

/**
 * Brings a version back: in the current document, its content replaces the current content, as one new update by
 * the person restoring (stored, then sent live to the writers). What was there before stays in the history. The
 * update is refused, as the collaboration server refuses a writer's, when it would take the document past its size
 * limit.
 */
export async function restoreVersion(db: Db, documentId: string, versionId: string, personId: string): Promise<void> {
  const version = await versionDoc(db, documentId, versionId);
  const stored = await loadStoredState(db, documentId);
  const current = documentOf(stored.updates, documentId);
  const made: Uint8Array[] = [];
  current.on("update", (update: Uint8Array) => made.push(update));
  current.transact(() => {
    const fragment = current.getXmlFragment(DOCUMENT_FRAGMENT);
    fragment.delete(0, fragment.length);
    fragment.insert(0, version.getXmlFragment(DOCUMENT_FRAGMENT).toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText));
  });
  version.destroy();
  current.destroy();
  const [restore] = made;
  if (!restore) return;
  if (storedBytes(stored.updates) + restore.length > MAX_DOCUMENT_BYTES) throw new DomainError("documents.errors.tooLarge");
  await commitUpdate(db, documentId, personId, restore);
}
