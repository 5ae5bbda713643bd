import { and, asc, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { evaluations, marks, subjects, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { averageStatistics, evaluationStatistics, type GradedMark, overallAverage, subjectAverage } from "./averages";

const published = isNotNull(evaluations.publishedAt);

const markFields = {
  evaluationId: evaluations.id,
  studentId: marks.studentId,
  subjectId: teachingAssignments.subjectId,
  classId: teachingAssignments.classId,
  groupId: teachingAssignments.groupId,
  outOf: evaluations.outOf,
  coefficient: evaluations.coefficient,
  kind: evaluations.kind,
  status: marks.status,
  value: marks.value,
};

/** One pupil's mark with what the averages need: its evaluation, subject, class or group. */
type CohortMark = GradedMark & { evaluationId: string; studentId: string; subjectId: string; classId: string | null; groupId: string | null };

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The marks of every pupil given the same published evaluations of a period as this pupil (same subjects, same
 * classes or groups): the base of the class statistics per evaluation and per subject.
 */
async function cohortMarks(db: Db, periodId: string, own: CohortMark[]) {
  const classIds = [...new Set(own.flatMap((m) => (m.classId ? [m.classId] : [])))];
  const groupIds = [...new Set(own.flatMap((m) => (m.groupId ? [m.groupId] : [])))];
  const subjectIds = [...new Set(own.map((m) => m.subjectId))];
  if (subjectIds.length === 0) return [] as CohortMark[];
  const targets = [
    ...(classIds.length ? [inArray(teachingAssignments.classId, classIds)] : []),
    ...(groupIds.length ? [inArray(teachingAssignments.groupId, groupIds)] : []),
  ];
  return db
    .select(markFields)
    .from(marks)
    .innerJoin(evaluations, eq(evaluations.id, marks.evaluationId))
    .innerJoin(teachingAssignments, eq(teachingAssignments.id, evaluations.assignmentId))
    .where(
      and(eq(evaluations.periodId, periodId), published, inArray(teachingAssignments.subjectId, subjectIds), or(...targets)),
    );
}

/**
 * A pupil's relevé de notes for a period: published evaluations by subject with their mark and class statistics, the
 * pupil's subject averages with the class's, and the overall average weighted by subject coefficients.
 */
export async function studentReport(db: Db, studentId: string, periodId: string) {
  const own = await db
    .select({
      ...markFields,
      title: evaluations.title,
      givenOn: evaluations.givenOn,
      comment: marks.comment,
      subject: subjects.name,
      subjectCoefficient: teachingAssignments.coefficient,
    })
    .from(marks)
    .innerJoin(evaluations, eq(evaluations.id, marks.evaluationId))
    .innerJoin(teachingAssignments, eq(teachingAssignments.id, evaluations.assignmentId))
    .innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
    .where(and(eq(marks.studentId, studentId), eq(evaluations.periodId, periodId), published))
    .orderBy(asc(subjects.name), asc(evaluations.givenOn));
  const cohort = await cohortMarks(db, periodId, own);
  const valuesByEvaluation = groupBy(
    cohort.filter((m) => m.value != null),
    (m) => m.evaluationId,
  );

  const subjectsReport = [...groupBy(own, (m) => m.subjectId).values()].map((rows) => {
    const cohortBySubject = groupBy(
      cohort.filter((m) => m.subjectId === rows[0].subjectId),
      (m) => m.studentId,
    );
    return {
      subjectId: rows[0].subjectId,
      subject: rows[0].subject,
      coefficient: Math.max(...rows.map((r) => r.subjectCoefficient)),
      average: subjectAverage(rows),
      classStatistics: averageStatistics([...cohortBySubject.values()].map(subjectAverage)),
      evaluations: rows.map((r) => ({
        id: r.evaluationId,
        title: r.title,
        givenOn: r.givenOn,
        outOf: r.outOf,
        coefficient: r.coefficient,
        kind: r.kind,
        status: r.status,
        value: r.value,
        comment: r.comment,
        statistics: evaluationStatistics((valuesByEvaluation.get(r.evaluationId) ?? []).map((m) => m.value!)),
      })),
    };
  });
  return { subjects: subjectsReport, overall: overallAverage(subjectsReport) };
}

/** The pupil's newest published marks, for their home (and their guardians'). */
export async function latestMarks(db: Db, studentId: string, limit = 5) {
  return db
    .select({
      evaluationId: evaluations.id,
      title: evaluations.title,
      subject: subjects.name,
      outOf: evaluations.outOf,
      status: marks.status,
      value: marks.value,
      publishedAt: evaluations.publishedAt,
    })
    .from(marks)
    .innerJoin(evaluations, eq(evaluations.id, marks.evaluationId))
    .innerJoin(teachingAssignments, eq(teachingAssignments.id, evaluations.assignmentId))
    .innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
    .where(and(eq(marks.studentId, studentId), published))
    .orderBy(desc(evaluations.publishedAt), asc(subjects.name))
    .limit(limit);
}
