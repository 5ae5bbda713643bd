import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teachingGroups } from "./classes";
import { establishments } from "./establishments";
import { storedFiles } from "./files";
import { homework, type RichText } from "./homework";
import { people } from "./people";
import { documents, spaces } from "./spaces";

/**
 * An assignment to hand in (devoir à rendre), set in a space or for a teaching group: in a class space and in a group
 * each pupil hands in their own work; in a team or group-work space the team hands in one piece of work together.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    /** The space it was set in, or null when it was set for a teaching group. */
    spaceId: uuid("space_id").references(() => spaces.id, { onDelete: "cascade" }),
    /** The teaching group (groupe) it was set for: the group's pupils hand in, its teachers review. */
    teachingGroupId: uuid("teaching_group_id").references(() => teachingGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    instructions: jsonb("instructions").$type<RichText>().notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** The homework of the cahier de textes this assignment is handed in for, when there is one. */
    homeworkId: uuid("homework_id").references(() => homework.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assignments_one_target", sql`(${t.spaceId} is null) <> (${t.teachingGroupId} is null)`),
    index("assignments_space_idx").on(t.spaceId, t.dueAt),
    index("assignments_group_idx").on(t.teachingGroupId, t.dueAt),
    index("assignments_homework_idx").on(t.homeworkId),
  ],
);

/** draft: being written by the pupil or team; handedIn: given to the teacher; returned: the teacher gave it back. */
export const handInStatus = pgEnum("hand_in_status", ["draft", "handedIn", "returned"]);

/**
 * One pupil's (class space) or one team's (its space) work for an assignment: files and maybe a co-edited document,
 * handed in at a time, returned with a comment and maybe a mark.
 */
export const handIns = pgTable(
  "hand_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    /** The pupil, when each pupil hands in their own. */
    studentId: uuid("student_id").references(() => people.id, { onDelete: "cascade" }),
    /** The team (a team or group-work space), when a team hands in together. */
    teamSpaceId: uuid("team_space_id").references(() => spaces.id, { onDelete: "cascade" }),
    status: handInStatus("status").notNull().default("draft"),
    documentId: uuid("document_id").references(() => documents.id, { onDelete: "set null" }),
    handedInAt: timestamp("handed_in_at", { withTimezone: true }),
    handedInBy: uuid("handed_in_by").references(() => people.id, { onDelete: "set null" }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedBy: uuid("returned_by").references(() => people.id, { onDelete: "set null" }),
    comment: text("comment").notNull().default(""),
    mark: numeric("mark", { precision: 5, scale: 2, mode: "number" }),
    markOutOf: integer("mark_out_of"),
  },
  (t) => [
    check("hand_ins_one_author", sql`(${t.studentId} is null) <> (${t.teamSpaceId} is null)`),
    check("hand_ins_mark", sql`${t.mark} is null or (${t.markOutOf} is not null and ${t.mark} between 0 and ${t.markOutOf})`),
    uniqueIndex("hand_ins_one_per_student").on(t.assignmentId, t.studentId),
    uniqueIndex("hand_ins_one_per_team").on(t.assignmentId, t.teamSpaceId),
    uniqueIndex("hand_ins_document").on(t.documentId),
  ],
);

/** work: a file the pupil or team handed in; correction: an annotated or corrected copy the teacher returns with it. */
export const handInFileKind = pgEnum("hand_in_file_kind", ["work", "correction"]);

/** The files of a hand-in: those handed in, and the corrected copies returned (copies corrigées). */
export const handInFiles = pgTable(
  "hand_in_files",
  {
    handInId: uuid("hand_in_id")
      .notNull()
      .references(() => handIns.id, { onDelete: "cascade" }),
    storedFileId: uuid("stored_file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    kind: handInFileKind("kind").notNull().default("work"),
  },
  (t) => [primaryKey({ columns: [t.handInId, t.storedFileId] })],
);
