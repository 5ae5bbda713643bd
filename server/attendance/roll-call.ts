import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { absences, people, rollCalls } from "@/drizzle/schema";
import { DomainError } from "@/server/domain-error";
import type { Db } from "@/server/db";
import { audiencePupils } from "@/server/services/audiences";
import { type Occurrence, occurrenceOf } from "@/server/timetable/occurrences";
import { occurrenceSpan, rollCallWindow } from "./roll-call-window";

/** What the teacher says of a pupil; a pupil left out of a roll call was present. */
export type RollMark = { studentId: string; status: "present" | "absent" } | { studentId: string; status: "late"; minutesLate: number };

/** What the sheet shows of a pupil: the teacher's mark, or an absence vie scolaire already reported (signalée). */
export type SheetMark =
  | { status: "present" | "absent" }
  | { status: "late"; minutesLate: number }
  | { status: "reported"; kind: "absence" | "late" };

export interface OccurrenceRef {
  establishmentId: string;
  lessonId: string;
  plannedOn: string;
}

/** The occurrence, if its roll can be taken now: it exists, is not cancelled, has begun and is not too old. */
async function openOccurrence(db: Db, ref: OccurrenceRef, now: Date): Promise<Occurrence> {
  const occurrence = await occurrenceOf(db, ref.establishmentId, ref.lessonId, ref.plannedOn);
  if (!occurrence) throw new DomainError("attendance.errors.noSuchLesson");
  if (occurrence.change?.cancelled) throw new DomainError("attendance.errors.cancelled");
  const window = rollCallWindow(occurrence, now);
  if (window === "notYet") throw new DomainError("attendance.errors.notYet");
  if (window === "closed") throw new DomainError("attendance.errors.tooLate");
  return occurrence;
}

function rosterOf(db: Db, occurrence: Occurrence) {
  const { kind, id } = occurrence.audience;
  return audiencePupils(db, kind === "class" ? { classId: id } : { groupId: id });
}

/**
 * Absences vie scolaire recorded (not from a roll call) that overlap the lesson: those pupils are shown as reported
 * and the roll call records nothing more for them.
 */
async function reportedDuring(db: Db, occurrence: Occurrence, studentIds: string[]) {
  if (studentIds.length === 0) return new Map<string, "absence" | "late">();
  const span = occurrenceSpan(occurrence);
  const rows = await db
    .select({ studentId: absences.studentId, kind: absences.kind })
    .from(absences)
    .where(
      and(
        inArray(absences.studentId, studentIds),
        isNull(absences.lessonId),
        lt(absences.startsAt, span.endsAt),
        gt(absences.endsAt, span.startsAt),
      ),
    );
  const reported = new Map<string, "absence" | "late">();
  for (const row of rows) if (reported.get(row.studentId) !== "absence") reported.set(row.studentId, row.kind);
  return reported;
}

function recordedBy(db: Db, ref: OccurrenceRef) {
  return db
    .select({ id: absences.id, studentId: absences.studentId, kind: absences.kind, minutesLate: absences.minutesLate })
    .from(absences)
    .where(and(eq(absences.lessonId, ref.lessonId), eq(absences.lessonDate, ref.plannedOn)));
}

