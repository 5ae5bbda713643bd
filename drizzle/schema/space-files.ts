import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { establishments } from "./establishments";
import { storedFiles } from "./files";
import { people } from "./people";
import { spaces } from "./spaces";

/**
 * Where a folder or a file lives: a space's files, or one person's own files (Mes fichiers). Exactly one of
 * `spaceId` and `ownerId` is set.
 */
const place = () => ({
  establishmentId: uuid("establishment_id")
    .notNull()
    .references(() => establishments.id, { onDelete: "cascade" }),
  spaceId: uuid("space_id").references(() => spaces.id, { onDelete: "cascade" }),
  ownerId: uuid("owner_id").references(() => people.id, { onDelete: "cascade" }),
});

/** A folder of a space's files or of a person's own files; folders nest. */
export const fileFolders = pgTable(
  "file_folders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...place(),
    parentId: uuid("parent_id").references((): AnyPgColumn => fileFolders.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("file_folders_one_place", sql`(${t.spaceId} is null) <> (${t.ownerId} is null)`),
    index("file_folders_space_idx").on(t.spaceId),
    index("file_folders_owner_idx").on(t.ownerId),
  ],
);

/**
 * A file of a space or of a person: a stored file (its bytes and type live in `stored_files`), placed in a folder or
 * at the top. A class space's file is shown to families only when shared with them.
 */
export const spaceFiles = pgTable(
  "space_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ...place(),
    folderId: uuid("folder_id").references(() => fileFolders.id, { onDelete: "cascade" }),
    storedFileId: uuid("stored_file_id")
      .notNull()
      .unique()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    forFamilies: boolean("for_families").notNull().default(false),
    addedBy: uuid("added_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("space_files_one_place", sql`(${t.spaceId} is null) <> (${t.ownerId} is null)`),
    index("space_files_space_idx").on(t.spaceId, t.folderId),
    index("space_files_owner_idx").on(t.ownerId, t.folderId),
  ],
);
