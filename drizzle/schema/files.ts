import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { establishments } from "./establishments";
import { people } from "./people";

/**
 * An uploaded file's record: who sent it, in which establishment, what it is (type sniffed from its content) and the
 * generated key under which the file store keeps its bytes. The services that use files (space folders, hand-ins,
 * message attachments) link to it; none of them keeps bytes of its own.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    uploadedBy: uuid("uploaded_by").references(() => people.id, { onDelete: "set null" }),
    /** Where the bytes are in the file store: generated, never derived from the name the person gave. */
    storageKey: text("storage_key").notNull().unique(),
    /** The name the person gave the file, cleaned, for display and for the download's Content-Disposition. */
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_files_establishment_idx").on(t.establishmentId), index("stored_files_uploaded_by_idx").on(t.uploadedBy)],
);
