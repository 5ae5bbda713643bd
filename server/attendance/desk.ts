import { and, asc, eq, gt, gte, isNotNull, isNull, lt, lte } from "drizzle-orm";
import { absences, classes, people, teachingGroups } from "@/drizzle/schema";
import { isoDate, schoolInstant } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";
import type { Db } from "@/server/db";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { occurrenceSpan } from "./roll-call-window";
import { type HalfDayPoint, halfDaySpan } from "./school-day";
import { pupilColumns, pupilOfAbsence } from "./pupil-columns";
import { takenRollCalls } from "./teacher-lessons";

type Reason = (typeof absences.$inferSelect)["reason"];

export interface RecordedBy {
  establishmentId: string;
  studentId: string;
  recordedBy: string;
  /** known at once (a family phoned): the absence is recorded as justified */
  reason?: NonNullable<Reason> | null;
  comment?: string | null;
}

function statusFor(reason: Reason | undefined) {
  return reason ? { status: "accepted" as const, reason } : { status: "unjustified" as const, reason: null };
}

/**
 * Vie scolaire records an absence over half-days (a morning, a whole day, several days). The teachers' roll-call
 * absences of that pupil within the span that nobody justified yet are absorbed: the period's absence replaces them,
 * so the family justifies once. Another absence recorded by vie scolaire over the same time is refused.
 */
export async function recordAbsence(db: Db, entry: RecordedBy & { from: HalfDayPoint; to: HalfDayPoint }) {
  const span = halfDaySpan(entry.from, entry.to);
  return db.transaction(async (tx) => {
    const clash = await tx
      .select({ id: absences.id })
      .from(absences)
      .where(
        and(
          eq(absences.studentId, entry.studentId),
          eq(absences.kind, "absence"),
          isNull(absences.lessonId),
          lt(absences.startsAt, span.endsAt),
          gt(absences.endsAt, span.startsAt),
        ),
      )
      .limit(1);
    if (clash.length) throw new DomainError("attendance.errors.overlaps");
    await tx
      .delete(absences)
      .where(
        and(
          eq(absences.studentId, entry.studentId),
          eq(absences.kind, "absence"),
          isNotNull(absences.lessonId),
          eq(absences.status, "unjustified"),
          gte(absences.startsAt, span.startsAt),
          lte(absences.endsAt, span.endsAt),
        ),
      );
    const [row] = await tx
      .insert(absences)
      .values({
        establishmentId: entry.establishmentId,
        studentId: entry.studentId,
        kind: "absence",
        ...span,
        ...statusFor(entry.reason),
        staffComment: entry.comment?.trim() || null,
        recordedBy: entry.recordedBy,
      })
      .returning({ id: absences.id });
    return row.id;
  });
}

/** A late arrival at the gate: the pupil came in at `arrivedAt`, `minutesLate` after the bell. */
export async function recordLate(db: Db, entry: RecordedBy & { day: string; arrivedAt: string; minutesLate: number }) {
  const endsAt = schoolInstant(entry.day, entry.arrivedAt);
  const startsAt = new Date(endsAt.getTime() - entry.minutesLate * 60_000);
  const clash = await db
    .select({ id: absences.id })
    .from(absences)
    .where(and(eq(absences.studentId, entry.studentId), lt(absences.startsAt, endsAt), gt(absences.endsAt, startsAt)))
    .limit(1);
  if (clash.length) throw new DomainError("attendance.errors.alreadyRecorded");
  const [row] = await db
    .insert(absences)
    .values({
      establishmentId: entry.establishmentId,
      studentId: entry.studentId,
      kind: "late",
      startsAt,
      endsAt,
      minutesLate: entry.minutesLate,
      ...statusFor(entry.reason),
      staffComment: entry.comment?.trim() || null,
      recordedBy: entry.recordedBy,
    })
    .returning({ id: absences.id });
  return row.id;
}

/**
 * "Who is missing right now": the pupils whose absence covers this moment, and today's lessons that have begun
 * without a roll call (appels non faits), those still going on first.
 */
export async function missingNow(db: Db, establishmentId: string, now = new Date()) {
  const today = isoDate(now);
  const [absent, classRows, groupRows] = await Promise.all([
    db
      .select({ id: absences.id, ...pupilColumns, startsAt: absences.startsAt, endsAt: absences.endsAt, status: absences.status })
      .from(absences)
      .innerJoin(people, pupilOfAbsence)
      .where(
        and(
          eq(absences.establishmentId, establishmentId),
          eq(absences.kind, "absence"),
          lte(absences.startsAt, now),
          gt(absences.endsAt, now),
        ),
      )
      .orderBy(asc(people.lastName), asc(people.firstName)),
    db.select({ id: classes.id }).from(classes).where(eq(classes.establishmentId, establishmentId)),
    db.select({ id: teachingGroups.id }).from(teachingGroups).where(eq(teachingGroups.establishmentId, establishmentId)),
  ]);
  const occurrences = await occurrencesBetween(
    db,
    { establishmentId, classIds: classRows.map((r) => r.id), groupIds: groupRows.map((r) => r.id) },
    today,
    today,
  );
  const begun = occurrences.filter(
    (o) => o.on === today && !o.change?.cancelled && occurrenceSpan(o).startsAt <= now,
  );
  const taken = await takenRollCalls(db, begun);
  const rollCallsMissing = begun
    .filter((o) => !taken.has(`${o.lessonId}/${o.plannedOn}`))
    .map((occurrence) => ({ occurrence, inProgress: now < occurrenceSpan(occurrence).endsAt }))
    .sort((a, b) => Number(b.inProgress) - Number(a.inProgress) || a.occurrence.startsAt.localeCompare(b.occurrence.startsAt));
  return { absent, rollCallsMissing };
}
