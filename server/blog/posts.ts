import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { documentOf, loadStoredState } from "@/collab/storage";
import { blogPosts, documents, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { documentHtml } from "@/server/documents/render";
import { MEMBER_ROLES, spaceRoleOf, WRITER_ROLES } from "@/server/policy/space-access";
import type { Scope } from "@/server/policy/scope";
import { blogPostTarget } from "./access";

/**
 * A space's blog. A post is a document of kind blogPost, co-written in the same editor, with a workflow: draft →
 * submitted (by its writers) → published (by an owner of the space, for an audience) → unpublished, and back.
 */
export type Audience = "members" | "families" | "establishment";
export const BLOG_PAGE = 30;

export async function createPost(db: Db, scope: Scope, spaceId: string, title: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [document] = await tx.insert(documents).values({ spaceId, kind: "blogPost", title, createdBy: scope.personId }).returning({ id: documents.id });
    await tx.insert(blogPosts).values({ documentId: document.id });
    return document;
  });
}

/** The posts a person sees in a space's blog, newest first: all of them for members, the published ones they may read for others. */
export async function listPosts(db: Db, scope: Scope, spaceId: string) {
  const role = await spaceRoleOf(db, scope, spaceId);
  const member = !!role && MEMBER_ROLES.includes(role);
  const audiences: Audience[] = role === "family" ? ["families", "establishment"] : ["establishment"];
  const posts = await db
    .select({
      id: documents.id,
      title: documents.title,
      status: blogPosts.status,
      audience: blogPosts.audience,
      publishedAt: blogPosts.publishedAt,
      updatedAt: documents.updatedAt,
      author: sql<string | null>`${people.firstName} || ' ' || ${people.lastName}`,
    })
    .from(blogPosts)
    .innerJoin(documents, eq(documents.id, blogPosts.documentId))
    .leftJoin(people, eq(people.id, documents.createdBy))
    .where(
      and(
        eq(documents.spaceId, spaceId),
        isNull(documents.deletedAt),
        member ? undefined : and(eq(blogPosts.status, "published"), sql`${blogPosts.audience} in ${audiences}`),
      ),
    )
    .orderBy(desc(sql`coalesce(${blogPosts.publishedAt}, ${documents.createdAt})`))
    .limit(BLOG_PAGE);
  return { posts, canWrite: !!role && WRITER_ROLES.includes(role) };
}

/** A post as its reader sees it: the published rendering (sanitised when it was published) and its workflow state. */
export async function readPost(db: Db, scope: Scope, documentId: string) {
  const post = await blogPostTarget(db, scope, documentId);
  if (!post) throw new DomainError("blog.errors.notFound");
  const [row] = await db
    .select({ html: blogPosts.publishedHtml, publishedAt: blogPosts.publishedAt })
    .from(blogPosts)
    .where(eq(blogPosts.documentId, documentId));
  const role = await spaceRoleOf(db, scope, post.spaceId);
  return {
    ...post,
    publishedHtml: post.status === "published" ? row.html : null,
    publishedAt: row.publishedAt,
    member: !!role && MEMBER_ROLES.includes(role),
    manages: role === "owner",
  };
}

const TRANSITIONS: Record<"submit" | "publish" | "unpublish", readonly string[]> = {
  submit: ["draft", "unpublished"],
  publish: ["draft", "submitted", "unpublished", "published"],
  unpublish: ["published"],
};

async function requireStatus(db: Db, scope: Scope, documentId: string, action: keyof typeof TRANSITIONS) {
  const post = await blogPostTarget(db, scope, documentId);
  if (!post) throw new DomainError("blog.errors.notFound");
  if (!TRANSITIONS[action].includes(post.status)) throw new DomainError("blog.errors.wrongStatus");
  return post;
}

export async function submitPost(db: Db, scope: Scope, documentId: string) {
  await requireStatus(db, scope, documentId, "submit");
  await db.update(blogPosts).set({ status: "submitted" }).where(eq(blogPosts.documentId, documentId));
}

/** Publishes the post as it is now: its stored document rendered through the allow-list, for the given audience. */
export async function publishPost(db: Db, scope: Scope, documentId: string, audience: Audience) {
  await requireStatus(db, scope, documentId, "publish");
  const doc = documentOf((await loadStoredState(db, documentId)).updates, documentId);
  const html = documentHtml(doc);
  doc.destroy();
  if (!html.replace(/<[^>]*>/g, "").trim()) throw new DomainError("blog.errors.empty");
  await db
    .update(blogPosts)
    .set({ status: "published", audience, publishedHtml: html, publishedAt: new Date(), publishedBy: scope.personId })
    .where(eq(blogPosts.documentId, documentId));
}

export async function unpublishPost(db: Db, scope: Scope, documentId: string) {
  await requireStatus(db, scope, documentId, "unpublish");
  await db.update(blogPosts).set({ status: "unpublished" }).where(eq(blogPosts.documentId, documentId));
}
