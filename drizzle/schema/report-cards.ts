import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { classes, teachingAssignments } from "./classes";
import { periods } from "./establishments";
import { people } from "./people";

/** A teacher's appréciation of a pupil in their subject for a period. */
export const subjectAppreciations = pgTable(
  "subject_appreciations",
  {
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => teachingAssignments.id, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.periodId, t.studentId] }),
    index("subject_appreciations_student_idx").on(t.studentId, t.periodId),
  ],
);

/** The professeur principal's general appréciation of a pupil for a period (often written at the conseil de classe). */
export const generalAppreciations = pgTable(
  "general_appreciations",
  {
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.studentId] })],
);

/** A class's report cards for a period: being written, validated by direction, then published to families. */
export const reportCardStatus = pgEnum("report_card_status", ["draft", "validated", "published"]);

export const classReportCards = pgTable(
  "class_report_cards",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    status: reportCardStatus("status").notNull().default("draft"),
    validatedBy: uuid("validated_by").references(() => people.id, { onDelete: "set null" }),
    validatedAt: timestamp("validated_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => people.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.classId, t.periodId] })],
);

/**
 * A pupil's published report card, frozen at publication: later mark changes do not alter what families received.
 * The snapshot holds averages, class statistics and appréciations as printed.
 */
export const reportCards = pgTable(
  "report_cards",
  {
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    snapshot: jsonb("snapshot").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.studentId] }), index("report_cards_class_idx").on(t.classId, t.periodId)],
);
