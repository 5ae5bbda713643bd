import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { assignments, handIns, homework, lessons, spaceMembers, spaces, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { RichDoc } from "@/server/rich-text/rich-text";

export interface AssignmentFields {
  title: string;
  instructions: RichDoc;
  dueAt: Date;
  homeworkId: string | null;
}

/** Where an assignment is set: in a space, or for a teaching group (groupe). */
export type AssignmentPlace = { spaceId: string } | { groupId: string };

/** Sets an assignment in a space or for a group; the homework it is for must be of the same establishment and to be handed in. */
export async function createAssignment(db: Db, who: { establishmentId: string; personId: string }, place: AssignmentPlace, fields: AssignmentFields) {
  if (fields.homeworkId) {
    const [given] = await db
      .select({ handIn: homework.handIn })
      .from(homework)
      .where(and(eq(homework.id, fields.homeworkId), eq(homework.establishmentId, who.establishmentId)));
    if (!given?.handIn) throw new DomainError("handIns.errors.homework");
  }
  const [created] = await db
    .insert(assignments)
    .values({
      establishmentId: who.establishmentId,
      ...("spaceId" in place ? { spaceId: place.spaceId } : { teachingGroupId: place.groupId }),
      createdBy: who.personId,
      ...fields,
    })
    .returning({ id: assignments.id, dueAt: assignments.dueAt });
  return created;
}

const summary = {
  id: assignments.id,
  title: assignments.title,
  dueAt: assignments.dueAt,
  spaceId: assignments.spaceId,
  groupId: assignments.teachingGroupId,
  /** The name of the space or the group it was set in. */
  placeName: sql<string>`coalesce(${spaces.name}, ${teachingGroups.name})`,
  homeworkId: assignments.homeworkId,
};

/** Assignments joined to the space or the group they were set in. */
const withPlace = (db: Db) =>
  db
    .select({ ...summary, spaceKind: spaces.kind })
    .from(assignments)
    .leftJoin(spaces, eq(spaces.id, assignments.spaceId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, assignments.teachingGroupId))
    .$dynamic();

/** A space's assignments, soonest due first. */
export async function spaceAssignments(db: Db, spaceId: string) {
  return withPlace(db).where(eq(assignments.spaceId, spaceId)).orderBy(desc(assignments.dueAt));
}

/**
 * What a pupil has to hand in: the assignments of their classes' spaces, of their teaching groups and of their teams,
 * with where they stand.
 */
export async function pupilAssignments(db: Db, scope: { establishmentId: string; personId: string; classIds: ReadonlySet<string>; groupIds: ReadonlySet<string> }) {
  const { establishmentId, personId } = scope;
  const teams = db.select({ id: spaceMembers.spaceId }).from(spaceMembers).where(and(eq(spaceMembers.personId, personId), inArray(spaceMembers.role, ["owner", "contributor"])));
  const classSpaces = scope.classIds.size ? and(eq(spaces.kind, "class"), inArray(spaces.classId, [...scope.classIds])) : undefined;
  const groups = scope.groupIds.size ? inArray(assignments.teachingGroupId, [...scope.groupIds]) : undefined;
  const rows = await withPlace(db)
    .where(and(eq(assignments.establishmentId, establishmentId), or(classSpaces, groups, and(inArray(spaces.kind, ["team", "groupWork"]), inArray(spaces.id, teams)))))
    .orderBy(desc(assignments.dueAt));
  if (rows.length === 0) return [];
  const mine = await db
    .select({ assignmentId: handIns.assignmentId, status: handIns.status, handedInAt: handIns.handedInAt })
    .from(handIns)
    .where(
      and(
        inArray(handIns.assignmentId, rows.map((row) => row.id)),
        or(eq(handIns.studentId, personId), inArray(handIns.teamSpaceId, teams)),
      ),
    );
  const byAssignment = new Map(mine.map((handIn) => [handIn.assignmentId, handIn]));
  return rows.map((row) => ({ ...row, handIn: byAssignment.get(row.id) ?? null }));
}

/** The assignments a teacher set, soonest due first. */
export async function teacherAssignments(db: Db, establishmentId: string, personId: string) {
  return withPlace(db)
    .where(and(eq(assignments.establishmentId, establishmentId), eq(assignments.createdBy, personId)))
    .orderBy(desc(assignments.dueAt));
}

/** The groups a teacher teaches, by name: where they may set assignments outside their spaces. */
export async function taughtGroups(db: Db, groupIds: ReadonlySet<string>) {
  if (groupIds.size === 0) return [];
  return db.select({ id: teachingGroups.id, name: teachingGroups.name }).from(teachingGroups).where(inArray(teachingGroups.id, [...groupIds])).orderBy(teachingGroups.name);
}

/**
 * Where the assignment of a homework is set: its lesson's class space, or its lesson's group (with the group's
 * name, for the form).
 */
export async function homeworkPlace(db: Db, homeworkId: string): Promise<{ spaceId: string | null; group: { id: string; name: string } | null }> {
  const [found] = await db
    .select({ spaceId: spaces.id, groupId: teachingGroups.id, groupName: teachingGroups.name })
    .from(homework)
    .innerJoin(lessons, eq(lessons.id, homework.lessonId))
    .leftJoin(spaces, and(eq(spaces.classId, lessons.classId), eq(spaces.kind, "class")))
    .leftJoin(teachingGroups, eq(teachingGroups.id, lessons.groupId))
    .where(eq(homework.id, homeworkId));
  return { spaceId: found?.spaceId ?? null, group: found?.groupId ? { id: found.groupId, name: found.groupName! } : null };
}

export async function assignmentDetail(db: Db, assignmentId: string) {
  const [found] = await db
    .select({ ...summary, spaceKind: spaces.kind, classId: spaces.classId, instructions: assignments.instructions, establishmentId: assignments.establishmentId })
    .from(assignments)
    .leftJoin(spaces, eq(spaces.id, assignments.spaceId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, assignments.teachingGroupId))
    .where(eq(assignments.id, assignmentId));
  return { ...found, instructions: found.instructions as RichDoc };
}
