import { and, eq } from "drizzle-orm";
import {
  classEnrolments,
  generalAppreciations,
  groupMemberships,
  subjectAppreciations,
  teachingAssignments,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { assignmentPeriod, classPeriod } from "./class-period";
import { lockStatus, pupilClasses } from "./status";

/** Whether the pupil is now in the assignment's class or group. */
async function inAssignment(db: Db, assignmentId: string, studentId: string): Promise<boolean> {
  const [assignment] = await db
    .select({ classId: teachingAssignments.classId, groupId: teachingAssignments.groupId })
    .from(teachingAssignments)
    .where(eq(teachingAssignments.id, assignmentId));
  const rows = assignment.classId
    ? await db
        .select({ id: classEnrolments.studentId })
        .from(classEnrolments)
        .where(and(eq(classEnrolments.classId, assignment.classId), eq(classEnrolments.studentId, studentId)))
    : await db
        .select({ id: groupMemberships.studentId })
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, assignment.groupId!), eq(groupMemberships.studentId, studentId)));
  return rows.length > 0;
}

/**
 * A teacher's appréciation of a pupil in their subject (the grid autosaves it pupil by pupil). Only while the pupil's
 * class's bulletins for the period are a draft; an empty text removes it.
 */
export async function saveSubjectAppreciation(
  db: Db,
  input: { assignmentId: string; periodId: string; studentId: string; text: string; authorId: string },
) {
  await assignmentPeriod(db, input.assignmentId, input.periodId);
  if (!(await inAssignment(db, input.assignmentId, input.studentId))) {
    throw new DomainError("reportCards.errors.notInAssignment");
  }
  const pupilClass = (await pupilClasses(db, [input.studentId], input.periodId)).get(input.studentId);
  if (!pupilClass) throw new DomainError("reportCards.errors.unknownPeriod");
  const key = {
    assignmentId: input.assignmentId,
    periodId: input.periodId,
    studentId: input.studentId,
  };
  return db.transaction(async (tx) => {
    if ((await lockStatus(tx, pupilClass.classId, input.periodId)) !== "draft") {
      throw new DomainError("reportCards.errors.locked");
    }
    const text = input.text.trim();
    const where = and(
      eq(subjectAppreciations.assignmentId, key.assignmentId),
      eq(subjectAppreciations.periodId, key.periodId),
      eq(subjectAppreciations.studentId, key.studentId),
    );
    if (!text) {
      await tx.delete(subjectAppreciations).where(where);
      return { text: "", updatedAt: null };
    }
    const [saved] = await tx
      .insert(subjectAppreciations)
      .values({ ...key, text, authorId: input.authorId })
      .onConflictDoUpdate({
        target: [subjectAppreciations.assignmentId, subjectAppreciations.periodId, subjectAppreciations.studentId],
        set: { text, authorId: input.authorId, updatedAt: new Date() },
      })
      .returning({ text: subjectAppreciations.text, updatedAt: subjectAppreciations.updatedAt });
    return saved;
  });
}

/**
 * The professeur principal's general appréciation of a pupil of their class, while the class's bulletins for the
 * period are a draft; an empty text removes it.
 */
export async function saveGeneralAppreciation(
  db: Db,
  input: { classId: string; periodId: string; studentId: string; text: string; authorId: string },
) {
  await classPeriod(db, input.classId, input.periodId);
  const [enrolled] = await db
    .select({ id: classEnrolments.studentId })
    .from(classEnrolments)
    .where(and(eq(classEnrolments.classId, input.classId), eq(classEnrolments.studentId, input.studentId)));
  if (!enrolled) throw new DomainError("reportCards.errors.notInClass");
  return db.transaction(async (tx) => {
    if ((await lockStatus(tx, input.classId, input.periodId)) !== "draft") {
      throw new DomainError("reportCards.errors.locked");
    }
    const text = input.text.trim();
    const where = and(eq(generalAppreciations.periodId, input.periodId), eq(generalAppreciations.studentId, input.studentId));
    if (!text) {
      await tx.delete(generalAppreciations).where(where);
      return { text: "", updatedAt: null };
    }
    const [saved] = await tx
      .insert(generalAppreciations)
      .values({ periodId: input.periodId, studentId: input.studentId, text, authorId: input.authorId })
      .onConflictDoUpdate({
        target: [generalAppreciations.periodId, generalAppreciations.studentId],
        set: { text, authorId: input.authorId, updatedAt: new Date() },
      })
      .returning({ text: generalAppreciations.text, updatedAt: generalAppreciations.updatedAt });
    return saved;
  });
}
