import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { fileFolders, spaceFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { type FileStore } from "@/server/files";
import { deleteStoredFile } from "@/server/files/files";
import { inPlace, type Place, placeColumns } from "./place";

/** Checks that a folder (or the top, null) is in the place; a folder of another place is refused. */
export async function requireFolderIn(db: Db, place: Place, folderId: string | null): Promise<void> {
  if (!folderId) return;
  const [folder] = await db.select({ id: fileFolders.id }).from(fileFolders).where(and(eq(fileFolders.id, folderId), inPlace(fileFolders, place)));
  if (!folder) throw new DomainError("spaces.errors.folder");
}

/** The folders of a folder (or of the top), by name. */
export async function subfolders(db: Db, place: Place, parentId: string | null) {
  return db
    .select({ id: fileFolders.id, name: fileFolders.name })
    .from(fileFolders)
    .where(and(inPlace(fileFolders, place), parentId ? eq(fileFolders.parentId, parentId) : isNull(fileFolders.parentId)))
    .orderBy(asc(fileFolders.name));
}

async function foldersOf(db: Db, place: Place) {
  const rows = await db.select({ id: fileFolders.id, name: fileFolders.name, parentId: fileFolders.parentId }).from(fileFolders).where(inPlace(fileFolders, place));
  return new Map(rows.map((row) => [row.id, row]));
}

type FolderMap = Awaited<ReturnType<typeof foldersOf>>;

/** The folders from the top down to this one (bounded, should a cycle ever be made). */
function pathIn(folders: FolderMap, folderId: string) {
  const path: { id: string; name: string }[] = [];
  for (let folder = folders.get(folderId); folder && path.length < folders.size; folder = folder.parentId ? folders.get(folder.parentId) : undefined) {
    path.unshift({ id: folder.id, name: folder.name });
  }
  return path;
}

/** Every folder of a place with its path, to choose where to move a file. */
export async function allFolders(db: Db, place: Place) {
  const folders = await foldersOf(db, place);
  return [...folders.keys()]
    .map((id) => ({ id, path: pathIn(folders, id).map((folder) => folder.name) }))
    .sort((a, b) => a.path.join("/").localeCompare(b.path.join("/")));
}

/** The folders from the top down to this one, for the breadcrumb. */
export async function folderPath(db: Db, place: Place, folderId: string | null) {
  return folderId ? pathIn(await foldersOf(db, place), folderId) : [];
}

/** Checks that a folder may become the parent of another: in the same place, and not inside it. */
export async function requireParentFor(db: Db, place: Place, folderId: string, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const path = pathIn(await foldersOf(db, place), parentId);
  if (path.length === 0 || path.some((folder) => folder.id === folderId)) throw new DomainError("spaces.errors.folder");
}

export async function createFolder(
  db: Db,
  establishmentId: string,
  place: Place,
  parentId: string | null,
  name: string,
): Promise<string> {
  await requireFolderIn(db, place, parentId);
  const [folder] = await db
    .insert(fileFolders)
    .values({ establishmentId, ...placeColumns(place), parentId, name })
    .returning({ id: fileFolders.id });
  return folder.id;
}

/** Where a folder is, to act on it within its own place. */
export async function placeOfFolder(db: Db, folderId: string): Promise<Place> {
  const [folder] = await db.select({ spaceId: fileFolders.spaceId, ownerId: fileFolders.ownerId }).from(fileFolders).where(eq(fileFolders.id, folderId));
  return folder.spaceId ? { spaceId: folder.spaceId } : { ownerId: folder.ownerId! };
}

/** Moves a folder under another of the same place (or to the top), never inside itself. */
export async function moveFolder(db: Db, folderId: string, parentId: string | null): Promise<void> {
  await requireParentFor(db, await placeOfFolder(db, folderId), folderId, parentId);
  await db.update(fileFolders).set({ parentId }).where(eq(fileFolders.id, folderId));
}

export async function renameFolder(db: Db, folderId: string, name: string): Promise<void> {
  await db.update(fileFolders).set({ name }).where(eq(fileFolders.id, folderId));
}

/** Deletes a folder, its folders and their files, bytes included. */
export async function deleteFolder(db: Db, store: FileStore, folderId: string): Promise<void> {
  const folders = await foldersOf(db, await placeOfFolder(db, folderId));
  const inside = [...folders.keys()].filter((id) => pathIn(folders, id).some((folder) => folder.id === folderId));
  const files = inside.length
    ? await db.select({ storedFileId: spaceFiles.storedFileId }).from(spaceFiles).where(inArray(spaceFiles.folderId, inside))
    : [];
  await db.delete(fileFolders).where(eq(fileFolders.id, folderId));
  for (const file of files) await deleteStoredFile(db, store, file.storedFileId);
}
