import { and, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import {
  evaluations,
  marks,
  periods,
  schoolYears,
  teachingAssignments,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { namedAssignment } from "@/server/services/assignments";

export interface EvaluationInput {
  periodId: string;
  title: string;
  givenOn: string;
  outOf: number;
  coefficient: number;
  kind: "normal" | "optional" | "bonus";
}

/** An assignment's evaluations, newest first, with how many marks were entered. */
export async function assignmentEvaluations(db: Db, assignmentId: string) {
  const assignment = await namedAssignment(db, assignmentId);
  const rows = await db
    .select({
      id: evaluations.id,
      title: evaluations.title,
      givenOn: evaluations.givenOn,
      outOf: evaluations.outOf,
      coefficient: evaluations.coefficient,
      kind: evaluations.kind,
      periodId: evaluations.periodId,
      publishedAt: evaluations.publishedAt,
      marksEntered: count(marks.studentId),
    })
    .from(evaluations)
    .leftJoin(marks, eq(marks.evaluationId, evaluations.id))
    .where(eq(evaluations.assignmentId, assignmentId))
    .groupBy(evaluations.id)
    .orderBy(desc(evaluations.givenOn), desc(evaluations.createdAt));
  return { assignment, evaluations: rows };
}

async function periodOfEstablishment(db: Db, periodId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: periods.id })
    .from(periods)
    .innerJoin(schoolYears, eq(schoolYears.id, periods.schoolYearId))
    .where(and(eq(periods.id, periodId), eq(schoolYears.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

/** Gives a new evaluation, as a draft, through the teacher's assignment. */
export async function createEvaluation(db: Db, assignmentId: string, input: EvaluationInput) {
  const [assignment] = await db.select().from(teachingAssignments).where(eq(teachingAssignments.id, assignmentId));
  if (!(await periodOfEstablishment(db, input.periodId, assignment.establishmentId))) {
    throw new DomainError("grades.errors.unknownPeriod");
  }
  const [created] = await db
    .insert(evaluations)
    .values({
      ...input,
      establishmentId: assignment.establishmentId,
      assignmentId,
    })
    .returning({ id: evaluations.id });
  return created;
}

/** Changes an evaluation; its barème cannot go below a mark already given. */
export async function updateEvaluation(db: Db, evaluationId: string, input: EvaluationInput) {
  const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
  if (!(await periodOfEstablishment(db, input.periodId, evaluation.establishmentId))) {
    throw new DomainError("grades.errors.unknownPeriod");
  }
  const [highest] = await db
    .select({ value: marks.value })
    .from(marks)
    .where(and(eq(marks.evaluationId, evaluationId), isNotNull(marks.value)))
    .orderBy(desc(marks.value))
    .limit(1);
  if (highest?.value != null && highest.value > input.outOf) throw new DomainError("grades.errors.outOfBelowMarks");
  await db.update(evaluations).set(input).where(eq(evaluations.id, evaluationId));
}

/** Only a draft can be deleted: once published, pupils and families have seen it. */
export async function deleteDraftEvaluation(db: Db, evaluationId: string) {
  const deleted = await db
    .delete(evaluations)
    .where(and(eq(evaluations.id, evaluationId), isNull(evaluations.publishedAt)))
    .returning({ id: evaluations.id });
  if (deleted.length === 0) throw new DomainError("grades.errors.publishedCannotBeDeleted");
}
