import { and, eq } from "drizzle-orm";
import { profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { editsHomework, homeworkForPupil, teachesOccurrence } from "./homework-lookups";
import {
  absenceTarget,
  classInEstablishment,
  childInClass,
  justificationTarget,
  ownAssignment,
  ownEvaluation,
  studentOfEstablishment,
  substitutesLesson,
  teachesLesson,
} from "./lookups";
import { ATTENDANCE_ROLES, GRADE_READER_ROLES, LOGBOOK_READER_ROLES, SCHOOL_RECORD_ROLES, WHOLE_SCHOOL_ROLES } from "./roles";
import { hasRole, type Scope, studentAttendsAny } from "./scope";

/**
 * The one access policy: "may this person, acting in this establishment, do this to that object?".
 * Every router and the collaboration server ask it; no page or router re-implements a rule.
 * Later services add their permissions here, and to the policy matrix test.
 */
export type Permission =
  /** see that a class exists, its name and level */
  | "class.read"
  /** see the list of a class's pupils and teachers */
  | "class.roster"
  /** see a pupil's card: identity, class, groups, guardians and how to reach them */
  | "student.card"
  /** see a pupil's published marks and averages (relevé de notes) */
  | "student.grades"
  /** give evaluations through a teaching assignment (the teacher's own) */
  | "assignment.grade"
  /** edit, mark and publish an evaluation (the teacher who gave it) */
  | "evaluation.grade"
  /** write the cahier de textes of a lesson occurrence and give homework in it ("lessonId/plannedOn") */
  | "lesson.log"
  /** change or delete a homework (its author, or a teacher of its lesson) */
  | "homework.edit"
  /** tick a homework done or not done (a pupil it was given to, for themself) */
  | "homework.tick"
  /** see a pupil's homework and the cahier de textes of their lessons */
  | "student.homework"
  /** read a class's cahier de textes: what was done and given in every lesson (inspection, continuity) */
  | "class.logbook"
  /** take the roll (faire l'appel) of a lesson occurrence, named by occurrenceTarget(lessonId, plannedOn) */
  | "lesson.rollCall"
  /** see a pupil's absences and lates, and their counts */
  | "student.attendance"
  /** record a pupil's absence over a period or a late at the gate (vie scolaire) */
  | "attendance.manage"
  /** justify an absence or a late (motif, comment, document): the pupil's guardians */
  | "absence.justify"
  /** accept or refuse a justification, or set the reason of an absence (vie scolaire) */
  | "absence.decide"
  /** download the document sent with a justification */
  | "justification.document";

type Rule = (db: Db, scope: Scope, targetId: string) => Promise<boolean>;

/** A teacher may see the school records of the pupils they teach, in any subject (équipe pédagogique). */
const teachesStudent = (db: Db, scope: Scope, studentId: string) =>
  hasRole(scope, "teacher") && studentAttendsAny(db, studentId, scope.taughtClassIds, scope.taughtGroupIds);

/** A lesson occurrence as one policy target: the lesson and the day it was planned on. */
export const occurrenceTarget = (lessonId: string, plannedOn: string) => `${lessonId}/${plannedOn}`;

/** Vie scolaire of the establishment the absence belongs to. */
const managesAbsence = async (db: Db, scope: Scope, absenceId: string) =>
  hasRole(scope, ...ATTENDANCE_ROLES) && (await absenceTarget(db, absenceId))?.establishmentId === scope.establishmentId;

const rules: Record<Permission, Rule> = {
  "class.read": async (db, scope, classId) =>
    scope.classIds.has(classId) ||
    scope.taughtClassIds.has(classId) ||
    (hasRole(scope, ...WHOLE_SCHOOL_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))) ||
    (await childInClass(db, scope, classId)),

  "class.roster": async (db, scope, classId) =>
    scope.classIds.has(classId) ||
    scope.taughtClassIds.has(classId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))),

  "student.card": async (db, scope, studentId) =>
    studentId === scope.personId ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "student.grades": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...GRADE_READER_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "assignment.grade": async (db, scope, assignmentId) =>
    hasRole(scope, "teacher") && (await ownAssignment(db, scope, assignmentId)),

  "evaluation.grade": async (db, scope, evaluationId) =>
    hasRole(scope, "teacher") && (await ownEvaluation(db, scope, evaluationId)),

  "lesson.log": async (db, scope, occurrenceKey) =>
    hasRole(scope, "teacher") && (await teachesOccurrence(db, scope, occurrenceKey)),

  "homework.edit": async (db, scope, homeworkId) => hasRole(scope, "teacher") && (await editsHomework(db, scope, homeworkId)),

  "homework.tick": async (db, scope, homeworkId) => hasRole(scope, "student") && (await homeworkForPupil(db, scope, homeworkId)),

  "student.homework": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...LOGBOOK_READER_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "class.logbook": async (db, scope, classId) =>
    (hasRole(scope, "teacher") && scope.taughtClassIds.has(classId)) ||
    (hasRole(scope, ...LOGBOOK_READER_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))),
  // The lesson's teachers, or the colleague who replaces them that day.
  "lesson.rollCall": async (db, scope, target) => {
    const [lessonId, plannedOn] = target.split("/");
    return (
      hasRole(scope, "teacher") &&
      ((await teachesLesson(db, scope, lessonId)) || (await substitutesLesson(db, scope, lessonId, plannedOn)))
    );
  },

  // Not every teacher of the pupil: each sees their own lessons' roll calls; the professeur principal follows the
  // class's attendance (conseil de classe, bulletins). The secrétariat has no need of it.
  "student.attendance": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...ATTENDANCE_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (hasRole(scope, "teacher") && (await studentAttendsAny(db, studentId, scope.leadClassIds, new Set()))),

  "attendance.manage": async (db, scope, studentId) =>
    hasRole(scope, ...ATTENDANCE_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId)),

  "absence.justify": async (db, scope, absenceId) => {
    if (!hasRole(scope, "guardian")) return false;
    const absence = await absenceTarget(db, absenceId);
    return absence?.establishmentId === scope.establishmentId && scope.childIds.has(absence.studentId);
  },

  "absence.decide": managesAbsence,

  // The guardian who sent it (not the other parent, not the pupil), and vie scolaire.
  "justification.document": async (db, scope, justificationId) => {
    const justification = await justificationTarget(db, justificationId);
    if (justification?.establishmentId !== scope.establishmentId) return false;
    return (
      (justification.submittedBy === scope.personId && scope.childIds.has(justification.studentId)) ||
      hasRole(scope, ...ATTENDANCE_ROLES)
    );
  },
};

export function can(db: Db, scope: Scope, permission: Permission, targetId: string): Promise<boolean> {
  return rules[permission](db, scope, targetId);
}

/** Whether a person may act in an establishment: only where they hold a profile. */
export async function mayActIn(db: Db, personId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

/** Which classes of the establishment a person may list: all of them, or only the ones they are linked to. */
export function classListScope(scope: Scope): "establishment" | "linked" {
  return hasRole(scope, ...WHOLE_SCHOOL_ROLES) ? "establishment" : "linked";
}
