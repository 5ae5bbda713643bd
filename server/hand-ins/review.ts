import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { classEnrolments, documents, groupMemberships, handInFiles, handIns, people, spaceMembers, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";

export interface Return {
  comment: string;
  mark: number | null;
  markOutOf: number | null;
}

/**
 * Every expected hand-in of an assignment, for its teacher: each pupil of the class or group (or the team), whether
 * they handed in, when, late or not, and what was returned (with the corrected copies).
 */
export async function reviewList(
  db: Db,
  assignment: { id: string; spaceId: string | null; groupId: string | null; spaceKind: string | null; classId: string | null; dueAt: Date },
) {
  const rows = await db
    .select({ handIn: handIns, documentSpaceId: documents.spaceId })
    .from(handIns)
    .leftJoin(documents, eq(documents.id, handIns.documentId))
    .where(eq(handIns.assignmentId, assignment.id))
    .then((found) => found.map((row) => ({ ...row.handIn, documentSpaceId: row.documentSpaceId })));
  const files = rows.length
    ? await db
        .select({ handInId: handInFiles.handInId, kind: handInFiles.kind, storedFileId: storedFiles.id, name: storedFiles.name })
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
          documentSpaceId: handIn.documentSpaceId,
          files: files.filter((file) => file.handInId === handIn.id && file.kind === "work"),
          corrections: files.filter((file) => file.handInId === handIn.id && file.kind === "correction"),
          comment: handIn.comment,
          mark: handIn.mark,
          markOutOf: handIn.markOutOf,
        }
      : null;
  const pupilsOf = async (enrolments: typeof classEnrolments | typeof groupMemberships, place: SQL) =>
    db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
      .from(enrolments)
      .innerJoin(people, eq(people.id, enrolments.studentId))
      .where(place)
      .orderBy(asc(people.lastName), asc(people.firstName));
  if (!assignment.groupId && (assignment.spaceKind !== "class" || !assignment.classId)) {
    const team = await db
      .select({ firstName: people.firstName, lastName: people.lastName })
      .from(spaceMembers)
      .innerJoin(people, eq(people.id, spaceMembers.personId))
      .where(and(eq(spaceMembers.spaceId, assignment.spaceId!), inArray(spaceMembers.role, ["owner", "contributor"])))
      .orderBy(asc(people.lastName));
    return [{ key: assignment.spaceId!, name: team.map((p) => `${p.firstName} ${p.lastName}`).join(", "), handIn: view(rows[0]) }];
  }
  const pupils = assignment.groupId
    ? await pupilsOf(groupMemberships, eq(groupMemberships.groupId, assignment.groupId))
    : await pupilsOf(classEnrolments, eq(classEnrolments.classId, assignment.classId!));
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
