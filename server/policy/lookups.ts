import { and, eq, inArray } from "drizzle-orm";
import { classEnrolments, classes, evaluations, profiles, teachingAssignments } from "@/drizzle/schema";
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
