import { and, eq, isNull, sql } from "drizzle-orm";
import { blogPosts, documents, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { MEMBER_ROLES, spaceRoleOf } from "@/server/policy/space-access";
import type { Scope } from "@/server/policy/scope";

/**
 * A live blog post of the person's establishment: its space (and whether it is archived), title, workflow status and
 * audience.
 */
export async function blogPostTarget(db: Db, scope: Scope, documentId: string) {
  const [post] = await db
    .select({
      documentId: documents.id,
      spaceId: documents.spaceId,
      title: documents.title,
      createdBy: documents.createdBy,
      status: blogPosts.status,
      audience: blogPosts.audience,
      archived: sql<boolean>`${spaces.archivedAt} is not null`,
    })
    .from(blogPosts)
    .innerJoin(documents, eq(documents.id, blogPosts.documentId))
    .innerJoin(spaces, eq(spaces.id, documents.spaceId))
    .where(and(eq(blogPosts.documentId, documentId), isNull(documents.deletedAt), eq(spaces.establishmentId, scope.establishmentId)))
    .limit(1);
  return post;
}

/**
 * Whether a person reads a blog post: the space's members always (drafts included); once it is published, also its
 * audience: the families of the class, or everyone of the establishment.
 */
export async function readsBlogPost(db: Db, scope: Scope, documentId: string): Promise<boolean> {
  const post = await blogPostTarget(db, scope, documentId);
  if (!post) return false;
  const role = await spaceRoleOf(db, scope, post.spaceId);
  if (role && MEMBER_ROLES.includes(role)) return true;
  if (post.status !== "published") return false;
  if (post.audience === "establishment") return true;
  return post.audience === "families" && role === "family";
}

/** Whether a person runs a post's workflow (publishes, takes down, moderates comments): the owners of its space. */
export async function managesBlogPost(db: Db, scope: Scope, documentId: string): Promise<boolean> {
  const post = await blogPostTarget(db, scope, documentId);
  return !!post && (await spaceRoleOf(db, scope, post.spaceId)) === "owner";
}
