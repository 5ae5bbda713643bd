import { bigint, bigserial, customType, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";
import { documents } from "./spaces";

/** Binary data, sent to either driver as a Buffer (postgres-js needs one) and read back as bytes. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * Every Yjs update of a co-edited document, stored by the collaboration server before it relays it, with who wrote
 * it and when. The rows are kept after compaction: they are the record of who wrote what (the contribution view).
 */
export const documentUpdates = pgTable(
  "document_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** Null when the author's account was deleted, or for a restore made by the server itself. */
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    update: bytea("update").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("document_updates_document_idx").on(t.documentId, t.id)],
);

/**
 * checkpoint: a compaction of the updates, only to load faster; auto: a version taken while people write;
 * named: a version someone named ("Version rendue le…").
 */
export const snapshotKind = pgEnum("document_snapshot_kind", ["checkpoint", "auto", "named"]);

/**
 * The whole state of a document after every update up to `upToUpdateId`: loading a document reads the latest one
 * and the updates after it. Auto and named snapshots are also the document's versions.
 */
export const documentSnapshots = pgTable(
  "document_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    kind: snapshotKind("kind").notNull(),
    name: text("name"),
    upToUpdateId: bigint("up_to_update_id", { mode: "number" }).notNull(),
    state: bytea("state").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("document_snapshots_document_idx").on(t.documentId, t.upToUpdateId)],
);
