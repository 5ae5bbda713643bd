import type { OccurrenceChange } from "@/server/timetable/occurrences";

type Translate = (key: string, values?: Record<string, string>) => string;

/** What a change to a lesson says at a glance, in the order that matters; "alarm" marks a lesson that will not happen. */
export function changeBadges(change: OccurrenceChange | null, t: Translate): { text: string; alarm: boolean }[] {
  if (!change) return [];
  return [
    change.cancelled ? { text: t("changes.cancelled"), alarm: true } : null,
    change.substitute ? { text: t("changes.substitute", { name: change.substitute.name }), alarm: false } : null,
    change.moved ? { text: t("changes.moved"), alarm: false } : null,
    change.roomChanged ? { text: t("changes.roomChanged"), alarm: false } : null,
    change.remote ? { text: t("changes.remote"), alarm: false } : null,
    change.exam ? { text: t("changes.exam"), alarm: false } : null,
  ].filter((badge) => badge !== null);
}
