import { and, desc, eq, inArray, or } from "drizzle-orm";
import { assignments, handIns, homework, lessons, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { RichDoc } from "@/server/rich-text/rich-text";

export interface AssignmentFields {
  title: string;
  instructions: RichDoc;
  dueAt: Date;
  homeworkId: string | null;
}

/** Sets an assignment in a space; the homework it is for must be of the same establishment and to be handed in. */
export async function createAssignment(db: Db, who: { establishmentId: string; personId: string }, spaceId: string, fields: AssignmentFields) {
  if (fields.homeworkId) {
    const [given] = await db
      .select({ handIn: homework.handIn })
      .from(homework)
      .where(and(eq(homework.id, fields.homeworkId), eq(homework.establishmentId, who.establishmentId)));
    if (!given?.handIn) throw new DomainError("handIns.errors.homework");
  }
  const [created] = await db
    .insert(assignments)
    .values({ establishmentId: who.establishmentId, spaceId, createdBy: who.personId, ...fields })
    .returning({ id: assignments.id, dueAt: assignments.dueAt });
  return created;
}

const summary = {
  id: assignments.id,
  title: assignments.title,
  dueAt: assignments.dueAt,
  spaceId: assignments.spaceId,
  spaceName: spaces.name,
  homeworkId: assignments.homeworkId,
};

/** A space's assignments, soonest due first. */
export async function spaceAssignments(db: Db, spaceId: string) {
  return db.select(summary).from(assignments).innerJoin(spaces, eq(spaces.id, assignments.spaceId)).where(eq(assignments.spaceId, spaceId)).orderBy(desc(assignments.dueAt));
}

/** What a pupil has to hand in: the assignments of their classes' spaces and of their teams, with where they stand. */
export async function pupilAssignments(db: Db, establishmentId: string, personId: string, classIds: readonly string[]) {
  const teams = db.select({ id: spaceMembers.spaceId }).from(spaceMembers).where(and(eq(spaceMembers.personId, personId), inArray(spaceMembers.role, ["owner", "contributor"])));
  const classSpaces = classIds.length ? and(eq(spaces.kind, "class"), inArray(spaces.classId, [...classIds])) : undefined;
  const rows = await db
    .select({ ...summary, spaceKind: spaces.kind })
    .from(assignments)
    .innerJoin(spaces, eq(spaces.id, assignments.spaceId))
    .where(and(eq(assignments.establishmentId, establishmentId), or(classSpaces, and(inArray(spaces.kind, ["team", "groupWork"]), inArray(spaces.id, teams)))))
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
  return db
    .select(summary)
    .from(assignments)
    .innerJoin(spaces, eq(spaces.id, assignments.spaceId))
    .where(and(eq(assignments.establishmentId, establishmentId), eq(assignments.createdBy, personId)))
    .orderBy(desc(assignments.dueAt));
}

/** The class space where an assignment for a homework is set: its lesson's class's (none for a group's lesson). */
export async function classSpaceOfHomework(db: Db, homeworkId: string): Promise<string | null> {
  const [found] = await db
    .select({ spaceId: spaces.id })
    .from(homework)
    .innerJoin(lessons, eq(lessons.id, homework.lessonId))
    .innerJoin(spaces, and(eq(spaces.classId, lessons.classId), eq(spaces.kind, "class")))
    .where(eq(homework.id, homeworkId));
  return found?.spaceId ?? null;
}

export async function assignmentDetail(db: Db, assignmentId: string) {
  const [found] = await db
    .select({ ...summary, instructions: assignments.instructions, spaceKind: spaces.kind, classId: spaces.classId, establishmentId: assignments.establishmentId })
    .from(assignments)
    .innerJoin(spaces, eq(spaces.id, assignments.spaceId))
    .where(eq(assignments.id, assignmentId));
  return { ...found, instructions: found.instructions as RichDoc };
}
