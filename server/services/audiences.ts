import { and, asc, eq, inArray } from "drizzle-orm";
import { classEnrolments, classes, groupMemberships, people, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** What a lesson, an assignment or a homework is given to: a class or a teaching group. */
export type Audience = { classId: string; groupId?: null } | { classId?: null; groupId: string };

/** The pupils now in a class or a group, by name: a roll call's list, a homework's pupils. */
export function audiencePupils(db: Db, audience: { classId?: string | null; groupId?: string | null }) {
  const personName = { id: people.id, firstName: people.firstName, lastName: people.lastName };
  const query = audience.classId
    ? db
        .select(personName)
        .from(classEnrolments)
        .innerJoin(people, eq(people.id, classEnrolments.studentId))
        .where(eq(classEnrolments.classId, audience.classId))
    : db
        .select(personName)
        .from(groupMemberships)
        .innerJoin(people, eq(people.id, groupMemberships.studentId))
        .where(eq(groupMemberships.groupId, audience.groupId!));
  return query.orderBy(asc(people.lastName), asc(people.firstName));
}

/** The classes and groups pupils belong to in an establishment: whose lessons and homework are theirs. */
export async function pupilAudiences(db: Db, establishmentId: string, studentIds: readonly string[]) {
  if (studentIds.length === 0) return { classIds: [], groupIds: [] };
  const [classRows, groupRows] = await Promise.all([
    db
      .selectDistinct({ id: classEnrolments.classId })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(and(inArray(classEnrolments.studentId, [...studentIds]), eq(classes.establishmentId, establishmentId))),
    db
      .selectDistinct({ id: groupMemberships.groupId })
      .from(groupMemberships)
      .innerJoin(teachingGroups, eq(teachingGroups.id, groupMemberships.groupId))
      .where(and(inArray(groupMemberships.studentId, [...studentIds]), eq(teachingGroups.establishmentId, establishmentId))),
  ]);
  return { classIds: classRows.map((r) => r.id), groupIds: groupRows.map((r) => r.id) };
}
