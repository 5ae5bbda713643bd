import { and, eq } from "drizzle-orm";
import { handInFiles, handIns } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { FileStore } from "@/server/files";
import { deleteStoredFile, storeUpload, type Upload } from "@/server/files/files";
import { SCHOOL_WORK_TYPES } from "@/server/files/sniff";
import { handInFilesOf, MAX_HAND_IN_FILES } from "./work";

/**
 * Corrected copies (copies corrigées): files the teacher returns with a hand-in, beside the comment and the mark. They
 * are added to work that was handed in (or already returned), and its authors download them once it is returned.
 */
export async function attachCorrection(
  db: Db,
  store: FileStore,
  who: { establishmentId: string; personId: string },
  handInId: string,
  upload: Upload,
  maxBytes: number,
) {
  return db.transaction(async (tx) => {
    const [handIn] = await tx.select({ status: handIns.status }).from(handIns).where(eq(handIns.id, handInId)).for("update");
    if (handIn?.status !== "handedIn" && handIn?.status !== "returned") throw new DomainError("handIns.errors.notHandedIn");
    if ((await handInFilesOf(tx, handInId, "correction")).length >= MAX_HAND_IN_FILES) throw new DomainError("handIns.errors.tooManyFiles");
    const stored = await storeUpload(tx, store, { establishmentId: who.establishmentId, uploadedBy: who.personId }, upload, { accept: SCHOOL_WORK_TYPES, maxBytes });
    await tx.insert(handInFiles).values({ handInId, storedFileId: stored.id, kind: "correction" });
    return stored.id;
  });
}

export async function detachCorrection(db: Db, store: FileStore, handInId: string, storedFileId: string): Promise<void> {
  const [attached] = await db
    .select({ id: handInFiles.storedFileId })
    .from(handInFiles)
    .where(and(eq(handInFiles.handInId, handInId), eq(handInFiles.storedFileId, storedFileId), eq(handInFiles.kind, "correction")));
  if (!attached) throw new DomainError("handIns.errors.noSuchFile");
  await deleteStoredFile(db, store, storedFileId);
}
