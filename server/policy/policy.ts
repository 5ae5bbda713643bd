import { and, eq, inArray } from "drizzle-orm";
import { classEnrolments, classes, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { SCHOOL_RECORD_ROLES, WHOLE_SCHOOL_ROLES } from "./roles";
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
  | "student.card";

type Rule = (db: Db, scope: Scope, targetId: string) => Promise<boolean>;

async function classInEstablishment(db: Db, classId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

async function childInClass(db: Db, scope: Scope, classId: string): Promise<boolean> {
  if (scope.childIds.size === 0) return false;
  const rows = await db
    .select({ studentId: classEnrolments.studentId })
    .from(classEnrolments)
    .where(and(eq(classEnrolments.classId, classId), inArray(classEnrolments.studentId, [...scope.childIds])))
    .limit(1);
  return rows.length > 0;
}

async function studentOfEstablishment(db: Db, studentId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(
      and(eq(profiles.personId, studentId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "student")),
    )
    .limit(1);
  return rows.length > 0;
}

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
    (hasRole(scope, "teacher") && (await studentAttendsAny(db, studentId, scope.taughtClassIds, scope.taughtGroupIds))),
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
