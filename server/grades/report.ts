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

/** The classes, groups and subjects of a pupil's own marks: whose marks the class statistics are computed over. */
function cohortOf(own: CohortMark[]) {
  return {
    classIds: new Set(own.flatMap((m) => (m.classId ? [m.classId] : []))),
    groupIds: new Set(own.flatMap((m) => (m.groupId ? [m.groupId] : []))),
    subjectIds: new Set(own.map((m) => m.subjectId)),
  };
}

/**
 * The marks of every pupil given the same published evaluations of a period as these pupils (same subjects, same
 * classes or groups): the base of the class statistics per evaluation and per subject. One query for all the pupils;
 * each pupil's share is picked by `inCohort`.
 */
async function cohortMarks(db: Db, periodId: string, own: CohortMark[]) {
  const { classIds, groupIds, subjectIds } = cohortOf(own);
  if (subjectIds.size === 0) return [] as CohortMark[];
  const targets = [
    ...(classIds.size ? [inArray(teachingAssignments.classId, [...classIds])] : []),
    ...(groupIds.size ? [inArray(teachingAssignments.groupId, [...groupIds])] : []),
  ];
  return db
    .select(markFields)
    .from(marks)
    .innerJoin(evaluations, eq(evaluations.id, marks.evaluationId))
    .innerJoin(teachingAssignments, eq(teachingAssignments.id, evaluations.assignmentId))
    .where(
      and(
        eq(evaluations.periodId, periodId),
        published,
        inArray(teachingAssignments.subjectId, [...subjectIds]),
        or(...targets),
      ),
    );
}

/** The cohort marks that concern one pupil: same subjects as theirs, in their classes or groups. */
function inCohort(cohort: CohortMark[], own: CohortMark[]): CohortMark[] {
  const { classIds, groupIds, subjectIds } = cohortOf(own);
  return cohort.filter(
    (m) =>
      subjectIds.has(m.subjectId) &&
      ((m.classId !== null && classIds.has(m.classId)) || (m.groupId !== null && groupIds.has(m.groupId))),
  );
}

/**
 * A pupil's relevé de notes for a period: published evaluations by subject with their mark and class statistics, the
 * pupil's subject averages with the class's, and the overall average weighted by subject coefficients.
 */
export async function studentReport(db: Db, studentId: string, periodId: string) {
  return (await studentReports(db, [studentId], periodId)).get(studentId)!;
}

export type StudentReport = Awaited<ReturnType<typeof studentReport>>;

/**
 * The relevés de notes of several pupils for a period (a class for its conseil de classe and bulletins), computed
 * exactly as one pupil's, in two queries whatever the number of pupils. Every pupil asked for is in the map.
 */
export async function studentReports(db: Db, studentIds: readonly string[], periodId: string) {
  const ownMarks = studentIds.length
    ? await db
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
        .where(and(inArray(marks.studentId, [...studentIds]), eq(evaluations.periodId, periodId), published))
        .orderBy(asc(subjects.name), asc(evaluations.givenOn))
    : [];
  const cohort = await cohortMarks(db, periodId, ownMarks);
  const ownByStudent = groupBy(ownMarks, (m) => m.studentId);
  return new Map(
    studentIds.map((studentId) => {
      const own = ownByStudent.get(studentId) ?? [];
      return [studentId, reportOf(own, inCohort(cohort, own))] as const;
    }),
  );
}

type OwnMark = CohortMark & {
  title: string;
  givenOn: string;
  comment: string | null;
  subject: string;
  subjectCoefficient: number;
};

/** One pupil's report from their own marks and the marks of their cohort. */
function reportOf(own: OwnMark[], cohort: CohortMark[]) {
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
