import { sql } from "drizzle-orm";
import { boolean, check, index, numeric, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { establishments, schoolYears } from "./establishments";
import { people } from "./people";

/** A class (classe, division), e.g. "4eB" at level "4e". */
export const classes = pgTable(
  "classes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    schoolYearId: uuid("school_year_id")
      .notNull()
      .references(() => schoolYears.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    level: text("level").notNull(),
  },
  (t) => [unique().on(t.schoolYearId, t.name), index("classes_establishment_idx").on(t.establishmentId)],
);

/** A teaching group (groupe): part of a class or across classes (languages, options). */
export const teachingGroups = pgTable(
  "teaching_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    schoolYearId: uuid("school_year_id")
      .notNull()
      .references(() => schoolYears.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
  },
  (t) => [unique().on(t.schoolYearId, t.name), index("teaching_groups_establishment_idx").on(t.establishmentId)],
);

/** A pupil's enrolment in their class. */
export const classEnrolments = pgTable(
  "class_enrolments",
  {
    classId: uuid("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.classId, t.studentId] }), index("class_enrolments_student_idx").on(t.studentId)],
);

export const groupMemberships = pgTable(
  "group_memberships",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => teachingGroups.id, { onDelete: "cascade" }),
    studentId: uuid("student_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.studentId] }), index("group_memberships_student_idx").on(t.studentId)],
);

/** A subject (matière), e.g. code "MATHS", name "Mathématiques". */
export const subjects = pgTable(
  "subjects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
  },
  (t) => [unique().on(t.establishmentId, t.code)],
);

/**
 * A teaching assignment (service): a teacher teaches a subject to a class or a group.
 * The lead teacher (professeur principal) of a class holds an assignment with isLeadTeacher.
 */
export const teachingAssignments = pgTable(
  "teaching_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    establishmentId: uuid("establishment_id")
      .notNull()
      .references(() => establishments.id, { onDelete: "cascade" }),
    teacherId: uuid("teacher_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id, { onDelete: "cascade" }),
    classId: uuid("class_id").references(() => classes.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => teachingGroups.id, { onDelete: "cascade" }),
    isLeadTeacher: boolean("is_lead_teacher").notNull().default(false),
    /** The subject's weight in the pupil's overall average (coefficient de la matière). */
    coefficient: numeric("coefficient", { precision: 5, scale: 2, mode: "number" }).notNull().default(1),
  },
  (t) => [
    check("teaching_assignments_one_target", sql`(${t.classId} is null) <> (${t.groupId} is null)`),
    index("teaching_assignments_teacher_idx").on(t.teacherId),
    index("teaching_assignments_class_idx").on(t.classId),
    index("teaching_assignments_group_idx").on(t.groupId),
  ],
);
