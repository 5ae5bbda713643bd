import { and, eq, inArray } from "drizzle-orm";
import {
  absenceJustifications,
  absences,
  classEnrolments,
  classes,
  evaluations,
  groupMemberships,
  lessonChanges,
  lessons,
  lessonTeachers,
  profiles,
  rooms,
  schoolEvents,
  schoolYears,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Scope } from "./scope";

/** Facts about target objects that a person's scope does not hold; each is one indexed query. */

export async function classInEstablishment(db: Db, classId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

export async function childInClass(db: Db, scope: Scope, classId: string): Promise<boolean> {
  if (scope.childIds.size === 0) return false;
  const rows = await db
    .select({ studentId: classEnrolments.studentId })
    .from(classEnrolments)
    .where(and(eq(classEnrolments.classId, classId), inArray(classEnrolments.studentId, [...scope.childIds])))
    .limit(1);
  return rows.length > 0;
}

export async function studentOfEstablishment(db: Db, studentId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(
      and(eq(profiles.personId, studentId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "student")),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether the person teaches a group that some pupil of the class attends (LV2, Latin...). */
export async function teachesGroupOfClass(db: Db, scope: Scope, classId: string): Promise<boolean> {
  if (scope.taughtGroupIds.size === 0) return false;
  const rows = await db
    .select({ studentId: classEnrolments.studentId })
    .from(classEnrolments)
    .innerJoin(groupMemberships, eq(groupMemberships.studentId, classEnrolments.studentId))
    .where(and(eq(classEnrolments.classId, classId), inArray(groupMemberships.groupId, [...scope.taughtGroupIds])))
    .limit(1);
  return rows.length > 0;
}

/** Whether the teaching assignment is this person's own, in this establishment. */
export async function ownAssignment(db: Db, scope: Scope, assignmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: teachingAssignments.id })
    .from(teachingAssignments)
    .where(
      and(
        eq(teachingAssignments.id, assignmentId),
        eq(teachingAssignments.teacherId, scope.personId),
        eq(teachingAssignments.establishmentId, scope.establishmentId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether the evaluation was given by this person, through one of their assignments in this establishment. */
export async function ownEvaluation(db: Db, scope: Scope, evaluationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .innerJoin(teachingAssignments, eq(teachingAssignments.id, evaluations.assignmentId))
    .where(
      and(
        eq(evaluations.id, evaluationId),
        eq(teachingAssignments.teacherId, scope.personId),
        eq(evaluations.establishmentId, scope.establishmentId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The lesson's establishment and audience, or undefined when there is no such lesson. */
export async function lessonTarget(db: Db, lessonId: string) {
  const [row] = await db
    .select({ establishmentId: lessons.establishmentId, classId: lessons.classId, groupId: lessons.groupId })
    .from(lessons)
    .where(eq(lessons.id, lessonId));
  return row;
}

/** Whether the person is one of the lesson's teachers, in this establishment. */
export async function teachesLesson(db: Db, scope: Scope, lessonId: string): Promise<boolean> {
  const rows = await db
    .select({ lessonId: lessonTeachers.lessonId })
    .from(lessonTeachers)
    .innerJoin(lessons, eq(lessons.id, lessonTeachers.lessonId))
    .where(
      and(
        eq(lessonTeachers.lessonId, lessonId),
        eq(lessonTeachers.teacherId, scope.personId),
        eq(lessons.establishmentId, scope.establishmentId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether the person substitutes for the lesson on that day. */
export async function substitutesLesson(db: Db, scope: Scope, lessonId: string, onDate: string): Promise<boolean> {
  const rows = await db
    .select({ id: lessonChanges.id })
    .from(lessonChanges)
    .where(
      and(
        eq(lessonChanges.lessonId, lessonId),
        eq(lessonChanges.onDate, onDate),
        eq(lessonChanges.substituteTeacherId, scope.personId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The establishment and pupil of an absence, or undefined when there is no such absence. */
export async function absenceTarget(db: Db, absenceId: string) {
  const [row] = await db
    .select({ establishmentId: absences.establishmentId, studentId: absences.studentId })
    .from(absences)
    .where(eq(absences.id, absenceId));
  return row;
}

/** Who sent a justification, and the absence it is about. */
export async function justificationTarget(db: Db, justificationId: string) {
  const [row] = await db
    .select({
      submittedBy: absenceJustifications.submittedBy,
      establishmentId: absences.establishmentId,
      studentId: absences.studentId,
    })
    .from(absenceJustifications)
    .innerJoin(absences, eq(absences.id, absenceJustifications.absenceId))
    .where(eq(absenceJustifications.id, justificationId));
  return row;
}

export async function groupInEstablishment(db: Db, groupId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: teachingGroups.id })
    .from(teachingGroups)
    .where(and(eq(teachingGroups.id, groupId), eq(teachingGroups.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

export async function childInGroup(db: Db, scope: Scope, groupId: string): Promise<boolean> {
  if (scope.childIds.size === 0) return false;
  const rows = await db
    .select({ studentId: groupMemberships.studentId })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, groupId), inArray(groupMemberships.studentId, [...scope.childIds])))
    .limit(1);
  return rows.length > 0;
}

export async function teacherOfEstablishment(db: Db, teacherId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(
      and(eq(profiles.personId, teacherId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "teacher")),
    )
    .limit(1);
  return rows.length > 0;
}

export async function roomInEstablishment(db: Db, roomId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

export async function lessonInEstablishment(db: Db, lessonId: string, establishmentId: string): Promise<boolean> {
  return (await lessonTarget(db, lessonId))?.establishmentId === establishmentId;
}

export async function schoolYearInEstablishment(db: Db, schoolYearId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: schoolYears.id })
    .from(schoolYears)
    .where(and(eq(schoolYears.id, schoolYearId), eq(schoolYears.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

export async function schoolEventInEstablishment(db: Db, eventId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: schoolEvents.id })
    .from(schoolEvents)
    .where(and(eq(schoolEvents.id, eventId), eq(schoolEvents.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}
