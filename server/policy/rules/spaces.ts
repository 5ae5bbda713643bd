import type { Rule } from "../rule";
import { documentAccess, type SpaceRole, spaceRoleOf, WRITER_ROLES } from "../space-access";

export type SpacesPermission =
  /** see a space: its name, its members and what is published in it for this person (families: for families) */
  | "space.read"
  /** write in a space: post in its stream, create documents, add files (owners and contributors) */
  | "space.contribute"
  /** manage a space: rename, archive, add and remove members, make group-work teams, publish (its owners) */
  | "space.manage"
  /** open a co-edited document to read it (and read its history) */
  | "document.read"
  /** open a co-edited document to write in it */
  | "document.write";

const roleIn = (accepted: (role: SpaceRole) => boolean): Rule => async (db, scope, spaceId) => {
  const role = await spaceRoleOf(db, scope, spaceId);
  return role !== null && accepted(role);
};

export const spacesRules: Record<SpacesPermission, Rule> = {
  "space.read": roleIn(() => true),
  "space.contribute": roleIn((role) => WRITER_ROLES.includes(role)),
  "space.manage": roleIn((role) => role === "owner"),
  "document.read": async (db, scope, documentId) => (await documentAccess(db, scope, documentId)) !== null,
  "document.write": async (db, scope, documentId) => (await documentAccess(db, scope, documentId)) === "write",
};
