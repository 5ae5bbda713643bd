import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { documents, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** A space's co-edited documents (not its blog posts nor hand-ins), last changed first. */
export async function listDocuments(db: Db, spaceId: string) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      updatedAt: documents.updatedAt,
      createdBy: documents.createdBy,
      creatorFirstName: people.firstName,
      creatorLastName: people.lastName,
    })
    .from(documents)
    .leftJoin(people, eq(people.id, documents.createdBy))
    .where(and(eq(documents.spaceId, spaceId), eq(documents.kind, "document"), isNull(documents.deletedAt)))
    .orderBy(desc(documents.updatedAt), documents.title);
}

export async function createDocument(db: Db, spaceId: string, createdBy: string, title: string): Promise<string> {
  const [document] = await db.insert(documents).values({ spaceId, createdBy, title, kind: "document" }).returning({ id: documents.id });
  return document.id;
}

export async function renameDocument(db: Db, documentId: string, title: string): Promise<void> {
  await db.update(documents).set({ title, updatedAt: sql`now()` }).where(eq(documents.id, documentId));
}

/** Deleted documents are kept (marked), so that their history is not lost to a wrong click. */
export async function deleteDocument(db: Db, documentId: string): Promise<void> {
  await db.update(documents).set({ deletedAt: sql`now()` }).where(eq(documents.id, documentId));
}
