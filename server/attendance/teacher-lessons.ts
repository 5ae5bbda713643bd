import { and, inArray } from "drizzle-orm";
import { rollCalls } from "@/drizzle/schema";
import { addDays, isoDate } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import type { Scope } from "@/server/policy/scope";
import { type Occurrence, occurrencesBetween } from "@/server/timetable/occurrences";
import { ROLL_CALL_CORRECTION_DAYS, type RollCallWindow, rollCallWindow } from "./roll-call-window";

export interface RollCallLesson {
  occurrence: Occurrence;
  taken: boolean;
  window: RollCallWindow;
  /** given by a colleague that day: their roll call, not this teacher's */
  replaced: boolean;
}

/** The roll calls already taken among these occurrences, as "lessonId/plannedOn". */
export async function takenRollCalls(db: Db, occurrences: readonly Occurrence[]): Promise<Set<string>> {
  if (occurrences.length === 0) return new Set();
  const rows = await db
    .select({ lessonId: rollCalls.lessonId, onDate: rollCalls.onDate })
    .from(rollCalls)
    .where(
      and(
        inArray(rollCalls.lessonId, [...new Set(occurrences.map((o) => o.lessonId))]),
        inArray(rollCalls.onDate, [...new Set(occurrences.map((o) => o.plannedOn))]),
      ),
    );
  return new Set(rows.map((row) => `${row.lessonId}/${row.onDate}`));
}

/** A teacher's lessons between two days, their own and those they replace a colleague in, with their roll state. */
async function rollCallLessons(db: Db, scope: Scope, from: string, to: string, now: Date): Promise<RollCallLesson[]> {
  const occurrences = await occurrencesBetween(
    db,
    { establishmentId: scope.establishmentId, teacherIds: [scope.personId] },
    from,
    to,
  );
  const taken = await takenRollCalls(db, occurrences);
  return occurrences.map((occurrence) => ({
    occurrence,
    taken: taken.has(`${occurrence.lessonId}/${occurrence.plannedOn}`),
    window: rollCallWindow(occurrence, now),
    replaced: occurrence.change?.substitute != null && occurrence.change.substitute.id !== scope.personId,
  }));
}

/** Whether the teacher still owes this lesson's roll call. */
const isDue = (lesson: RollCallLesson) => !lesson.taken && !lesson.replaced && !lesson.occurrence.change?.cancelled;

/** A teacher's lessons of today, and those of the last days whose roll they have not taken yet (appels en retard). */
export async function teacherRollCalls(db: Db, scope: Scope, now = new Date()) {
  const today = isoDate(now);
  const lessons = await rollCallLessons(db, scope, addDays(today, -ROLL_CALL_CORRECTION_DAYS), today, now);
  return {
    today: lessons.filter((lesson) => lesson.occurrence.on === today),
    overdue: lessons.filter((lesson) => lesson.occurrence.on < today && isDue(lesson) && lesson.window === "open"),
  };
}

/** For the home page: today's lessons of the teacher whose roll call is still to take. */
export async function rollCallsToTake(db: Db, scope: Scope, now = new Date()): Promise<RollCallLesson[]> {
  const today = isoDate(now);
  return (await rollCallLessons(db, scope, today, today, now)).filter(isDue);
}
