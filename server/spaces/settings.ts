import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { documents, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** A space's name and description, as its owners change them. */
export async function updateSpace(db: Db, spaceId: string, fields: { name: string; description: string }): Promise<void> {
  await db.update(spaces).set(fields).where(eq(spaces.id, spaceId));
}

/**
 * Archives a space: everything in it turns read-only for everyone (the access policy reads `archivedAt`), and "Mes
 * espaces" lists it apart. Returns its documents, whose open editors must follow.
 */
export async function archiveSpace(db: Db, spaceId: string): Promise<string[]> {
  await db.update(spaces).set({ archivedAt: new Date() }).where(and(eq(spaces.id, spaceId), isNull(spaces.archivedAt)));
  return documentsOf(db, spaceId);
}

/** Brings an archived space back as it was; returns its documents, whose open editors must follow. */
export async function restoreSpace(db: Db, spaceId: string): Promise<string[]> {
  await db.update(spaces).set({ archivedAt: null }).where(and(eq(spaces.id, spaceId), isNotNull(spaces.archivedAt)));
  return documentsOf(db, spaceId);
}

/** The space's live co-edited documents, of every kind (documents, blog posts, hand-ins). */
async function documentsOf(db: Db, spaceId: string): Promise<string[]> {
  const rows = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.spaceId, spaceId), isNull(documents.deletedAt)));
  return rows.map((row) => row.id);
}
