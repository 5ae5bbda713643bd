import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import {
  classEnrolments,
  classes,
  classReportCards,
  generalAppreciations,
  groupMemberships,
  periods,
  schoolYears,
  subjectAppreciations,
  teachingAssignments,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { ReportCardStatus } from "./status";

/**
 * Direction's follow-up of a period's bulletins: every class of the establishment with its status and how far the
 * appréciations are written (subject appréciations written out of one per pupil and teaching assignment, general
 * appréciations out of one per pupil), so that it validates when the conseils de classe are done.
 */
export async function classesOverview(db: Db, establishmentId: string, periodId: string) {
  const [period] = await db
    .select({ schoolYearId: periods.schoolYearId })
    .from(periods)
    .innerJoin(schoolYears, eq(schoolYears.id, periods.schoolYearId))
    .where(and(eq(periods.id, periodId), eq(schoolYears.establishmentId, establishmentId)));
  if (!period) throw new DomainError("reportCards.errors.unknownPeriod");
  const rows = await db
    .select({
      id: classes.id,
      name: classes.name,
      status: sql<ReportCardStatus>`coalesce(${classReportCards.status}, 'draft')`,
      publishedAt: classReportCards.publishedAt,
    })
    .from(classes)
    .leftJoin(classReportCards, and(eq(classReportCards.classId, classes.id), eq(classReportCards.periodId, periodId)))
    .where(and(eq(classes.establishmentId, establishmentId), eq(classes.schoolYearId, period.schoolYearId)))
    // 6e before 3e, as schools list their classes.
    .orderBy(desc(classes.level), asc(classes.name));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [pupils, byClass, byGroup, written, general] = await Promise.all(countsPerClass(db, ids, periodId));
  return rows.map((row) => ({
    ...row,
    pupils: pupils.get(row.id) ?? 0,
    subjectAppreciations: {
      written: written.get(row.id) ?? 0,
      expected: (byClass.get(row.id) ?? 0) + (byGroup.get(row.id) ?? 0),
    },
    generalAppreciations: { written: general.get(row.id) ?? 0, expected: pupils.get(row.id) ?? 0 },
  }));
}

/** Per class: pupils, (pupil, class assignment) and (pupil, group assignment) pairs, appréciations written. */
function countsPerClass(db: Db, classIds: string[], periodId: string) {
  const perClass = async (query: Promise<{ classId: string; n: number }[]>) =>
    new Map((await query).map((r) => [r.classId, r.n]));
  const enrolled = inArray(classEnrolments.classId, classIds);
  const fields = { classId: classEnrolments.classId, n: count() };
  return [
    perClass(db.select(fields).from(classEnrolments).where(enrolled).groupBy(classEnrolments.classId)),
    perClass(
      db
        .select(fields)
        .from(classEnrolments)
        .innerJoin(teachingAssignments, eq(teachingAssignments.classId, classEnrolments.classId))
        .where(enrolled)
        .groupBy(classEnrolments.classId),
    ),
    perClass(
      db
        .select(fields)
        .from(classEnrolments)
        .innerJoin(groupMemberships, eq(groupMemberships.studentId, classEnrolments.studentId))
        .innerJoin(teachingAssignments, eq(teachingAssignments.groupId, groupMemberships.groupId))
        .where(enrolled)
        .groupBy(classEnrolments.classId),
    ),
    perClass(
      db
        .select(fields)
        .from(subjectAppreciations)
        .innerJoin(classEnrolments, eq(classEnrolments.studentId, subjectAppreciations.studentId))
        .where(and(enrolled, eq(subjectAppreciations.periodId, periodId)))
        .groupBy(classEnrolments.classId),
    ),
    perClass(
      db
        .select(fields)
        .from(generalAppreciations)
        .innerJoin(classEnrolments, eq(classEnrolments.studentId, generalAppreciations.studentId))
        .where(and(enrolled, eq(generalAppreciations.periodId, periodId)))
        .groupBy(classEnrolments.classId),
    ),
  ] as const;
}
