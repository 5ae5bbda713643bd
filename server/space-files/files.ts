import { and, asc, eq, isNull, sql, sum } from "drizzle-orm";
import { people, spaceFiles, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { type FileStore } from "@/server/files";
import { deleteStoredFile, storeUpload, type Upload } from "@/server/files/files";
import { displayName } from "@/server/files/names";
import { SCHOOL_WORK_TYPES } from "@/server/files/sniff";
import { requireFolderIn } from "./folders";
import type { FileLimits } from "./limits";
import { inPlace, type Place, placeColumns, placeKey } from "./place";

/** The bytes a place holds. */
export async function usedBytes(db: Db, place: Place): Promise<number> {
  const [row] = await db
    .select({ used: sum(storedFiles.size).mapWith(Number) })
    .from(spaceFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, spaceFiles.storedFileId))
    .where(inPlace(spaceFiles, place));
  return row.used ?? 0;
}

export const quotaOf = (place: Place, limits: FileLimits) => ("spaceId" in place ? limits.spaceQuotaBytes : limits.personalQuotaBytes);

/**
 * The files of a folder (or of the top). Families see no folders: every file shared with them, wherever it is filed.
 */
export async function filesIn(db: Db, place: Place, folderId: string | null, familiesOnly: boolean) {
  return db
    .select({
      id: spaceFiles.id,
      storedFileId: spaceFiles.storedFileId,
      name: spaceFiles.name,
      contentType: storedFiles.contentType,
      size: storedFiles.size,
      forFamilies: spaceFiles.forFamilies,
      addedBy: spaceFiles.addedBy,
      addedByFirstName: people.firstName,
      addedByLastName: people.lastName,
      createdAt: spaceFiles.createdAt,
    })
    .from(spaceFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, spaceFiles.storedFileId))
    .leftJoin(people, eq(people.id, spaceFiles.addedBy))
    .where(
      and(
        inPlace(spaceFiles, place),
        familiesOnly ? eq(spaceFiles.forFamilies, true) : folderId ? eq(spaceFiles.folderId, folderId) : isNull(spaceFiles.folderId),
      ),
    )
    .orderBy(asc(spaceFiles.name));
}

export interface FileUpload extends Upload {
  folderId: string | null;
  forFamilies: boolean;
}

/**
 * Adds a file to a place, within its quota: the place is locked while its usage is counted and the file recorded, so
 * that two uploads at once cannot both slip under the quota.
 */
export async function addFile(
  db: Db,
  store: FileStore,
  who: { establishmentId: string; personId: string },
  place: Place,
  upload: FileUpload,
  limits: FileLimits,
  accept: readonly string[] = SCHOOL_WORK_TYPES,
) {
  await requireFolderIn(db, place, upload.folderId);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${placeKey(place)}))`);
    if ((await usedBytes(tx, place)) + upload.bytes.length > quotaOf(place, limits)) throw new DomainError("files.errors.quota");
    const stored = await storeUpload(tx, store, { establishmentId: who.establishmentId, uploadedBy: who.personId }, upload, {
      accept,
      maxBytes: limits.maxUploadBytes,
    });
    const [file] = await tx
      .insert(spaceFiles)
      .values({
        establishmentId: who.establishmentId,
        ...placeColumns(place),
        folderId: upload.folderId,
        storedFileId: stored.id,
        name: stored.name,
        forFamilies: "spaceId" in place && upload.forFamilies,
        addedBy: who.personId,
      })
      .returning({ id: spaceFiles.id, storedFileId: spaceFiles.storedFileId });
    return file;
  });
}

/** Where a file is, to act on it within its own place. */
export async function placeOfFile(db: Db, spaceFileId: string): Promise<Place> {
  const [file] = await db.select({ spaceId: spaceFiles.spaceId, ownerId: spaceFiles.ownerId }).from(spaceFiles).where(eq(spaceFiles.id, spaceFileId));
  return file.spaceId ? { spaceId: file.spaceId } : { ownerId: file.ownerId! };
}

export async function renameFile(db: Db, spaceFileId: string, name: string): Promise<void> {
  await db.update(spaceFiles).set({ name: displayName(name) }).where(eq(spaceFiles.id, spaceFileId));
}

/** Moves a file to another folder of the same place (or to the top). */
export async function moveFile(db: Db, spaceFileId: string, folderId: string | null): Promise<void> {
  await requireFolderIn(db, await placeOfFile(db, spaceFileId), folderId);
  await db.update(spaceFiles).set({ folderId }).where(eq(spaceFiles.id, spaceFileId));
}

export async function shareWithFamilies(db: Db, spaceFileId: string, forFamilies: boolean): Promise<void> {
  await db.update(spaceFiles).set({ forFamilies }).where(and(eq(spaceFiles.id, spaceFileId), sql`${spaceFiles.spaceId} is not null`));
}

export async function deleteFile(db: Db, store: FileStore, spaceFileId: string): Promise<void> {
  const [file] = await db.select({ storedFileId: spaceFiles.storedFileId }).from(spaceFiles).where(eq(spaceFiles.id, spaceFileId));
  if (file) await deleteStoredFile(db, store, file.storedFileId);
}
