import { and, eq, gte } from "drizzle-orm";
import { absences, homework, lessonChanges, lessonLogs, rollCalls, virtualClasses } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { occurrencesBetween } from "./occurrences";

/**
 * What belongs to a lesson's occurrences from `day` on (one-day changes, cahier de textes, homework given, roll calls
 * and the absences they recorded, remote lessons) passes to the lesson that takes over from that day: a weekly lesson
 * edited once it has begun is ended the day before and continued by a new one, so that its past stays as it was.
 */
export async function carryOccurrencesOver(tx: Db, from: { lessonId: string; day: string }, toLessonId: string): Promise<void> {
  const { lessonId, day } = from;
  const to = { lessonId: toLessonId };
  await Promise.all([
    tx.update(lessonChanges).set(to).where(and(eq(lessonChanges.lessonId, lessonId), gte(lessonChanges.onDate, day))),
    tx.update(lessonLogs).set(to).where(and(eq(lessonLogs.lessonId, lessonId), gte(lessonLogs.onDate, day))),
    tx.update(homework).set(to).where(and(eq(homework.lessonId, lessonId), gte(homework.givenOn, day))),
    tx.update(rollCalls).set(to).where(and(eq(rollCalls.lessonId, lessonId), gte(rollCalls.onDate, day))),
    tx.update(absences).set(to).where(and(eq(absences.lessonId, lessonId), gte(absences.lessonDate, day))),
    tx.update(virtualClasses).set(to).where(and(eq(virtualClasses.lessonId, lessonId), gte(virtualClasses.plannedOn, day))),
  ]);
}

/**
 * Refuses a weekly lesson whose one-day changes from `day` on would no longer fall on one of its occurrences (a
 * cancellation or a move families were told of, left on a day the lesson is no longer taught): they must be undone
 * first, so that what families were told and what the timetable shows stay the same.
 */
export async function assertChangesStillApply(tx: Db, establishmentId: string, lessonId: string, day: string): Promise<void> {
  const changes = await tx
    .select({ onDate: lessonChanges.onDate })
    .from(lessonChanges)
    .where(and(eq(lessonChanges.lessonId, lessonId), gte(lessonChanges.onDate, day)));
  if (changes.length === 0) return;
  const days = changes.map((change) => change.onDate).sort();
  // a change may move an occurrence up to a school year away: look that far on either side
  const planned = await occurrencesBetween(tx, { establishmentId, lessonIds: [lessonId] }, addDays(days[0], -366), addDays(days.at(-1)!, 366));
  const plannedOn = new Set(planned.map((occurrence) => occurrence.plannedOn));
  if (!days.every((onDate) => plannedOn.has(onDate))) throw new DomainError("timetable.errors.changesLeftBehind");
}
