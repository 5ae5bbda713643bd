import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { establishments } from "./establishments";
import { people } from "./people";
import { lessons } from "./timetable";

/** A rich text document as Tiptap (ProseMirror) JSON: rendered by a schema, never injected as HTML. */
export type RichText = { type: "doc"; content?: unknown[] };

/** The cahier de textes entry of one lesson occurrence: what was done in class that day. */
export const lessonLogs = pgTable(
  "lesson_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    onDate: date("on_date").notNull(),
    content: jsonb("content").$type<RichText>().notNull(),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.lessonId, t.onDate)],
);

/**
 * Homework (travail à faire) given in a lesson occurrence to the lesson's class or group: due on a date, with an
 * estimated duration, handed in or not.
 */
export const homework = pgTable(
  "homework",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /** the date of the lesson it was given in */
    givenOn: date("given_on").notNull(),
    dueOn: date("due_on").notNull(),
    instructions: jsonb("instructions").$type<RichText>().notNull(),
    estimatedMinutes: integer("estimated_minutes"),
    /** whether pupils must hand it in (à rendre) */
    handIn: boolean("hand_in").notNull().default(false),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("homework_due_after_given", sql`${t.dueOn} >= ${t.givenOn}`),
    check("homework_minutes", sql`${t.estimatedMinutes} is null or ${t.estimatedMinutes} between 1 and 600`),
    index("homework_lesson_idx").on(t.lessonId, t.dueOn),
    index("homework_due_idx").on(t.establishmentId, t.dueOn),
  ],
);

/** A pupil ticked a homework as done: private to the pupil (and their guardians). */
export const homeworkDone = pgTable(
  "homework_done",
  {
    homeworkId: uuid("homework_id")
      .notNull()
      .references(() => homework.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.homeworkId, t.studentId] }), index("homework_done_student_idx").on(t.studentId)],
);
