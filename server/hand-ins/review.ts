import { and, asc, eq, inArray } from "drizzle-orm";
import { classEnrolments, handInFiles, handIns, people, spaceMembers, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";

export interface Return {
  comment: string;
  mark: number | null;
  markOutOf: number | null;
}

/**
 * Every expected hand-in of an assignment, for its teacher: each pupil of the class (or the team), whether they
 * handed in, when, late or not, and what was returned.
 */
export async function reviewList(db: Db, assignment: { id: string; spaceId: string; spaceKind: string; classId: string | null; dueAt: Date }) {
  const rows = await db.select().from(handIns).where(eq(handIns.assignmentId, assignment.id));
  const files = rows.length
    ? await db
        .select({ handInId: handInFiles.handInId, storedFileId: storedFiles.id, name: storedFiles.name })
        .from(handInFiles)
        .innerJoin(storedFiles, eq(storedFiles.id, handInFiles.storedFileId))
        .where(inArray(handInFiles.handInId, rows.map((row) => row.id)))
        .orderBy(asc(storedFiles.name))
    : [];
  const view = (handIn: (typeof rows)[number] | undefined) =>
    handIn && handIn.status !== "draft"
      ? {
          id: handIn.id,
          status: handIn.status,
          handedInAt: handIn.handedInAt,
          late: Boolean(handIn.handedInAt && handIn.handedInAt > assignment.dueAt),
          documentId: handIn.documentId,
          files: files.filter((file) => file.handInId === handIn.id),
          comment: handIn.comment,
          mark: handIn.mark,
          markOutOf: handIn.markOutOf,
        }
      : null;
  if (assignment.spaceKind !== "class" || !assignment.classId) {
    const team = await db
      .select({ firstName: people.firstName, lastName: people.lastName })
      .from(spaceMembers)
      .innerJoin(people, eq(people.id, spaceMembers.personId))
      .where(and(eq(spaceMembers.spaceId, assignment.spaceId), inArray(spaceMembers.role, ["owner", "contributor"])))
      .orderBy(asc(people.lastName));
    return [{ key: assignment.spaceId, name: team.map((p) => `${p.firstName} ${p.lastName}`).join(", "), handIn: view(rows[0]) }];
  }
  const pupils = await db
    .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(classEnrolments)
    .innerJoin(people, eq(people.id, classEnrolments.studentId))
    .where(eq(classEnrolments.classId, assignment.classId))
    .orderBy(asc(people.lastName), asc(people.firstName));
  return pupils.map((pupil) => ({
    key: pupil.id,
    name: `${pupil.lastName} ${pupil.firstName}`,
    handIn: view(rows.find((row) => row.studentId === pupil.id)),
  }));
}

/** Returns a handed-in work with a comment and maybe a mark; a returned work may be returned again (corrected). */
export async function returnHandIn(db: Db, handInId: string, returnedBy: string, given: Return) {
  if ((given.mark === null) !== (given.markOutOf === null)) throw new DomainError("handIns.errors.mark");
  if (given.mark !== null && given.markOutOf !== null && given.mark > given.markOutOf) throw new DomainError("handIns.errors.mark");
  const [returned] = await db
    .update(handIns)
    .set({ status: "returned", returnedAt: new Date(), returnedBy, ...given })
    .where(and(eq(handIns.id, handInId), inArray(handIns.status, ["handedIn", "returned"])))
    .returning({
      id: handIns.id,
      assignmentId: handIns.assignmentId,
      studentId: handIns.studentId,
      teamSpaceId: handIns.teamSpaceId,
      documentId: handIns.documentId,
    });
  if (!returned) throw new DomainError("handIns.errors.notHandedIn");
  return returned;
}

/** The pupils a returned hand-in is for: its pupil, or its team's members. */
export async function authorsOf(db: Db, handIn: { studentId: string | null; teamSpaceId: string | null }): Promise<string[]> {
  if (handIn.studentId) return [handIn.studentId];
  const members = await db.select({ id: spaceMembers.personId }).from(spaceMembers).where(eq(spaceMembers.spaceId, handIn.teamSpaceId!));
  return members.map((member) => member.id);
}
