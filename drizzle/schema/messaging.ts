import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { classes } from "./classes";
import { establishments } from "./establishments";
import { storedFiles } from "./files";
import { people } from "./people";

/**
 * The establishment's communication rules (who may write to whom): one row per establishment, written when its admin
 * changes them; an establishment without a row follows the defaults below. Teachers and staff always write to anyone
 * of the establishment; these flags open or close what pupils and guardians may do.
 */
export const messagingSettings = pgTable("messaging_settings", {
  establishmentId: uuid("establishment_id")
    .primaryKey()
    .references(() => establishments.id, { onDelete: "cascade" }),
  studentsToTeachers: boolean("students_to_teachers").notNull().default(true),
  studentsToClassmates: boolean("students_to_classmates").notNull().default(true),
  studentsToVieScolaire: boolean("students_to_vie_scolaire").notNull().default(true),
  studentsToDirection: boolean("students_to_direction").notNull().default(false),
  guardiansToTeachers: boolean("guardians_to_teachers").notNull().default(true),
  guardiansToVieScolaire: boolean("guardians_to_vie_scolaire").notNull().default(true),
  guardiansToDirection: boolean("guardians_to_direction").notNull().default(true),
  updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A shared inbox (boîte de service): the équipe de direction's, or vie scolaire's. */
export const sharedInbox = pgEnum("shared_inbox", ["direction", "vie_scolaire"]);

/**
 * A conversation: with people (its participants), or with a shared inbox whose every member may answer.
 * A broadcast was sent to a large list: its recipients' replies reach its author only.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    inbox: sharedInbox("inbox"),
    broadcast: boolean("broadcast").notNull().default(false),
    /** The inbox member who answered first: the others see it is handled, and by whom. */
    handledBy: uuid("handled_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_establishment_inbox_idx").on(t.establishmentId, t.inbox, t.lastMessageAt)],
);

/**
 * A person's place in a conversation and their own view of it: read up to, archived, deleted for themself (a deleted
 * conversation comes back only if a new message arrives). Members of a shared inbox get a row when they first read it.
 */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** A recipient (or the author), as opposed to a member of the inbox who only read it. */
    addressed: boolean("addressed").notNull().default(true),
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.personId] }), index("conversation_participants_person_idx").on(t.personId)],
);

/** A message. One addressed to one person only (a reply to a broadcast) is seen by its author and that person only. */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    privateTo: uuid("private_to").references(() => people.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("messages_conversation_idx").on(t.conversationId, t.createdAt)],
);

/** A file sent with a message: the bytes are the shared file store's, this only links them. */
export const messageAttachments = pgTable(
  "message_attachments",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] }), index("message_attachments_file_idx").on(t.fileId)],
);

/** A message reported as abusive to the moderators (direction), until one of them closes the report. */
export const messageReports = pgTable(
  "message_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    reportedBy: uuid("reported_by")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid("closed_by").references(() => people.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [unique().on(t.messageId, t.reportedBy)],
);

/** A note of the carnet de liaison, to the guardians of a class or of one pupil, each of whom acknowledges it ("vu"). */
export const carnetNotes = pgTable(
  "carnet_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "cascade" }),
    studentId: uuid("student_id").references(() => people.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("carnet_notes_one_audience", sql`(${t.classId} is null) <> (${t.studentId} is null)`),
    index("carnet_notes_establishment_idx").on(t.establishmentId, t.createdAt),
  ],
);

/** One guardian's copy of a carnet note, about one of their children: acknowledged or not, reminded or not. */
export const carnetRecipients = pgTable(
  "carnet_recipients",
  {
    noteId: uuid("note_id")
      .notNull()
      .references(() => carnetNotes.id, { onDelete: "cascade" }),
    guardianId: uuid("guardian_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.guardianId, t.studentId] }), index("carnet_recipients_guardian_idx").on(t.guardianId)],
);
