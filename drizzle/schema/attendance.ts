import { sql } from "drizzle-orm";
import {
  check,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { establishments } from "./establishments";
import { people } from "./people";
import { lessons } from "./timetable";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** A teacher took the roll (fait l'appel) for a lesson occurrence; pupils not recorded absent or late were present. */
export const rollCalls = pgTable(
  "roll_calls",
  {
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    onDate: date("on_date").notNull(),
    takenBy: uuid("taken_by").references(() => people.id, { onDelete: "set null" }),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.onDate] }), index("roll_calls_date_idx").on(t.onDate)],
);

/** An absence or a late arrival (retard). */
export const absenceKind = pgEnum("absence_kind", ["absence", "late"]);

/**
 * Where an absence stands: not justified yet; justified by a guardian and waiting for vie scolaire; justified
 * (reason accepted); refused (reason not accepted, it stays unjustified in the counts).
 */
export const justificationStatus = pgEnum("justification_status", ["unjustified", "pending", "accepted", "refused"]);

/** The reasons a guardian may give (motifs), as the field's software lists them. */
export const absenceReason = pgEnum("absence_reason", [
  "illness",
  "medical_appointment",
  "family",
  "transport",
  "religious_holiday",
  "exam_or_official",
  "other",
]);

/**
 * A pupil's absence over a span of time (a lesson, a half-day, several days) or a late arrival, recorded by a
 * teacher's roll call (lessonId and lessonDate say which) or by vie scolaire.
 */
export const absences = pgTable(
  "absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: absenceKind("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    minutesLate: integer("minutes_late"),
    lessonId: uuid("lesson_id").references(() => lessons.id, { onDelete: "set null" }),
    lessonDate: date("lesson_date"),
    status: justificationStatus("status").notNull().default("unjustified"),
    /** the reason retained by vie scolaire (or entered by it directly) */
    reason: absenceReason("reason"),
    staffComment: text("staff_comment"),
    recordedBy: uuid("recorded_by").references(() => people.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("absences_times", sql`${t.startsAt} < ${t.endsAt}`),
    check("absences_minutes_iff_late", sql`(${t.kind} = 'late') = (${t.minutesLate} is not null)`),
    check("absences_lesson_date", sql`(${t.lessonId} is null) or (${t.lessonDate} is not null)`),
    index("absences_student_idx").on(t.studentId, t.startsAt),
    index("absences_establishment_idx").on(t.establishmentId, t.startsAt),
    index("absences_lesson_idx").on(t.lessonId, t.lessonDate),
    index("absences_status_idx").on(t.establishmentId, t.status),
  ],
);

/** A guardian's justification of an absence (motif, comment, an optional document), and vie scolaire's decision. */
export const absenceJustifications = pgTable(
  "absence_justifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    absenceId: uuid("absence_id")
      .notNull()
      .references(() => absences.id, { onDelete: "cascade" }),
    submittedBy: uuid("submitted_by").references(() => people.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    reason: absenceReason("reason").notNull(),
    comment: text("comment"),
    documentName: text("document_name"),
    documentType: text("document_type"),
    document: bytea("document"),
    decision: justificationStatus("decision").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionComment: text("decision_comment"),
  },
  (t) => [
    check("absence_justifications_decision", sql`${t.decision} in ('pending', 'accepted', 'refused')`),
    check("absence_justifications_document", sql`(${t.document} is null) = (${t.documentName} is null)`),
    index("absence_justifications_absence_idx").on(t.absenceId),
  ],
);
