import { eq } from "drizzle-orm";
import { meetingSlots, teachingAssignments, virtualClasses } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { teachesOccurrence } from "@/server/policy/homework-lookups";
import { lessonTarget } from "@/server/policy/lookups";
import { hasRole, type Scope, studentAttendsAny } from "@/server/policy/scope";
import { occurrenceKey } from "@/server/timetable/occurrence-key";

/** Facts about virtual classes and meeting slots the access policy needs; each is one or two indexed queries. */

/** A virtual class's establishment and audience (a remote lesson's are its lesson's), or undefined. */
export async function virtualClassTarget(db: Db, virtualClassId: string) {
  const [row] = await db.select().from(virtualClasses).where(eq(virtualClasses.id, virtualClassId));
  if (!row) return undefined;
  if (row.lessonId && row.plannedOn) {
    const lesson = await lessonTarget(db, row.lessonId);
    return lesson && { ...row, classId: lesson.classId, groupId: lesson.groupId, occurrence: occurrenceKey(row.lessonId, row.plannedOn) };
  }
  return { ...row, occurrence: null };
}

type Target = NonNullable<Awaited<ReturnType<typeof virtualClassTarget>>>;

/** Whether the person leads the class: the teacher who scheduled it, or who teaches the remote lesson that day. */
export async function hostsVirtualClass(db: Db, scope: Scope, target: Target): Promise<boolean> {
  if (!hasRole(scope, "teacher") || target.establishmentId !== scope.establishmentId) return false;
  return target.occurrence ? teachesOccurrence(db, scope, target.occurrence) : target.hostId === scope.personId;
}

/** Whether the person attends the class as a pupil of its class or group. */
export function attendsVirtualClass(scope: Scope, target: { establishmentId: string; classId: string | null; groupId: string | null }) {
  if (!hasRole(scope, "student") || target.establishmentId !== scope.establishmentId) return false;
  return target.classId ? scope.classIds.has(target.classId) : scope.groupIds.has(target.groupId ?? "");
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
