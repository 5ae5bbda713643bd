import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { classes } from "./classes";
import { establishments } from "./establishments";
import { people } from "./people";

/**
 * class: every class has one (its pupils and teachers; families read what is published for them);
 * team: a discipline team, a project, a club, created by a teacher or staff member who invites its members;
 * groupWork: a team of pupils inside a class space, made by a teacher of the class for a piece of group work.
 */
export const spaceKind = pgEnum("space_kind", ["class", "team", "groupWork"]);

/** owner: manages the space and its members, publishes; contributor: writes; reader: reads. */
export const spaceRole = pgEnum("space_role", ["owner", "contributor", "reader"]);

/** A class or team space (espace de classe, espace d'équipe): a stream of posts, documents, a blog and files. */
export const spaces = pgTable(
  "spaces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    kind: spaceKind("kind").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The class of a class space, and of a group-work team's class space. */
    classId: uuid("class_id").references(() => classes.id, { onDelete: "cascade" }),
    /** A group-work team's class space. */
    parentSpaceId: uuid("parent_space_id").references((): AnyPgColumn => spaces.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    index("spaces_establishment_idx").on(t.establishmentId),
    uniqueIndex("spaces_one_per_class").on(t.classId).where(sql`${t.kind} = 'class'`),
    index("spaces_parent_idx").on(t.parentSpaceId),
  ],
);

/**
 * The members of team and group-work spaces, with their role. A class space's people come from the class itself
 * (its pupils and teachers), never copied here, so a change of class changes the space at once.
 */
export const spaceMembers = pgTable(
  "space_members",
  {
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: spaceRole("role").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.personId] }), index("space_members_person_idx").on(t.personId)],
);

/**
 * document: a co-edited document of the space; blogPost: a co-written post of the space's blog; handIn: a pupil's
 * or team's co-edited hand-in for an assignment (devoir à rendre).
 */
export const documentKind = pgEnum("document_kind", ["document", "blogPost", "handIn"]);

/** A co-edited document (Yjs): its place and name. Its content is the collaboration server's stored updates. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    spaceId: uuid("space_id")
      .notNull()
      .references(() => spaces.id, { onDelete: "cascade" }),
    kind: documentKind("kind").notNull().default("document"),
    title: text("title").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("documents_space_idx").on(t.spaceId, t.kind)],
);
