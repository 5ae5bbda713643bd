import type { useFormatter } from "next-intl";
import type { Occurrence } from "@/server/timetable/occurrences";

/** "Mathématiques · 4eB · mardi 24 novembre": which occurrence a dialog is about. */
export function occurrenceTitle(occurrence: Occurrence, format: ReturnType<typeof useFormatter>): string {
  const day = format.dateTime(new Date(`${occurrence.plannedOn}T12:00:00Z`), { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  return `${occurrence.subject.name} · ${occurrence.audience.name} · ${day}`;
}