/** The roll call sheet: the lesson, whether and when its roll was taken, and every pupil with their mark. */
export async function rollCallSheet(db: Db, ref: OccurrenceRef, now = new Date()) {
  const occurrence = await openOccurrence(db, ref, now);
  const pupils = await rosterOf(db, occurrence);
  const [reported, recorded, [taken]] = await Promise.all([
    reportedDuring(db, occurrence, pupils.map((p) => p.id)),
    recordedBy(db, ref),
    db
      .select({ at: rollCalls.takenAt, firstName: people.firstName, lastName: people.lastName })
      .from(rollCalls)
      .leftJoin(people, eq(people.id, rollCalls.takenBy))
      .where(and(eq(rollCalls.lessonId, ref.lessonId), eq(rollCalls.onDate, ref.plannedOn))),
  ]);
  const markOf = new Map(recorded.map((r) => [r.studentId, r]));
  return {
    occurrence,
    taken: taken ? { at: taken.at, by: taken.firstName ? `${taken.firstName} ${taken.lastName}` : null } : null,
    pupils: pupils.map((pupil) => {
      const kind = reported.get(pupil.id);
      const row = markOf.get(pupil.id);
      const mark: SheetMark = kind
        ? { status: "reported", kind }
        : !row
          ? { status: "present" }
          : row.kind === "late"
            ? { status: "late", minutesLate: row.minutesLate ?? 0 }
            : { status: "absent" };
      return { ...pupil, mark };
    }),
  };
}

export interface NewAbsence {
  id: string;
  studentId: string;
  kind: "absence" | "late";
}

/**
 * Saves a roll call: records that it was taken, then makes the occurrence's absences match the marks — a new
 * absence or late is created, one the teacher took back is removed, a changed number of minutes is updated. Saving
 * the same marks again changes nothing. Returns the absences and lates that are new, for the event.
 */
export async function saveRollCall(db: Db, ref: OccurrenceRef, takenBy: string, marks: RollMark[], now = new Date()) {
  const occurrence = await openOccurrence(db, ref, now);
  const pupils = await rosterOf(db, occurrence);
  const roster = new Set(pupils.map((p) => p.id));
  for (const mark of marks) if (!roster.has(mark.studentId)) throw new DomainError("attendance.errors.notInLesson");
  const wanted = new Map(marks.map((mark) => [mark.studentId, mark]));
  const span = occurrenceSpan(occurrence);

  return db.transaction(async (tx) => {
    // Taking the occurrence's roll_calls row first serialises two saves of the same roll (a double tap): the second
    // waits for the first to commit, then reads the absences it wrote.
    await tx
      .insert(rollCalls)
      .values({ lessonId: ref.lessonId, onDate: ref.plannedOn, takenBy, takenAt: now })
      .onConflictDoUpdate({ target: [rollCalls.lessonId, rollCalls.onDate], set: { takenBy, takenAt: sql`excluded.taken_at` } });
    const [reported, recorded] = await Promise.all([reportedDuring(tx, occurrence, [...roster]), recordedBy(tx, ref)]);
    const existing = new Map(recorded.map((row) => [row.studentId, row]));
    const created: NewAbsence[] = [];
    const removed: string[] = [];

    for (const studentId of roster) {
      if (reported.has(studentId)) continue;
      const mark = wanted.get(studentId) ?? { studentId, status: "present" as const };
      const row = existing.get(studentId);
      const kind = mark.status === "absent" ? "absence" : mark.status === "late" ? "late" : null;
      if (row && row.kind !== kind) removed.push(row.id);
      if (!kind) continue;
      const minutesLate = mark.status === "late" ? mark.minutesLate : null;
      const endsAt = minutesLate ? new Date(span.startsAt.getTime() + minutesLate * 60_000) : span.endsAt;
      if (row && row.kind === kind) {
        if (row.minutesLate !== minutesLate) await tx.update(absences).set({ minutesLate, endsAt }).where(eq(absences.id, row.id));
        continue;
      }
      const [inserted] = await tx
        .insert(absences)
        .values({
          establishmentId: ref.establishmentId,
          studentId,
          kind,
          startsAt: span.startsAt,
          endsAt,
          minutesLate,
          lessonId: ref.lessonId,
          lessonDate: ref.plannedOn,
          recordedBy: takenBy,
          recordedAt: now,
        })
        .returning({ id: absences.id });
      created.push({ id: inserted.id, studentId, kind });
    }
    if (removed.length) await tx.delete(absences).where(inArray(absences.id, removed));
    return { created, removed: removed.length };
  });
}
