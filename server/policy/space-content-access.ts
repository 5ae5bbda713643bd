import { and, eq } from "drizzle-orm";
import { fileFolders, handInFiles, spaceFiles, spacePosts, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { handInRoleOf, handInTarget } from "./hand-in-access";
import type { Scope } from "./scope";
import { MEMBER_ROLES, spaceRoleOf, WRITER_ROLES } from "./space-access";

/** Where a file or folder is: a space's, or a person's own (Mes fichiers). */
type Place = { spaceId: string | null; ownerId: string | null };

/** What the person may do in a place: change it (owner of their own files, writer of a space), or only read. */
export async function placeAccess(db: Db, scope: Scope, place: Place): Promise<"write" | "read" | "family" | null> {
  if (place.ownerId) return place.ownerId === scope.personId ? "write" : null;
  if (!place.spaceId) return null;
  const role = await spaceRoleOf(db, scope, place.spaceId);
  if (role && WRITER_ROLES.includes(role)) return "write";
  if (role === "reader") return "read";
  return role === "family" ? "family" : null;
}

export async function spaceFileTarget(db: Db, scope: Scope, spaceFileId: string) {
  const [found] = await db
    .select({ spaceId: spaceFiles.spaceId, ownerId: spaceFiles.ownerId, addedBy: spaceFiles.addedBy, forFamilies: spaceFiles.forFamilies })
    .from(spaceFiles)
    .where(and(eq(spaceFiles.id, spaceFileId), eq(spaceFiles.establishmentId, scope.establishmentId)))
    .limit(1);
  return found;
}

export async function folderTarget(db: Db, scope: Scope, folderId: string) {
  const [found] = await db
    .select({ spaceId: fileFolders.spaceId, ownerId: fileFolders.ownerId })
    .from(fileFolders)
    .where(and(eq(fileFolders.id, folderId), eq(fileFolders.establishmentId, scope.establishmentId)))
    .limit(1);
  return found;
}

/** A file of a place may be changed by its owner, a space's owners, and the writer who added it. */
export async function mayEditSpaceFile(db: Db, scope: Scope, spaceFileId: string): Promise<boolean> {
  const file = await spaceFileTarget(db, scope, spaceFileId);
  if (!file) return false;
  if (file.ownerId) return file.ownerId === scope.personId;
  const role = file.spaceId ? await spaceRoleOf(db, scope, file.spaceId) : null;
  return role === "owner" || (role === "contributor" && file.addedBy === scope.personId);
}

/**
 * Whether the person may download a stored file: a file of a place they may read (families: only what is shared with
 * them), or a file of a hand-in they wrote or review (its corrected copies: its authors once it is returned). Nothing
 * else is downloadable.
 */
export async function mayDownload(db: Db, scope: Scope, storedFileId: string): Promise<boolean> {
  const [placed] = await db
    .select({ spaceId: spaceFiles.spaceId, ownerId: spaceFiles.ownerId, forFamilies: spaceFiles.forFamilies })
    .from(spaceFiles)
    .where(and(eq(spaceFiles.storedFileId, storedFileId), eq(spaceFiles.establishmentId, scope.establishmentId)))
    .limit(1);
  if (placed) {
    const access = await placeAccess(db, scope, placed);
    return access === "write" || access === "read" || (access === "family" && placed.forFamilies);
  }
  const [handedIn] = await db
    .select({ handInId: handInFiles.handInId, kind: handInFiles.kind })
    .from(handInFiles)
    .where(eq(handInFiles.storedFileId, storedFileId))
    .limit(1);
  const handIn = handedIn && (await handInTarget(db, scope, handedIn.handInId));
  const role = handIn && (await handInRoleOf(db, scope, handIn));
  if (role === "author" && handedIn.kind === "correction") return handIn.status === "returned";
  return Boolean(role);
}

/** A post is removed by its author while they still write in the space, or by the space's owners (modération). */
export async function mayRemovePost(db: Db, scope: Scope, postId: string): Promise<boolean> {
  const [post] = await db
    .select({ spaceId: spacePosts.spaceId, authorId: spacePosts.authorId })
    .from(spacePosts)
    .innerJoin(spaces, eq(spaces.id, spacePosts.spaceId))
    .where(and(eq(spacePosts.id, postId), eq(spaces.establishmentId, scope.establishmentId)))
    .limit(1);
  if (!post) return false;
  const role = await spaceRoleOf(db, scope, post.spaceId);
  return role === "owner" || (role !== null && WRITER_ROLES.includes(role) && post.authorId === scope.personId);
}

export const isMember = (role: Awaited<ReturnType<typeof spaceRoleOf>>) => role !== null && MEMBER_ROLES.includes(role);
