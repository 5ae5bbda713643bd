import type { Rule } from "../rule";
import { documentAccess, type SpaceRole, spaceRoleOf, spaceStanding, WRITER_ROLES } from "../space-access";

export type SpacesPermission =
  /** see a space: its name, its members and what is published in it for this person (families: for families) */
  | "space.read"
  /** write in a space: post in its stream, create documents, add files (owners and contributors) */
  | "space.contribute"
  /** manage a space: add and remove members, make group-work teams, publish (its owners) */
  | "space.manage"
  /**
   * rename a team or group-work space, change its description, archive it (its owners). A class space is not: its
   * name is its class's, and the class's teachers and the direction all own it, so that one of them archiving it would
   * shut every other out of writing in it; it lives as long as its class.
   */
  | "space.edit"
  /** bring an archived team or group-work space back from the archive (those who owned it) */
  | "space.restore"
  /** open a co-edited document to read it (and read its history) */
  | "document.read"
  /** open a co-edited document to write in it */
  | "document.write";

const roleIn = (accepted: (role: SpaceRole) => boolean): Rule => async (db, scope, spaceId) => {
  const role = await spaceRoleOf(db, scope, spaceId);
  return role !== null && accepted(role);
};

/** What the owners of a team or group-work space may do to the space itself, while it is archived or while it is not. */
const ownsSpaceThat = (archived: boolean): Rule => async (db, scope, spaceId) => {
  const standing = await spaceStanding(db, scope, spaceId);
  return standing !== undefined && standing.kind !== "class" && standing.archived === archived && standing.role === "owner";
};

export const spacesRules: Record<SpacesPermission, Rule> = {
  "space.read": roleIn(() => true),
  "space.contribute": roleIn((role) => WRITER_ROLES.includes(role)),
  "space.manage": roleIn((role) => role === "owner"),
  "space.edit": ownsSpaceThat(false),
  "space.restore": ownsSpaceThat(true),
  "document.read": async (db, scope, documentId) => (await documentAccess(db, scope, documentId)) !== null,
  "document.write": async (db, scope, documentId) => (await documentAccess(db, scope, documentId)) === "write",
};
