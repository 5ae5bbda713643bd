import { and, asc, eq, or } from "drizzle-orm";
import { blogComments, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { Scope } from "@/server/policy/scope";

/**
 * Comments on a published post, moderated by the owners of the space: a comment waits until one approves it (its
 * author sees it meanwhile); a refused comment is deleted. Comments are plain text, rendered escaped.
 */
export const COMMENT_MAX = 2000;
export const COMMENTS_PAGE = 100;

export async function listComments(db: Db, scope: Scope, documentId: string, moderator: boolean) {
  const visible = moderator
    ? eq(blogComments.documentId, documentId)
    : and(eq(blogComments.documentId, documentId), or(eq(blogComments.status, "approved"), eq(blogComments.authorId, scope.personId)));
  const rows = await db
    .select({
      id: blogComments.id,
      body: blogComments.body,
      status: blogComments.status,
      createdAt: blogComments.createdAt,
      firstName: people.firstName,
      lastName: people.lastName,
    })
    .from(blogComments)
    .leftJoin(people, eq(people.id, blogComments.authorId))
    .where(visible)
    .orderBy(asc(blogComments.createdAt))
    .limit(COMMENTS_PAGE);
  return rows.map(({ firstName, lastName, ...row }) => ({ ...row, author: firstName ? `${firstName} ${lastName}` : null }));
}

export async function addComment(db: Db, scope: Scope, documentId: string, body: string) {
  const [row] = await db.insert(blogComments).values({ documentId, authorId: scope.personId, body }).returning({ id: blogComments.id });
  return row;
}

/** Approves a comment of this post, or refuses (deletes) it. */
export async function moderateComment(db: Db, documentId: string, commentId: string, approve: boolean) {
  const where = and(eq(blogComments.id, commentId), eq(blogComments.documentId, documentId));
  const done = approve
    ? await db.update(blogComments).set({ status: "approved" }).where(where).returning({ id: blogComments.id })
    : await db.delete(blogComments).where(where).returning({ id: blogComments.id });
  if (!done.length) throw new DomainError("blog.errors.commentNotFound");
}
