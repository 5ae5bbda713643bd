import { and, asc, eq, sql } from "drizzle-orm";
import { classEnrolments, documents, handInFiles, handIns, spaces, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { type FileStore } from "@/server/files";
import { deleteStoredFile, storeUpload, type Upload } from "@/server/files/files";
import { SCHOOL_WORK_TYPES } from "@/server/files/sniff";

/** Who hands in: one pupil, or one team (its space). */
export type Author = { studentId: string } | { teamSpaceId: string };

/** Files a hand-in may hold: enough for a piece of school work, not a store of its own. */
export const MAX_HAND_IN_FILES = 10;

const authorColumns = (author: Author) => ("studentId" in author ? { studentId: author.studentId } : { teamSpaceId: author.teamSpaceId });
const ofAuthor = (author: Author) => ("studentId" in author ? eq(handIns.studentId, author.studentId) : eq(handIns.teamSpaceId, author.teamSpaceId));

export async function findHandIn(db: Db, assignmentId: string, author: Author) {
  const [found] = await db.select().from(handIns).where(and(eq(handIns.assignmentId, assignmentId), ofAuthor(author)));
  return found;
}

/** The author's hand-in for the assignment, started as a draft the first time they add something to it. */
async function draftOf(db: Db, assignmentId: string, author: Author) {
  await db.insert(handIns).values({ assignmentId, ...authorColumns(author) }).onConflictDoNothing();
  const handIn = await findHandIn(db, assignmentId, author);
  if (handIn.status !== "draft") throw new DomainError("handIns.errors.notDraft");
  return handIn;
}

/** A hand-in's files: those handed in (work), or the corrected copies returned with it (correction). */
export async function handInFilesOf(db: Db, handInId: string, kind: "work" | "correction" = "work") {
  return db
    .select({ storedFileId: storedFiles.id, name: storedFiles.name, size: storedFiles.size, contentType: storedFiles.contentType })
    .from(handInFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, handInFiles.storedFileId))
    .where(and(eq(handInFiles.handInId, handInId), eq(handInFiles.kind, kind)))
    .orderBy(asc(storedFiles.name));
}

/** Adds a file to the author's draft hand-in. */
export async function attachFile(
  db: Db,
  store: FileStore,
  who: { establishmentId: string; personId: string },
  assignmentId: string,
  author: Author,
  upload: Upload,
  maxBytes: number,
) {
  return db.transaction(async (tx) => {
    const handIn = await draftOf(tx, assignmentId, author);
    await tx.execute(sql`select id from hand_ins where id = ${handIn.id} for update`);
    if ((await handInFilesOf(tx, handIn.id)).length >= MAX_HAND_IN_FILES) throw new DomainError("handIns.errors.tooManyFiles");
    const stored = await storeUpload(tx, store, { establishmentId: who.establishmentId, uploadedBy: who.personId }, upload, { accept: SCHOOL_WORK_TYPES, maxBytes });
    await tx.insert(handInFiles).values({ handInId: handIn.id, storedFileId: stored.id });
    return stored.id;
  });
}

export async function detachFile(db: Db, store: FileStore, assignmentId: string, author: Author, storedFileId: string): Promise<void> {
  const handIn = await findHandIn(db, assignmentId, author);
  if (handIn?.status !== "draft") throw new DomainError("handIns.errors.notDraft");
  const [attached] = await db
    .select({ id: handInFiles.storedFileId })
    .from(handInFiles)
    .where(and(eq(handInFiles.handInId, handIn.id), eq(handInFiles.storedFileId, storedFileId), eq(handInFiles.kind, "work")));
  if (!attached) throw new DomainError("handIns.errors.noSuchFile");
  await deleteStoredFile(db, store, storedFileId);
}

/** The pupil's class space: where the document of their own work for a group's assignment is kept. */
async function classSpaceOf(db: Db, establishmentId: string, studentId: string): Promise<string> {
  const [found] = await db
    .select({ id: spaces.id })
    .from(classEnrolments)
    .innerJoin(spaces, and(eq(spaces.classId, classEnrolments.classId), eq(spaces.kind, "class"), eq(spaces.establishmentId, establishmentId)))
    .where(eq(classEnrolments.studentId, studentId))
    .limit(1);
  if (!found) throw new DomainError("handIns.errors.noClassSpace");
  return found.id;
}

/**
 * The co-edited document of the author's hand-in, created the first time: in the team's space, the class space for a
 * pupil's own work, or the pupil's class space for a group's assignment. Who may open it follows the hand-in, not the
 * space (see `handInDocumentAccess`).
 */
export async function handInDocument(
  db: Db,
  assignment: { id: string; spaceId: string | null; establishmentId: string; title: string },
  author: Author,
  createdBy: string,
) {
  return db.transaction(async (tx) => {
    const handIn = await draftOf(tx, assignment.id, author);
    if (handIn.documentId) return { documentId: handIn.documentId, spaceId: await documentSpace(tx, handIn.documentId) };
    const spaceId = assignment.spaceId ?? (await classSpaceOf(tx, assignment.establishmentId, (author as { studentId: string }).studentId));
    const [document] = await tx
      .insert(documents)
      .values({ spaceId, kind: "handIn", title: assignment.title, createdBy })
      .returning({ id: documents.id });
    await tx.update(handIns).set({ documentId: document.id }).where(eq(handIns.id, handIn.id));
    return { documentId: document.id, spaceId };
  });
}

/** The space a hand-in's document is kept in, for its address. */
export async function documentSpace(db: Db, documentId: string): Promise<string> {
  const [found] = await db.select({ spaceId: documents.spaceId }).from(documents).where(eq(documents.id, documentId));
  return found.spaceId;
}

/** Hands the draft in, late or not (the time tells); there must be something in it. */
export async function submitHandIn(db: Db, assignmentId: string, author: Author, personId: string): Promise<void> {
  const handIn = await findHandIn(db, assignmentId, author);
  if (!handIn) throw new DomainError("handIns.errors.empty");
  if (handIn.status !== "draft") throw new DomainError("handIns.errors.notDraft");
  if (!handIn.documentId && (await handInFilesOf(db, handIn.id)).length === 0) throw new DomainError("handIns.errors.empty");
  await db.update(handIns).set({ status: "handedIn", handedInAt: sql`now()`, handedInBy: personId }).where(and(eq(handIns.id, handIn.id), eq(handIns.status, "draft")));
}

/** Takes a hand-in back to work on it again: only before the due time, and not once returned. */
export async function takeBackHandIn(db: Db, assignment: { id: string; dueAt: Date }, author: Author, now = new Date()): Promise<void> {
  const handIn = await findHandIn(db, assignment.id, author);
  if (handIn?.status !== "handedIn") throw new DomainError("handIns.errors.notHandedIn");
  if (now >= assignment.dueAt) throw new DomainError("handIns.errors.pastDue");
  await db.update(handIns).set({ status: "draft", handedInAt: null, handedInBy: null }).where(and(eq(handIns.id, handIn.id), eq(handIns.status, "handedIn")));
}
