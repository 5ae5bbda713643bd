import { and, eq } from "drizzle-orm";
import { meetingSlots, spaces, teachingAssignments, virtualClasses } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { teachesOccurrence } from "@/server/policy/homework-lookups";
import { lessonTarget } from "@/server/policy/lookups";
import { STAFF_ROLES } from "@/server/policy/roles";
import { hasRole, type Scope, studentAttendsAny } from "@/server/policy/scope";
import { type SpaceRole, spaceRoleOf } from "@/server/policy/space-access";
import { occurrenceKey } from "@/server/timetable/occurrence-key";

/** Facts about virtual classes and meeting slots the access policy needs; each is one or two indexed queries. */

/** A virtual class's establishment and audience (a remote lesson's are its lesson's), or undefined. */
export async function virtualClassTarget(db: Db, virtualClassId: string) {
  const [row] = await db.select().from(virtualClasses).where(eq(virtualClasses.id, virtualClassId));
  if (!row) return undefined;
  if (row.lessonId && row.plannedOn) {
    const lesson = await lessonTarget(db, row.lessonId);
    return lesson && { ...row, classId: lesson.classId, groupId: lesson.groupId, spaceId: null, occurrence: occurrenceKey(row.lessonId, row.plannedOn) };
  }
  return { ...row, occurrence: null };
}

type Target = NonNullable<Awaited<ReturnType<typeof virtualClassTarget>>>;

/** Who may lead a scheduled class: teachers, and for a team space also the staff who belong to it. */
export const HOST_ROLES = ["teacher", ...STAFF_ROLES] as const;

/**
 * Whether the person leads the class: the teacher who teaches the remote lesson that day, or whoever scheduled it
 * (a teacher, or a staff member for a team space).
 */
export async function hostsVirtualClass(db: Db, scope: Scope, target: Target): Promise<boolean> {
  if (target.establishmentId !== scope.establishmentId) return false;
  if (target.occurrence) return hasRole(scope, "teacher") && teachesOccurrence(db, scope, target.occurrence);
  return target.hostId === scope.personId && hasRole(scope, ...(target.spaceId ? HOST_ROLES : (["teacher"] as const)));
}

/** Whether the person attends the class as a pupil of its class or group. */
export function attendsVirtualClass(scope: Scope, target: { establishmentId: string; classId: string | null; groupId: string | null }) {
  if (!hasRole(scope, "student") || target.establishmentId !== scope.establishmentId) return false;
  if (target.classId) return scope.classIds.has(target.classId);
  return target.groupId !== null && scope.groupIds.has(target.groupId);
}

/** The person's role in a team space of their establishment (not a class space nor a group-work team), or null. */
export async function teamSpaceRole(db: Db, scope: Scope, spaceId: string): Promise<SpaceRole | null> {
  const [team] = await db
    .select({ id: spaces.id })
    .from(spaces)
    .where(and(eq(spaces.id, spaceId), eq(spaces.kind, "team"), eq(spaces.establishmentId, scope.establishmentId)));
  return team ? spaceRoleOf(db, scope, team.id) : null;
}

/** Whether the person attends a team space's class: any member of the space (owner, contributor or reader). */
export async function attendsTeamClass(db: Db, scope: Scope, target: { establishmentId: string; spaceId: string | null }) {
  return target.spaceId !== null && target.establishmentId === scope.establishmentId && (await teamSpaceRole(db, scope, target.spaceId)) !== null;
}

export async function meetingSlotTarget(db: Db, slotId: string) {
  const [row] = await db.select().from(meetingSlots).where(eq(meetingSlots.id, slotId));
  return row;
}

/** Whether the teacher teaches this pupil in the establishment (their class or one of their groups). */
export async function teacherTeaches(db: Db, teacherId: string, establishmentId: string, studentId: string): Promise<boolean> {
  const taught = await db
    .select({ classId: teachingAssignments.classId, groupId: teachingAssignments.groupId, establishmentId: teachingAssignments.establishmentId })
    .from(teachingAssignments)
    .where(eq(teachingAssignments.teacherId, teacherId));
  const here = taught.filter((row) => row.establishmentId === establishmentId);
  const classIds = new Set(here.flatMap((row) => (row.classId ? [row.classId] : [])));
  const groupIds = new Set(here.flatMap((row) => (row.groupId ? [row.groupId] : [])));
  return studentAttendsAny(db, studentId, classIds, groupIds);
}

/** The guardian's children the slot's teacher teaches: whom they may book the slot about. */
export async function childrenTaughtBy(db: Db, scope: Scope, teacherId: string): Promise<string[]> {
  const children = [...scope.childIds];
  const taught = await Promise.all(children.map((child) => teacherTeaches(db, teacherId, scope.establishmentId, child)));
  return children.filter((_, index) => taught[index]);
}
