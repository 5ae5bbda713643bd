import { and, eq, gt, lt } from "drizzle-orm";
import { absences, periods, schoolYears } from "@/drizzle/schema";
import { addDays, isoDate, schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { pupilAudiences } from "@/server/services/audiences";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { halfDayOf, lastDayOf, overlaps } from "./school-day";

/** How a pupil's attendance over a period adds up (see COUNTS.md). */
export interface AbsenceCounts {
  /** demi-journées d'absence */
  halfDays: number;
  justifiedHalfDays: number;
  unjustifiedHalfDays: number;
  lates: number;
}

export interface CountedAbsence {
  kind: "absence" | "late";
  status: "unjustified" | "pending" | "accepted" | "refused";
  startsAt: Date;
  endsAt: Date;
}

/** A lesson the pupil was expected at, laid on its day (from the timetable's occurrences). */
export interface ExpectedLesson {
  on: string;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
}

/**
 * Counts half-days missed: a half-day counts once when the pupil was absent from at least one of its lessons, and
 * it is justified only when every absence that made it count was accepted. Half-days without lessons for the pupil
 * (Wednesday afternoon, weekends, holidays, cancelled lessons) never count. Lates count one each, apart.
 */
export function countHalfDays(records: readonly CountedAbsence[], lessons: readonly ExpectedLesson[]): AbsenceCounts {
  const missed = new Map<string, boolean>();
  const periodsAbsent = records.filter((r) => r.kind === "absence");
  for (const lesson of lessons) {
    if (lesson.cancelled) continue;
    const span = { startsAt: schoolInstant(lesson.on, lesson.startsAt), endsAt: schoolInstant(lesson.on, lesson.endsAt) };
    const covering = periodsAbsent.filter((absence) => overlaps(absence, span));
    if (covering.length === 0) continue;
    const key = `${lesson.on}/${halfDayOf(lesson.startsAt)}`;
    const justified = covering.every((absence) => absence.status === "accepted");
    missed.set(key, (missed.get(key) ?? true) && justified);
  }
  const justifiedHalfDays = [...missed.values()].filter(Boolean).length;
  return {
    halfDays: missed.size,
    justifiedHalfDays,
    unjustifiedHalfDays: missed.size - justifiedHalfDays,
    lates: records.filter((r) => r.kind === "late").length,
  };
}

/**
 * A pupil's counts for a period (trimestre) of their establishment: what report cards print. Only the days the
 * pupil was absent are laid out from the timetable.
 */
export async function absenceCounts(db: Db, studentId: string, periodId: string): Promise<AbsenceCounts> {
  const [period] = await db
    .select({ startsOn: periods.startsOn, endsOn: periods.endsOn, establishmentId: schoolYears.establishmentId })
    .from(periods)
    .innerJoin(schoolYears, eq(schoolYears.id, periods.schoolYearId))
    .where(eq(periods.id, periodId));
  if (!period) return { halfDays: 0, justifiedHalfDays: 0, unjustifiedHalfDays: 0, lates: 0 };
  const records = await db
    .select({ kind: absences.kind, status: absences.status, startsAt: absences.startsAt, endsAt: absences.endsAt })
    .from(absences)
    .where(
      and(
        eq(absences.studentId, studentId),
        eq(absences.establishmentId, period.establishmentId),
        lt(absences.startsAt, schoolInstant(addDays(period.endsOn, 1), "00:00")),
        gt(absences.endsAt, schoolInstant(period.startsOn, "00:00")),
      ),
    );
  const absentDays = records.filter((r) => r.kind === "absence");
  if (absentDays.length === 0) return countHalfDays(records, []);
  const first = absentDays.map((r) => isoDate(r.startsAt)).reduce((a, b) => (a < b ? a : b));
  const last = absentDays.map((r) => lastDayOf(r.endsAt)).reduce((a, b) => (a > b ? a : b));
  const from = first < period.startsOn ? period.startsOn : first;
  const to = last > period.endsOn ? period.endsOn : last;
  const audiences = await pupilAudiences(db, period.establishmentId, [studentId]);
  const occurrences = await occurrencesBetween(db, { establishmentId: period.establishmentId, ...audiences }, from, to);
  return countHalfDays(
    records,
    occurrences.map((o) => ({ on: o.on, startsAt: o.startsAt, endsAt: o.endsAt, cancelled: o.change?.cancelled ?? false })),
  );
}
