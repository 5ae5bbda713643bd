import { and, count, eq, gte, inArray, lte } from "drizzle-orm";
import { homework, lessonLogs } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { occurrencesBetween } from "@/server/timetable/occurrences";

/**
 * A teacher's lessons of a week (Monday to Saturday), their own and those they substitute in, each with whether its
 * cahier de textes is written and how much homework was given in it: what is left to fill in.
 */
export async function teacherWeek(db: Db, establishmentId: string, teacherId: string, monday: string) {
  const saturday = addDays(monday, 5);
  const occurrences = await occurrencesBetween(db, { establishmentId, teacherIds: [teacherId] }, monday, saturday);
  if (occurrences.length === 0) return [];
  const lessonIds = [...new Set(occurrences.map((o) => o.lessonId))];
  // planned days may lie outside the week when a lesson was moved into it: a week before or after is enough
  const plannedFrom = addDays(monday, -7);
  const plannedTo = addDays(saturday, 7);
  const [logs, given] = await Promise.all([
    db
      .select({ lessonId: lessonLogs.lessonId, onDate: lessonLogs.onDate })
      .from(lessonLogs)
      .where(and(inArray(lessonLogs.lessonId, lessonIds), gte(lessonLogs.onDate, plannedFrom), lte(lessonLogs.onDate, plannedTo))),
    db
      .select({ lessonId: homework.lessonId, givenOn: homework.givenOn, count: count() })
      .from(homework)
      .where(
        and(
          eq(homework.establishmentId, establishmentId),
          inArray(homework.lessonId, lessonIds),
          gte(homework.givenOn, plannedFrom),
          lte(homework.givenOn, plannedTo),
        ),
      )
      .groupBy(homework.lessonId, homework.givenOn),
  ]);
  const written = new Set(logs.map((log) => `${log.lessonId}/${log.onDate}`));
  const homeworkCount = new Map(given.map((row) => [`${row.lessonId}/${row.givenOn}`, row.count]));
  return occurrences.map((occurrence) => {
    const key = `${occurrence.lessonId}/${occurrence.plannedOn}`;
    return { ...occurrence, hasLog: written.has(key), homeworkCount: homeworkCount.get(key) ?? 0 };
  });
}
