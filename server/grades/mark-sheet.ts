import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { classEnrolments, evaluations, groupMemberships, marks, people, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { evaluationStatistics } from "./averages";
import { DomainError } from "@/server/domain-error";

export type MarkEntry =
  | { studentId: string; status: "graded"; value: number; comment?: string | null }
  | { studentId: string; status: "absent" | "exempted" | "not_handed_in" | "not_graded"; comment?: string | null };

/**
 * The pupils an evaluation is for: those now in its class or group, and those who already have a mark in it (a
 * pupil who changed group keeps the marks they were given).
 */
async function rosterIds(db: Db, evaluation: { id: string; assignmentId: string }) {
  const [target] = await db
    .select({ classId: teachingAssignments.classId, groupId: teachingAssignments.groupId })
    .from(teachingAssignments)
    .where(eq(teachingAssignments.id, evaluation.assignmentId));
  const current = target.classId
    ? await db
        .select({ id: classEnrolments.studentId })
        .from(classEnrolments)
        .where(eq(classEnrolments.classId, target.classId))
    : await db
        .select({ id: groupMemberships.studentId })
        .from(groupMemberships)
        .where(eq(groupMemberships.groupId, target.groupId!));
  const marked = await db.select({ id: marks.studentId }).from(marks).where(eq(marks.evaluationId, evaluation.id));
  return new Set([...current, ...marked].map((r) => r.id));
}

/** The teacher's grid: the evaluation, every pupil with their mark (if any), and the class statistics. */
export async function markSheet(db: Db, evaluationId: string) {
  const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
  const ids = [...(await rosterIds(db, evaluation))];
  const pupils = ids.length
    ? await db
        .select({
          id: people.id,
          firstName: people.firstName,
          lastName: people.lastName,
          status: marks.status,
          value: marks.value,
          comment: marks.comment,
        })
        .from(people)
        .leftJoin(marks, and(eq(marks.studentId, people.id), eq(marks.evaluationId, evaluationId)))
        .where(inArray(people.id, ids))
        .orderBy(asc(people.lastName), asc(people.firstName))
    : [];
  const values = pupils.flatMap((p) => (p.value != null ? [p.value] : []));
  return { evaluation, pupils, statistics: evaluationStatistics(values) };
}

/** Class average, min and max of an evaluation, from its marks alone (what the grid refreshes after each save). */
export async function markStatistics(db: Db, evaluationId: string) {
  const rows = await db
    .select({ value: marks.value })
    .from(marks)
    .where(and(eq(marks.evaluationId, evaluationId), isNotNull(marks.value)));
  return evaluationStatistics(rows.map((r) => r.value!));
}

/**
 * Saves marks (the grid autosaves cell by cell). Every pupil must belong to the evaluation and every value fit its
 * barème; otherwise nothing is written. Returns the pupils whose published mark changed, for the event.
 */
export async function saveMarks(db: Db, evaluationId: string, authorId: string, entries: MarkEntry[]) {
  const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
  const roster = await rosterIds(db, evaluation);
  for (const entry of entries) {
    if (!roster.has(entry.studentId)) throw new DomainError("grades.errors.notInEvaluation");
    if (entry.status === "graded" && entry.value > evaluation.outOf) throw new DomainError("grades.errors.aboveOutOf");
  }
  if (entries.length === 0) return { evaluation, changed: [] as string[] };
  await db
    .insert(marks)
    .values(
      entries.map((entry) => ({
        evaluationId,
        studentId: entry.studentId,
        status: entry.status,
        value: entry.status === "graded" ? entry.value : null,
        comment: entry.comment?.trim() || null,
        updatedBy: authorId,
      })),
    )
    .onConflictDoUpdate({
      target: [marks.evaluationId, marks.studentId],
      set: {
        status: sql`excluded.status`,
        value: sql`excluded.value`,
        comment: sql`excluded.comment`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`now()`,
      },
    });
  return { evaluation, changed: evaluation.publishedAt ? entries.map((e) => e.studentId) : [] };
}

/** Publishes an evaluation: from now on its pupils and their guardians see it. Returns the pupils it concerns. */
export async function publishEvaluation(db: Db, evaluationId: string) {
  const published = await db
    .update(evaluations)
    .set({ publishedAt: new Date() })
    .where(and(eq(evaluations.id, evaluationId), isNull(evaluations.publishedAt)))
    .returning({ establishmentId: evaluations.establishmentId });
  if (published.length === 0) return null;
  const marked = await db.select({ id: marks.studentId }).from(marks).where(eq(marks.evaluationId, evaluationId));
  return { establishmentId: published[0].establishmentId, studentIds: marked.map((m) => m.id) };
}
