import { and, eq, sql } from "drizzle-orm";
import { assignments, classEnrolments, handIns, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { hasRole, type Scope } from "./scope";
import { spaceStanding, WRITER_ROLES } from "./space-access";

/**
 * Who is who for an assignment (devoir à rendre) and its hand-ins:
 * - its reviewers are the teachers who own the space it was set in (the class's teachers, a team's teacher owners),
 *   or who teach the teaching group it was set for;
 * - in a class space, each pupil of the class hands in their own work; for a group, each pupil of the group;
 * - in a team or group-work space, the team hands in one piece of work, written by its members (those listed in the
 *   space with a writing role: the pupils, not the teachers who own it through the class).
 * Archiving the space changes none of this, only what they may do: everything is then read, nothing handed in or
 * returned (see the rules).
 */
export async function assignmentTarget(db: Db, scope: Scope, assignmentId: string) {
  const [found] = await db
    .select({
      id: assignments.id,
      spaceId: assignments.spaceId,
      groupId: assignments.teachingGroupId,
      kind: spaces.kind,
      classId: spaces.classId,
      dueAt: assignments.dueAt,
      archived: sql<boolean>`${spaces.archivedAt} is not null`,
    })
    .from(assignments)
    .leftJoin(spaces, eq(spaces.id, assignments.spaceId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.establishmentId, scope.establishmentId)))
    .limit(1);
  return found;
}

export type AssignmentTarget = NonNullable<Awaited<ReturnType<typeof assignmentTarget>>>;

/** Whether the person reviews the assignment's hand-ins: a teacher who owns its space, or who teaches its group. */
export async function reviewsAssignment(db: Db, scope: Scope, assignment: AssignmentTarget): Promise<boolean> {
  if (!hasRole(scope, "teacher")) return false;
  if (assignment.groupId) return scope.taughtGroupIds.has(assignment.groupId);
  return (await spaceStanding(db, scope, assignment.spaceId!))?.role === "owner";
}

/** Who hands in for this person: themself (a pupil of the class or group), their team (the space), or nobody. */
export async function authorFor(
  db: Db,
  scope: Scope,
  assignment: AssignmentTarget,
): Promise<{ studentId: string } | { teamSpaceId: string } | null> {
  if (assignment.groupId) return hasRole(scope, "student") && scope.groupIds.has(assignment.groupId) ? { studentId: scope.personId } : null;
  if (assignment.kind === "class") {
    if (!hasRole(scope, "student") || !assignment.classId) return null;
    const [enrolled] = await db
      .select({ id: classEnrolments.studentId })
      .from(classEnrolments)
      .where(and(eq(classEnrolments.classId, assignment.classId), eq(classEnrolments.studentId, scope.personId)))
      .limit(1);
    return enrolled ? { studentId: scope.personId } : null;
  }
  const [member] = await db
    .select({ role: spaceMembers.role })
    .from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, assignment.spaceId!), eq(spaceMembers.personId, scope.personId)))
    .limit(1);
  return member && WRITER_ROLES.includes(member.role) ? { teamSpaceId: assignment.spaceId! } : null;
}

/** A hand-in of the person's establishment, with its assignment and whether the assignment's space is archived. */
export async function handInTarget(db: Db, scope: Scope, handInId: string) {
  const [found] = await db
    .select({
      id: handIns.id,
      assignmentId: handIns.assignmentId,
      studentId: handIns.studentId,
      teamSpaceId: handIns.teamSpaceId,
      status: handIns.status,
      archived: sql<boolean>`${spaces.archivedAt} is not null`,
    })
    .from(handIns)
    .innerJoin(assignments, eq(assignments.id, handIns.assignmentId))
    .leftJoin(spaces, eq(spaces.id, assignments.spaceId))
    .where(and(eq(handIns.id, handInId), eq(assignments.establishmentId, scope.establishmentId)))
    .limit(1);
  return found;
}

type HandInTarget = NonNullable<Awaited<ReturnType<typeof handInTarget>>>;

/** What the person is to a hand-in: one of its authors, its reviewer (teacher), or nothing. */
export async function handInRoleOf(db: Db, scope: Scope, handIn: HandInTarget): Promise<"author" | "reviewer" | null> {
  const assignment = await assignmentTarget(db, scope, handIn.assignmentId);
  if (!assignment) return null;
  const author = await authorFor(db, scope, assignment);
  if (author && ("studentId" in author ? author.studentId === handIn.studentId : author.teamSpaceId === handIn.teamSpaceId)) {
    return "author";
  }
  return (await reviewsAssignment(db, scope, assignment)) ? "reviewer" : null;
}

/**
 * A hand-in's co-edited document: its authors write it until they hand it in, then read it; its reviewer reads it
 * while it is being written, and annotates it (writes) once it is handed in. In an archived space both only read it.
 */
export async function handInDocumentAccess(db: Db, scope: Scope, documentId: string): Promise<"write" | "read" | null> {
  const [handIn] = await db.select({ id: handIns.id }).from(handIns).where(eq(handIns.documentId, documentId)).limit(1);
  const target = handIn && (await handInTarget(db, scope, handIn.id));
  if (!target) return null;
  const role = await handInRoleOf(db, scope, target);
  if (role === "author") return target.status === "draft" && !target.archived ? "write" : "read";
  if (role === "reviewer") return target.status === "draft" || target.archived ? "read" : "write";
  return null;
}
