import { and, asc, desc, eq, gt, inArray, lt } from "drizzle-orm";
import { absences, lessons, people, periods, schoolYears, subjects } from "@/drizzle/schema";
import { addDays, schoolInstant } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";
import type { Db } from "@/server/db";
import { currentSchoolYear } from "@/server/services/school-year";
import { absenceCounts } from "./counts";
import { latestJustifications } from "./justifications-read";

/** The period asked for, if it is one of the establishment's; else the current one (or the year's last). */
async function periodOf(db: Db, establishmentId: string, periodId: string | undefined) {
  if (periodId) {
    const [period] = await db
      .select({ id: periods.id, startsOn: periods.startsOn, endsOn: periods.endsOn })
      .from(periods)
      .innerJoin(schoolYears, eq(schoolYears.id, periods.schoolYearId))
      .where(and(eq(periods.id, periodId), eq(schoolYears.establishmentId, establishmentId)));
    if (!period) throw new DomainError("attendance.errors.unknownPeriod");
    return period;
  }
  const year = await currentSchoolYear(db, establishmentId);
  return year?.current ?? year?.periods.at(-1) ?? null;
}

/**
 * A pupil's absences and lates over a period, the latest first, each with where it comes from and its latest
 * justification, and the period's counts. `viewerId` tells which documents the viewer sent (and may download).
 */
export async function pupilAbsences(db: Db, establishmentId: string, studentId: string, periodId: string | undefined, viewerId: string) {
  const period = await periodOf(db, establishmentId, periodId);
  if (!period) return null;
  const rows = await db
    .select({
      id: absences.id,
      kind: absences.kind,
      startsAt: absences.startsAt,
      endsAt: absences.endsAt,
      minutesLate: absences.minutesLate,
      status: absences.status,
      reason: absences.reason,
      staffComment: absences.staffComment,
      subject: subjects.name,
    })
    .from(absences)
    .leftJoin(lessons, eq(lessons.id, absences.lessonId))
    .leftJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(
      and(
        eq(absences.studentId, studentId),
        eq(absences.establishmentId, establishmentId),
        lt(absences.startsAt, schoolInstant(addDays(period.endsOn, 1), "00:00")),
        gt(absences.endsAt, schoolInstant(period.startsOn, "00:00")),
      ),
    )
    .orderBy(desc(absences.startsAt));
  const [justifications, counts] = await Promise.all([
    latestJustifications(db, rows.map((row) => row.id)),
    absenceCounts(db, studentId, period.id),
  ]);
  return {
    periodId: period.id,
    counts,
    absences: rows.map((row) => {
      const justification = justifications.get(row.id);
      return {
        ...row,
        justification: justification
          ? {
              id: justification.id,
              reason: justification.reason,
              comment: justification.comment,
              submittedAt: justification.submittedAt,
              submitterName: justification.submitterName,
              decision: justification.decision,
              decisionComment: justification.decisionComment,
              documentName: justification.documentName,
              /** the document can be downloaded by the guardian who sent it (and vie scolaire, elsewhere) */
              documentIsMine: justification.documentName !== null && justification.submittedBy === viewerId,
            }
          : null,
      };
    }),
  };
}

/** For the home page: the absences and lates of a guardian's children still to justify (or refused), latest first. */
export async function absencesToJustify(db: Db, establishmentId: string, guardianChildIds: Iterable<string>) {
  const childIds = [...guardianChildIds];
  if (childIds.length === 0) return [];
  return db
    .select({
      id: absences.id,
      studentId: absences.studentId,
      firstName: people.firstName,
      kind: absences.kind,
      startsAt: absences.startsAt,
      endsAt: absences.endsAt,
      minutesLate: absences.minutesLate,
      status: absences.status,
    })
    .from(absences)
    .innerJoin(people, eq(people.id, absences.studentId))
    .where(
      and(
        eq(absences.establishmentId, establishmentId),
        inArray(absences.studentId, childIds),
        inArray(absences.status, ["unjustified", "refused"]),
      ),
    )
    .orderBy(desc(absences.startsAt), asc(people.firstName))
    .limit(50);
}
