import { addDays, isoDate, schoolInstant } from "@/server/calendar/days";

/** A teacher may open the roll a little before the bell, as pupils come in. */
export const ROLL_CALL_OPENS_MINUTES_BEFORE = 10;
/** And correct it for a week: until the same lesson comes round again. */
export const ROLL_CALL_CORRECTION_DAYS = 7;

export type RollCallWindow = "notYet" | "open" | "closed";

/** Whether the roll of a lesson occurrence (on its actual day and time) can be taken or corrected now. */
export function rollCallWindow(occurrence: { on: string; startsAt: string }, now: Date): RollCallWindow {
  const opens = schoolInstant(occurrence.on, occurrence.startsAt).getTime() - ROLL_CALL_OPENS_MINUTES_BEFORE * 60_000;
  if (now.getTime() < opens) return "notYet";
  return isoDate(now) > addDays(occurrence.on, ROLL_CALL_CORRECTION_DAYS) ? "closed" : "open";
}

/** The instants a lesson occurrence takes, in the school's time zone. */
export function occurrenceSpan(occurrence: { on: string; startsAt: string; endsAt: string }) {
  return { startsAt: schoolInstant(occurrence.on, occurrence.startsAt), endsAt: schoolInstant(occurrence.on, occurrence.endsAt) };
}
