import { sql } from "drizzle-orm";
import { check, date, index, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teachingAssignments } from "./classes";
import { establishments, periods } from "./establishments";
import { people } from "./people";

/**
 * How an evaluation counts: normally; optional (facultative: counted only if it raises the pupil's average);
 * bonus (only the points above 10/20 count, added to the average).
 */
export const evaluationKind = pgEnum("evaluation_kind", ["normal", "optional", "bonus"]);

/**
 * An evaluation (devoir, contrôle) given in a period through a teaching assignment, which says who gave it, in which
 * subject, to which class or group.
 */
export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => teachingAssignments.id, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => periods.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    givenOn: date("given_on").notNull(),
    /** barème: the mark is out of this */
    outOf: numeric("out_of", { precision: 6, scale: 2, mode: "number" }).notNull(),
    coefficient: numeric("coefficient", { precision: 5, scale: 2, mode: "number" }).notNull().default(1),
    kind: evaluationKind("kind").notNull().default("normal"),
    /** null while a draft: pupils and guardians never see a draft */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evaluations_out_of_positive", sql`${t.outOf} > 0`),
    check("evaluations_coefficient_positive", sql`${t.coefficient} > 0`),
    index("evaluations_assignment_idx").on(t.assignmentId, t.givenOn),
    index("evaluations_period_idx").on(t.periodId),
  ],
);

/**
 * Why a pupil has no mark: absent, exempted (dispensé), not handed in (non rendu), not graded (non noté).
 * None of them counts in an average.
 */
export const markStatus = pgEnum("mark_status", ["graded", "absent", "exempted", "not_handed_in", "not_graded"]);

/** A pupil's mark for an evaluation: a value when graded, otherwise the reason there is none. */
export const marks = pgTable(
  "marks",
  {
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: markStatus("status").notNull(),
    value: numeric("value", { precision: 6, scale: 2, mode: "number" }),
    comment: text("comment"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.studentId] }),
    check("marks_value_iff_graded", sql`(${t.status} = 'graded') = (${t.value} is not null)`),
    index("marks_student_idx").on(t.studentId),
  ],
);
