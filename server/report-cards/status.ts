import { and, eq, inArray, sql } from "drizzle-orm";
import { classEnrolments, classes, classReportCards, periods, people, reportCardStatus } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { personName } from "./names";

/**
 * Where a class's bulletins for a period stand: draft (being written; no row yet is a draft), validated by direction
 * (appréciations locked; direction may reopen) or published (frozen for families, for good).
 */
export type ReportCardStatus = (typeof reportCardStatus.enumValues)[number];

/** A class's status for a period, with who validated and published it. */
export async function classStatus(db: Db, classId: string, periodId: string) {
  const [row] = await db
    .select({
      status: classReportCards.status,
      validatedAt: classReportCards.validatedAt,
      validatorFirstName: people.firstName,
      validatorLastName: people.lastName,
      publishedAt: classReportCards.publishedAt,
    })
    .from(classReportCards)
    .leftJoin(people, eq(people.id, classReportCards.validatedBy))
    .where(and(eq(classReportCards.classId, classId), eq(classReportCards.periodId, periodId)));
  if (!row) return { status: "draft" as const, validatedAt: null, validatedBy: null, publishedAt: null };
  const { validatorFirstName, validatorLastName, ...status } = row;
  return { ...status, validatedBy: validatorLastName ? personName({ firstName: validatorFirstName!, lastName: validatorLastName }) : null };
}

/**
 * The class's status, locked until the end of the transaction: a validation waits for an appréciation being saved,
 * and the other way round, so that no appréciation slips in after the direction validated.
 */
export async function lockStatus(tx: Db, classId: string, periodId: string): Promise<ReportCardStatus> {
  await tx.insert(classReportCards).values({ classId, periodId }).onConflictDoNothing();
  const [row] = await tx
    .select({ status: classReportCards.status })
    .from(classReportCards)
    .where(and(eq(classReportCards.classId, classId), eq(classReportCards.periodId, periodId)))
    .for("update");
  return row.status;
}

/** The class of each pupil in the period's school year (a pupil has one class a year), and its bulletins' status. */
export async function pupilClasses(db: Db, studentIds: readonly string[], periodId: string) {
  if (studentIds.length === 0) return new Map<string, { classId: string; className: string; status: ReportCardStatus }>();
  const rows = await db
    .select({
      studentId: classEnrolments.studentId,
      classId: classes.id,
      className: classes.name,
      status: sql<ReportCardStatus>`coalesce(${classReportCards.status}, 'draft')`,
    })
    .from(classEnrolments)
    .innerJoin(classes, eq(classes.id, classEnrolments.classId))
    .innerJoin(periods, and(eq(periods.schoolYearId, classes.schoolYearId), eq(periods.id, periodId)))
    .leftJoin(
      classReportCards,
      and(eq(classReportCards.classId, classes.id), eq(classReportCards.periodId, periodId)),
    )
    .where(inArray(classEnrolments.studentId, [...studentIds]));
  return new Map(rows.map(({ studentId, ...row }) => [studentId, row]));
}

/** Direction validates: every appréciation of the class for the period is locked. Validating twice changes nothing. */
export async function validateClass(db: Db, classId: string, periodId: string, actorId: string) {
  return db.transaction(async (tx) => {
    const status = await lockStatus(tx, classId, periodId);
    if (status === "published") throw new DomainError("reportCards.errors.alreadyPublished");
    if (status === "draft") {
      await tx
        .update(classReportCards)
        .set({ status: "validated", validatedBy: actorId, validatedAt: new Date() })
        .where(and(eq(classReportCards.classId, classId), eq(classReportCards.periodId, periodId)));
    }
    return { status: "validated" as const };
  });
}

/** Direction reopens validated bulletins for corrections; once published they cannot be reopened. */
export async function reopenClass(db: Db, classId: string, periodId: string) {
  return db.transaction(async (tx) => {
    const status = await lockStatus(tx, classId, periodId);
    if (status === "published") throw new DomainError("reportCards.errors.alreadyPublished");
    await tx
      .update(classReportCards)
      .set({ status: "draft", validatedBy: null, validatedAt: null })
      .where(and(eq(classReportCards.classId, classId), eq(classReportCards.periodId, periodId)));
    return { status: "draft" as const };
  });
}
