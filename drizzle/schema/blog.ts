import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";
import { documents } from "./spaces";

/** draft: being written; submitted: waiting for a teacher or the space owner; published: readable by its audience; unpublished: taken down. */
export const blogPostStatus = pgEnum("blog_post_status", ["draft", "submitted", "published", "unpublished"]);

/** Who reads a published post: the space's members, also the families of the class, or the whole establishment. */
export const blogAudience = pgEnum("blog_audience", ["members", "families", "establishment"]);

/**
 * A post of a space's blog: a co-written document (kind blogPost) and its workflow. What readers see is the HTML
 * rendered, through the allow-list, from the document as it was when it was published.
 */
export const blogPosts = pgTable("blog_posts", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  status: blogPostStatus("status").notNull().default("draft"),
  audience: blogAudience("audience").notNull().default("members"),
  publishedHtml: text("published_html"),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  publishedBy: uuid("published_by").references(() => people.id, { onDelete: "set null" }),
});

/** pending: waiting for the space owner; approved: shown to the post's readers. A refused comment is deleted. */
export const blogCommentStatus = pgEnum("blog_comment_status", ["pending", "approved"]);

export const blogComments = pgTable(
  "blog_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => blogPosts.documentId, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    status: blogCommentStatus("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("blog_comments_post_idx").on(t.documentId, t.createdAt)],
);
