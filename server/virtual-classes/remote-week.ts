import { addDays, mondayOf, schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { annotateOccurrence, type SavedChange } from "@/server/timetable/changes";
import { occurrencesBetween } from "@/server/timetable/occurrences";

/**
 * Continuité pédagogique: when a school closes, a class's week moves online in one click. Every lesson of the class
 * that week still to be held, and not cancelled, is marked remote through the timetable's own change service (its
 * note and exam mark kept). Vie scolaire and direction switch the whole week; a teacher switches their own lessons.
 * Returns the occurrences it changed with what changed, for the timetable's lesson.changed event.
 */
export async function switchWeekRemote(
  db: Db,
  establishmentId: string,
  changedBy: string,
  classId: string,
  week: string,
  onlyTaughtBy: string | null,
  now = new Date(),
) {
  const monday = mondayOf(week);
  const occurrences = await occurrencesBetween(db, { establishmentId, classIds: [classId] }, monday, addDays(monday, 6));
  const switched: { occurrence: { lessonId: string; plannedOn: string }; saved: SavedChange }[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.change?.cancelled || occurrence.change?.remote) continue;
    if (schoolInstant(occurrence.on, occurrence.endsAt) <= now) continue;
    const teaches = occurrence.teachers.some((t) => t.id === onlyTaughtBy) || occurrence.change?.substitute?.id === onlyTaughtBy;
    if (onlyTaughtBy && !teaches) continue;
    const ref = { lessonId: occurrence.lessonId, plannedOn: occurrence.plannedOn };
    const saved = await annotateOccurrence(db, establishmentId, changedBy, ref, {
      remote: true,
      exam: occurrence.change?.exam ?? false,
      note: occurrence.change?.note ?? null,
    });
    switched.push({ occurrence: ref, saved });
  }
  return switched;
}
