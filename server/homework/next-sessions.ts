import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { type Occurrence, occurrencesBetween } from "@/server/timetable/occurrences";

/** How far ahead the next sessions are looked for: past the longest school holidays (two weeks). */
const LOOK_AHEAD_DAYS = 35;

export interface Session {
  /** the day it takes place: a homework's due date */
  on: string;
  startsAt: string;
  lessonId: string;
  plannedOn: string;
}

/**
 * The next lessons of the same subject to the same class or group after an occurrence, not cancelled, one per day:
 * the due dates a teacher usually picks ("pour la prochaine séance" is the first).
 */
export async function nextSessions(db: Db, establishmentId: string, occurrence: Occurrence, count = 4): Promise<Session[]> {
  const audience =
    occurrence.audience.kind === "class" ? { classIds: [occurrence.audience.id] } : { groupIds: [occurrence.audience.id] };
  const found = await occurrencesBetween(
    db,
    { establishmentId, ...audience },
    addDays(occurrence.on, 1),
    addDays(occurrence.on, LOOK_AHEAD_DAYS),
  );
  const sessions: Session[] = [];
  for (const next of found) {
    if (next.subject.id !== occurrence.subject.id || next.change?.cancelled) continue;
    if (sessions.some((s) => s.on === next.on)) continue;
    sessions.push({ on: next.on, startsAt: next.startsAt, lessonId: next.lessonId, plannedOn: next.plannedOn });
    if (sessions.length === count) break;
  }
  return sessions;
}
