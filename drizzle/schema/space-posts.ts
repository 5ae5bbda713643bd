import { index, pgEnum, pgTable, timestamp, uuid, jsonb } from "drizzle-orm/pg-core";
import type { RichText } from "./homework";
import { people } from "./people";
import { spaces } from "./spaces";

/** members: the space's members only; families: also the pupils' guardians (class spaces only). */
export const postAudience = pgEnum("post_audience", ["members", "families"]);

/** A post in a space's stream (le fil): rich text, for the members or also for families. */
export const spacePosts = pgTable(
  "space_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    body: jsonb("body").$type<RichText>().notNull(),
    audience: postAudience("audience").notNull().default("members"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("space_posts_space_idx").on(t.spaceId, t.createdAt)],
);
