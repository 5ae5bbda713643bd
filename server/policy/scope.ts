import { and, eq, inArray } from "drizzle-orm";
import {
  classEnrolments,
  classes,
  groupMemberships,
  guardianships,
  profiles,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Role } from "./roles";

/**
 * What a person is, and is linked to, in one establishment: loaded once per request (and briefly cached) so that
 * most policy answers are set look-ups in memory.
 */
export interface Scope {
  personId: string;
  establishmentId: string;
  roles: ReadonlySet<Role>;
  /** Pupils of this establishment the person is a guardian of (responsable légal). */
  childIds: ReadonlySet<string>;
  /** Classes and groups the person attends as a pupil. */
  classIds: ReadonlySet<string>;
  groupIds: ReadonlySet<string>;
  /** Classes and groups the person teaches, and the classes they are professeur principal of. */
  taughtClassIds: ReadonlySet<string>;
  taughtGroupIds: ReadonlySet<string>;
  leadClassIds: ReadonlySet<string>;
}

export function hasRole(scope: Scope, ...roles: readonly Role[]): boolean {
  return roles.some((r) => scope.roles.has(r));
}

export async function loadScope(db: Db, personId: string, establishmentId: string): Promise<Scope> {
  const [roleRows, childRows, classRows, groupRows, taughtRows] = await Promise.all([
    db
      .select({ role: profiles.role })
      .from(profiles)
      .where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId))),
    db
      .select({ studentId: guardianships.studentId })
      .from(guardianships)
      .innerJoin(profiles, eq(profiles.personId, guardianships.studentId))
      .where(
        and(
          eq(guardianships.guardianId, personId),
          eq(profiles.establishmentId, establishmentId),
          eq(profiles.role, "student"),
        ),
      ),
    db
      .select({ classId: classEnrolments.classId })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(and(eq(classEnrolments.studentId, personId), eq(classes.establishmentId, establishmentId))),
    db
      .select({ groupId: groupMemberships.groupId })
      .from(groupMemberships)
      .innerJoin(teachingGroups, eq(teachingGroups.id, groupMemberships.groupId))
      .where(and(eq(groupMemberships.studentId, personId), eq(teachingGroups.establishmentId, establishmentId))),
    db
      .select({
        classId: teachingAssignments.classId,
        groupId: teachingAssignments.groupId,
        isLeadTeacher: teachingAssignments.isLeadTeacher,
      })
      .from(teachingAssignments)
      .where(and(eq(teachingAssignments.teacherId, personId), eq(teachingAssignments.establishmentId, establishmentId))),
  ]);
  const roles = new Set(roleRows.map((r) => r.role));
  const taught = roles.has("teacher") ? taughtRows : [];
  return {
    personId,
    establishmentId,
    roles,
    childIds: new Set(roles.has("guardian") ? childRows.map((r) => r.studentId) : []),
    classIds: new Set(roles.has("student") ? classRows.map((r) => r.classId) : []),
    groupIds: new Set(roles.has("student") ? groupRows.map((r) => r.groupId) : []),
    taughtClassIds: new Set(taught.flatMap((r) => (r.classId ? [r.classId] : []))),
    taughtGroupIds: new Set(taught.flatMap((r) => (r.groupId ? [r.groupId] : []))),
    leadClassIds: new Set(taught.flatMap((r) => (r.isLeadTeacher && r.classId ? [r.classId] : []))),
  };
}

/** Whether a pupil attends a class or group of the given sets (their class, or one of their groups). */
export async function studentAttendsAny(
  db: Db,
  studentId: string,
  classIds: ReadonlySet<string>,
  groupIds: ReadonlySet<string>,
): Promise<boolean> {
  if (classIds.size === 0 && groupIds.size === 0) return false;
  const inClass = classIds.size
    ? db
        .select({ id: classEnrolments.studentId })
        .from(classEnrolments)
        .where(and(eq(classEnrolments.studentId, studentId), inArray(classEnrolments.classId, [...classIds])))
        .limit(1)
    : Promise.resolve([]);
  const inGroup = groupIds.size
    ? db
        .select({ id: groupMemberships.studentId })
        .from(groupMemberships)
        .where(and(eq(groupMemberships.studentId, studentId), inArray(groupMemberships.groupId, [...groupIds])))
        .limit(1)
    : Promise.resolve([]);
  const [a, b] = await Promise.all([inClass, inGroup]);
  return a.length + b.length > 0;
}
