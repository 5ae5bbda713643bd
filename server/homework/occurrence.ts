import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { type Occurrence, occurrenceOf } from "@/server/timetable/occurrences";

/**
 * The occurrence a cahier de textes entry or a homework belongs to: it must be a real one (the lesson takes place
 * that day, whatever changed), and for writing, not a cancelled one: nothing was done in a lesson that did not happen.
 */
export async function requireOccurrence(db: Db, establishmentId: string, lessonId: string, plannedOn: string): Promise<Occurrence> {
  const occurrence = await occurrenceOf(db, establishmentId, lessonId, plannedOn);
  if (!occurrence) throw new DomainError("homework.errors.noSuchLesson");
  return occurrence;
}

export async function requireHeldOccurrence(db: Db, establishmentId: string, lessonId: string, plannedOn: string) {
  const occurrence = await requireOccurrence(db, establishmentId, lessonId, plannedOn);
  if (occurrence.change?.cancelled) throw new DomainError("homework.errors.cancelledLesson");
  return occurrence;
}
