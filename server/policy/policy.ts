import { and, eq } from "drizzle-orm";
import { profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import {
  childInClass,
  classInEstablishment,
  groupInEstablishment,
  lessonInEstablishment,
  ownAssignment,
  ownEvaluation,
  roomInEstablishment,
  schoolEventInEstablishment,
  studentOfEstablishment,
  teacherOfEstablishment,
  teachesLesson,
} from "./lookups";
import {
  DAY_CHANGE_ROLES,
  GRADE_READER_ROLES,
  SCHOOL_RECORD_ROLES,
  TIMETABLE_EDITOR_ROLES,
  WHOLE_SCHOOL_ROLES,
} from "./roles";
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
  /** see a pupil's week: the lessons of their class and groups, and the events that concern them (detentions too) */
  | "timetable.student"
  /** see a class's week (its lessons, and the events of the whole class) */
  | "timetable.class"
  /** see a teaching group's week */
  | "timetable.group"
  /** see a teacher's week, substitutions included */
  | "timetable.teacher"
  /** see what takes place in a room */
  | "timetable.room"
  /** build the weekly timetable of a class or a group (target: the class's or the group's id) */
  | "timetable.plan"
  /** change or delete a weekly lesson of the timetable */
  | "timetable.edit"
  /** change one occurrence of a lesson: cancel it, give it to a substitute, move it */
  | "lesson.change"
  /** mark one occurrence of a lesson remote or exam, or add a note (its own teacher may) */
  | "lesson.annotate"
  /** delete a non-lesson event (outing, detention, meeting...) */
  | "schoolEvent.edit"
  /** schedule an event for this class, group or person */
  | "schoolEvent.audience";

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

  "timetable.student": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "timetable.class": async (db, scope, classId) =>
    scope.classIds.has(classId) ||
    scope.taughtClassIds.has(classId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))),

  "timetable.group": async (db, scope, groupId) =>
    scope.groupIds.has(groupId) ||
    scope.taughtGroupIds.has(groupId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await groupInEstablishment(db, groupId, scope.establishmentId))),

  "timetable.teacher": async (db, scope, teacherId) =>
    (teacherId === scope.personId && hasRole(scope, "teacher")) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await teacherOfEstablishment(db, teacherId, scope.establishmentId))),

  "timetable.room": async (db, scope, roomId) =>
    hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await roomInEstablishment(db, roomId, scope.establishmentId)),

  "timetable.plan": async (db, scope, audienceId) =>
    hasRole(scope, ...TIMETABLE_EDITOR_ROLES) &&
    ((await classInEstablishment(db, audienceId, scope.establishmentId)) ||
      (await groupInEstablishment(db, audienceId, scope.establishmentId))),

  "timetable.edit": async (db, scope, lessonId) =>
    hasRole(scope, ...TIMETABLE_EDITOR_ROLES) && (await lessonInEstablishment(db, lessonId, scope.establishmentId)),

  "lesson.change": async (db, scope, lessonId) =>
    hasRole(scope, ...DAY_CHANGE_ROLES) && (await lessonInEstablishment(db, lessonId, scope.establishmentId)),

  "lesson.annotate": async (db, scope, lessonId) =>
    (await can(db, scope, "lesson.change", lessonId)) || (hasRole(scope, "teacher") && (await teachesLesson(db, scope, lessonId))),

  "schoolEvent.edit": async (db, scope, eventId) =>
    hasRole(scope, ...DAY_CHANGE_ROLES) && (await schoolEventInEstablishment(db, eventId, scope.establishmentId)),

  "schoolEvent.audience": async (db, scope, audienceId) =>
    hasRole(scope, ...DAY_CHANGE_ROLES) &&
    ((await classInEstablishment(db, audienceId, scope.establishmentId)) ||
      (await groupInEstablishment(db, audienceId, scope.establishmentId)) ||
      (await mayActIn(db, audienceId, scope.establishmentId))),
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
