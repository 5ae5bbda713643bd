import type { Rule } from "../rule";
import { hasRole } from "../scope";
import { documentTarget, spaceRoleOf, WRITER_ROLES } from "../space-access";
import { folderTarget, isMember, mayDownload, mayEditSpaceFile, mayRemovePost, placeAccess } from "../space-content-access";

export type SpaceContentPermission =
  /** see a space's members, documents and work in progress (its members, not families) */
  | "space.members"
  /** make group-work teams of pupils in a class space: the class's teachers (target: the class space) */
  | "space.makeTeams"
  /** remove a post of a space's stream: its author, or the space's owners (modération) */
  | "post.remove"
  /** rename or delete a co-edited document of a space: its creator, or the space's owners */
  | "document.manage"
  /** rename, move or delete a file: the owner of personal files, a space's owners, or the writer who added it */
  | "spaceFile.edit"
  /** add, rename or delete a folder, and put files in it: the owner of personal files, a space's writers */
  | "folder.edit"
  /** see the files of a place: a space the person reads (families: what is shared with them), or "mine", their own */
  | "files.read"
  /** add files and folders to a place: a space the person writes in, or "mine", their own */
  | "files.write"
  /** download a stored file: of a place the person reads (families: shared with them), or of their or their pupils' hand-in */
  | "file.download";

/** The target of "files.read" and "files.write" that names the person's own files (Mes fichiers), not a space. */
export const MY_FILES = "mine";

export const spaceContentRules: Record<SpaceContentPermission, Rule> = {
  "space.members": async (db, scope, spaceId) => isMember(await spaceRoleOf(db, scope, spaceId)),
  "space.makeTeams": async (db, scope, spaceId) => hasRole(scope, "teacher") && (await spaceRoleOf(db, scope, spaceId)) === "owner",
  "post.remove": mayRemovePost,
  "document.manage": async (db, scope, documentId) => {
    const document = await documentTarget(db, scope, documentId);
    if (document?.kind !== "document") return false;
    const role = await spaceRoleOf(db, scope, document.spaceId);
    return role === "owner" || (role !== null && WRITER_ROLES.includes(role) && document.createdBy === scope.personId);
  },
  "files.read": async (db, scope, target) => target === MY_FILES || (await spaceRoleOf(db, scope, target)) !== null,
  "files.write": async (db, scope, target) => {
    if (target === MY_FILES) return true;
    const role = await spaceRoleOf(db, scope, target);
    return role !== null && WRITER_ROLES.includes(role);
  },
  "spaceFile.edit": mayEditSpaceFile,
  "folder.edit": async (db, scope, folderId) => {
    const folder = await folderTarget(db, scope, folderId);
    return Boolean(folder && (await placeAccess(db, scope, folder)) === "write");
  },
  "file.download": mayDownload,
};
