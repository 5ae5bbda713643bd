import { schoolInstant } from "@/server/calendar/days";
import type { Occurrence } from "@/server/timetable/occurrences";
import { opensAt } from "@/server/virtual-classes/window";

/** Where a remote lesson occurrence's virtual class is, and when its room opens and closes; null when not remote. */
export function remoteLessonRoom(o: Occurrence) {
  if (!o.change?.remote || o.change.cancelled) return null;
  return {
    href: `/classes-virtuelles/cours/${o.lessonId}/${o.plannedOn}`,
    opensAt: opensAt(schoolInstant(o.on, o.startsAt)).toISOString(),
    endsAt: schoolInstant(o.on, o.endsAt).toISOString(),
  };
}
