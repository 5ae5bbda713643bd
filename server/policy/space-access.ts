import { and, eq, isNull } from "drizzle-orm";
import { blogPosts, documents, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { handInDocumentAccess } from "./hand-in-access";
import { childInClass, teachesGroupOfClass } from "./lookups";
import { hasRole, type Scope } from "./scope";

/**
 * What a person is in a space: its owner (manages it, publishes), a contributor (writes), a reader, or family (a
 * guardian of one of its pupils, who reads only what is published for families). Null: nothing, the space is not
 * theirs to see.
 *
 * - A class space's people are the class's: its teachers (of the class, or of a group some of its pupils attend) and
 *   the direction own it, its pupils contribute, their guardians are family.
 * - A group-work team is its members' (pupils contribute), owned too by the teachers of its class.
 * - A team space is its members' only.
 * Spaces of another establishment are nobody's here, and an archived space is read-only to all.
 */
export type SpaceRole = "owner" | "contributor" | "reader" | "family";

export async function spaceRoleOf(db: Db, scope: Scope, spaceId: string): Promise<SpaceRole | null> {
  const standing = await spaceStanding(db, scope, spaceId);
  if (!standing) return null;
  if (standing.archived && standing.role && WRITER_ROLES.includes(standing.role)) return "reader";
  return standing.role;
}

/**
 * A space of the person's establishment: its kind, whether it is archived, and what the person is in it as if it were
 * not (an archived space's owners are still those who may bring it back). Undefined: no such space here.
 */
export async function spaceStanding(db: Db, scope: Scope, spaceId: string) {
  const [space] = await db
    .select({ kind: spaces.kind, classId: spaces.classId, archivedAt: spaces.archivedAt, member: spaceMembers.role })
    .from(spaces)
    .leftJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.personId, scope.personId)))
    .where(and(eq(spaces.id, spaceId), eq(spaces.establishmentId, scope.establishmentId)))
    .limit(1);
  if (!space) return undefined;
  const role: SpaceRole | null = space.member ?? (await roleFromClass(db, scope, space.kind, space.classId));
  return { kind: space.kind, archived: space.archivedAt !== null, role };
}

async function roleFromClass(
  db: Db,
  scope: Scope,
  kind: "class" | "team" | "groupWork",
  classId: string | null,
): Promise<SpaceRole | null> {
  if (kind === "team" || !classId) return null;
  if (hasRole(scope, "teacher") && (scope.taughtClassIds.has(classId) || (await teachesGroupOfClass(db, scope, classId)))) {
    return "owner";
  }
  if (kind === "groupWork") return null;
  if (hasRole(scope, "direction")) return "owner";
  if (hasRole(scope, "student") && scope.classIds.has(classId)) return "contributor";
  if (hasRole(scope, "guardian") && (await childInClass(db, scope, classId))) return "family";
  return null;
}

/** Roles that may write in a space (post, create and edit documents, add files). */
export const WRITER_ROLES: readonly SpaceRole[] = ["owner", "contributor"];
/** Roles that see everything of a space, drafts and work in progress included (not family). */
export const MEMBER_ROLES: readonly SpaceRole[] = ["owner", "contributor", "reader"];

/** A live (not deleted) document's space and kind, in the person's establishment. */
export async function documentTarget(db: Db, scope: Scope, documentId: string) {
  const [found] = await db
    .select({ spaceId: documents.spaceId, kind: documents.kind, createdBy: documents.createdBy })
    .from(documents)
    .innerJoin(spaces, eq(spaces.id, documents.spaceId))
    .where(and(eq(documents.id, documentId), isNull(documents.deletedAt), eq(spaces.establishmentId, scope.establishmentId)))
    .limit(1);
  return found;
}

/**
 * Whether a person may write a document, only read it, or neither: decided by their role in its space. The
 * collaboration server's tickets carry this answer. Blog posts add their own workflow rules on top; a hand-in's
 * document follows its hand-in (its authors, then its teacher), not the space it sits in.
 */
export async function documentAccess(db: Db, scope: Scope, documentId: string): Promise<"write" | "read" | null> {
  const document = await documentTarget(db, scope, documentId);
  if (!document) return null;
  if (document.kind === "handIn") return handInDocumentAccess(db, scope, documentId);
  const role = await spaceRoleOf(db, scope, document.spaceId);
  if (document.kind === "blogPost" && role === "contributor" && !(await blogPostOpenToWriters(db, documentId))) return "read";
  if (role && WRITER_ROLES.includes(role)) return "write";
  if (role && MEMBER_ROLES.includes(role)) return "read";
  return null;
}

/**
 * A blog post is its writers' while it is a draft (or taken down); once submitted or published it is the space's
 * owners' to edit, so that what they approved is what readers get.
 */
async function blogPostOpenToWriters(db: Db, documentId: string): Promise<boolean> {
  const [post] = await db.select({ status: blogPosts.status }).from(blogPosts).where(eq(blogPosts.documentId, documentId));
  return !post || post.status === "draft" || post.status === "unpublished";
}
