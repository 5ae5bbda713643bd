import { and, count, desc, eq, inArray } from "drizzle-orm";
import { people, spacePosts, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { SpaceRole } from "@/server/policy/space-access";
import type { RichDoc } from "@/server/rich-text/rich-text";

export const POSTS_PAGE_SIZE = 15;
export type PostAudience = "members" | "families";

/** The stream of a space, newest first, a page at a time: families see only the posts written for them. */
export async function listPosts(db: Db, spaceId: string, role: SpaceRole, page: number) {
  const audiences: PostAudience[] = role === "family" ? ["families"] : ["members", "families"];
  const where = and(eq(spacePosts.spaceId, spaceId), inArray(spacePosts.audience, audiences));
  const [posts, [{ total }]] = await Promise.all([
    db
      .select({
        id: spacePosts.id,
        body: spacePosts.body,
        audience: spacePosts.audience,
        createdAt: spacePosts.createdAt,
        authorId: spacePosts.authorId,
        authorFirstName: people.firstName,
        authorLastName: people.lastName,
      })
      .from(spacePosts)
      .leftJoin(people, eq(people.id, spacePosts.authorId))
      .where(where)
      .orderBy(desc(spacePosts.createdAt), desc(spacePosts.id))
      .limit(POSTS_PAGE_SIZE)
      .offset((page - 1) * POSTS_PAGE_SIZE),
    db.select({ total: count() }).from(spacePosts).where(where),
  ]);
  return { posts: posts.map((p) => ({ ...p, body: p.body as RichDoc })), total, page, pageSize: POSTS_PAGE_SIZE };
}

/** A post for the members, or also for families: only class spaces have families. */
export async function addPost(db: Db, spaceId: string, authorId: string, body: RichDoc, audience: PostAudience): Promise<string> {
  const [space] = await db.select({ kind: spaces.kind }).from(spaces).where(eq(spaces.id, spaceId));
  if (audience === "families" && space.kind !== "class") throw new DomainError("spaces.errors.noFamilies");
  const [post] = await db.insert(spacePosts).values({ spaceId, authorId, body, audience }).returning({ id: spacePosts.id });
  return post.id;
}

export async function removePost(db: Db, postId: string): Promise<void> {
  await db.delete(spacePosts).where(eq(spacePosts.id, postId));
}
