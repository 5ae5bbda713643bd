import { blogPostTarget, managesBlogPost, readsBlogPost } from "@/server/blog/access";
import type { Rule } from "../rule";
import { documentTarget, spaceRoleOf } from "../space-access";

export type DocumentsPermission =
  /** see how much each writer wrote in a document, and when (the owners of its space: its teachers); others see their own */
  | "document.contributions.all"
  /** read a blog post: the space's members, and once published its audience (families of the class, the establishment) */
  | "blog.read"
  /** comment on a published blog post (its readers; comments wait for the owner's approval), unless its space is archived */
  | "blog.comment"
  /** publish or take down a blog post, and moderate its comments (the owners of its space) */
  | "blog.manage";

export const documentsRules: Record<DocumentsPermission, Rule> = {
  "document.contributions.all": async (db, scope, documentId) => {
    const document = await documentTarget(db, scope, documentId);
    return !!document && (await spaceRoleOf(db, scope, document.spaceId)) === "owner";
  },
  "blog.read": readsBlogPost,
  "blog.comment": async (db, scope, documentId) => {
    const post = await blogPostTarget(db, scope, documentId);
    return post?.status === "published" && !post.archived && (await readsBlogPost(db, scope, documentId));
  },
  "blog.manage": managesBlogPost,
};
