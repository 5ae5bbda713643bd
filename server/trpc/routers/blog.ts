import { z } from "zod";
import { addComment, COMMENT_MAX, listComments, moderateComment } from "@/server/blog/comments";
import { createPost, listPosts, publishPost, readPost, submitPost, unpublishPost } from "@/server/blog/posts";
import { can } from "@/server/policy/policy";
import { objectProcedure, router } from "../init";

const bySpace = z.object({ spaceId: z.uuid() });
const byPost = z.object({ documentId: z.uuid() });
const postOf = (input: { documentId: string }) => input.documentId;
const spaceOf = (input: { spaceId: string }) => input.spaceId;

/** A space's blog: posts co-written as documents, a publishing workflow, moderated comments. */
export const blogRouter = router({
  list: objectProcedure(bySpace, "space.read", spaceOf).query(({ ctx, input }) => listPosts(ctx.db, ctx.scope, input.spaceId)),

  create: objectProcedure(
    bySpace.extend({ title: z.string().trim().min(1, "blog.errors.titleRequired").max(200, "blog.errors.titleTooLong") }),
    "space.contribute",
    spaceOf,
  ).mutation(({ ctx, input }) => createPost(ctx.db, ctx.scope, input.spaceId, input.title)),

  get: objectProcedure(byPost, "blog.read", postOf).query(({ ctx, input }) => readPost(ctx.db, ctx.scope, input.documentId)),

  submit: objectProcedure(byPost, "document.write", postOf).mutation(async ({ ctx, input }) => {
    await submitPost(ctx.db, ctx.scope, input.documentId);
    await ctx.bus.publish("document.access.changed", { documentIds: [input.documentId] });
  }),

  publish: objectProcedure(byPost.extend({ audience: z.enum(["members", "families", "establishment"]) }), "blog.manage", postOf).mutation(
    async ({ ctx, input }) => {
      await publishPost(ctx.db, ctx.scope, input.documentId, input.audience);
      await ctx.bus.publish("document.access.changed", { documentIds: [input.documentId] });
    },
  ),

  unpublish: objectProcedure(byPost, "blog.manage", postOf).mutation(async ({ ctx, input }) => {
    await unpublishPost(ctx.db, ctx.scope, input.documentId);
    await ctx.bus.publish("document.access.changed", { documentIds: [input.documentId] });
  }),

  comments: objectProcedure(byPost, "blog.read", postOf).query(async ({ ctx, input }) =>
    listComments(ctx.db, ctx.scope, input.documentId, await can(ctx.db, ctx.scope, "blog.manage", input.documentId)),
  ),

  comment: objectProcedure(
    byPost.extend({ body: z.string().trim().min(1, "blog.errors.commentRequired").max(COMMENT_MAX, "blog.errors.commentTooLong") }),
    "blog.comment",
    postOf,
  ).mutation(({ ctx, input }) => addComment(ctx.db, ctx.scope, input.documentId, input.body)),

  moderate: objectProcedure(byPost.extend({ commentId: z.uuid(), approve: z.boolean() }), "blog.manage", postOf).mutation(({ ctx, input }) =>
    moderateComment(ctx.db, input.documentId, input.commentId, input.approve),
  ),
});
