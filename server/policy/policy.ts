import { and, eq } from "drizzle-orm";
import { profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import {
  classInEstablishment,
  childInClass,
  ownAssignment,
  ownEvaluation,
  studentOfEstablishment,
  teachesGroupOfClass,
} from "./lookups";
import { GRADE_READER_ROLES, SCHOOL_RECORD_ROLES, WHOLE_SCHOOL_ROLES } from "./roles";
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
  /** write the pupils' appréciations in a subject for their bulletins, through a teaching assignment (the teacher's own) */
  | "assignment.appreciate"
  /** read a class's bulletins, drafts included: its conseil de classe page and its PDF for printing */
  | "class.reportCards"
  /** write the general appréciation of a class's pupils (its professeur principal) */
  | "class.generalAppreciation"
  /** validate, reopen and publish a class's bulletins (direction) */
  | "class.reportCards.publish"
  /** read a pupil's published bulletins */
  | "student.reportCards";

type Rule = (db: Db, scope: Scope, targetId: string) => Promise<boolean>;

/** A teacher may see the school records of the pupils they teach, in any subject (équipe pédagogique). */
const teachesStudent = (db: Db, scope: Scope, studentId: string) =>
  hasRole(scope, "teacher") && studentAttendsAny(db, studentId, scope.taughtClassIds, scope.taughtGroupIds);

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

  "assignment.appreciate": async (db, scope, assignmentId) =>
    hasRole(scope, "teacher") && (await ownAssignment(db, scope, assignmentId)),

  // The équipe pédagogique (teachers of the class or of a group some of its pupils attend) and the staff who follow
  // results; pupils and families only ever see published bulletins, through "student.reportCards".
  "class.reportCards": async (db, scope, classId) =>
    (hasRole(scope, ...GRADE_READER_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))) ||
    (hasRole(scope, "teacher") &&
      (scope.taughtClassIds.has(classId) || (await teachesGroupOfClass(db, scope, classId)))),

  "class.generalAppreciation": async (_db, scope, classId) =>
    hasRole(scope, "teacher") && scope.leadClassIds.has(classId),

  "class.reportCards.publish": async (db, scope, classId) =>
    hasRole(scope, "direction") && (await classInEstablishment(db, classId, scope.establishmentId)),

  // A bulletin is the period's relevé de notes made official: the same people read it.
  "student.reportCards": (db, scope, studentId) => rules["student.grades"](db, scope, studentId),
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
