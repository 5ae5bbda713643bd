import { addDays, isoDate, schoolInstant, schoolTime, timeOfDay } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";

/**
 * The school day as vie scolaire speaks it: a morning and an afternoon (demi-journées), split at 12:30 in the
 * establishment's time zone. A lesson belongs to the half-day it starts in.
 */
export const NOON = "12:30";
/** Absences recorded by half-days span these hours, wide enough to cover any lesson of the day. */
export const DAY_STARTS = "07:00";
export const DAY_ENDS = "19:00";

export const HALF_DAYS = ["morning", "afternoon"] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

export interface HalfDayPoint {
  day: string;
  half: HalfDay;
}

/** A recorded absence may not run longer than a trimester: beyond that it is a schooling matter, not an absence. */
const LONGEST_ABSENCE_DAYS = 92;

export function halfDayOf(time: string): HalfDay {
  return timeOfDay(time) < NOON ? "morning" : "afternoon";
}

/** The instants an absence "from this half-day to that one, both included" covers. */
export function halfDaySpan(from: HalfDayPoint, to: HalfDayPoint): { startsAt: Date; endsAt: Date } {
  const order = (point: HalfDayPoint) => `${point.day}/${HALF_DAYS.indexOf(point.half)}`;
  if (order(from) > order(to)) throw new DomainError("attendance.errors.spanOrder");
  if (to.day > addDays(from.day, LONGEST_ABSENCE_DAYS)) throw new DomainError("attendance.errors.spanTooLong");
  return {
    startsAt: schoolInstant(from.day, from.half === "morning" ? DAY_STARTS : NOON),
    endsAt: schoolInstant(to.day, to.half === "morning" ? NOON : DAY_ENDS),
  };
}

/** The last school day an instant span touches (an end at midnight belongs to the day before). */
export function lastDayOf(endsAt: Date): string {
  return isoDate(new Date(endsAt.getTime() - 1));
}

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}


/** Which half-days an absence recorded by vie scolaire starts and ends in. */
export function halvesOf(span: { startsAt: Date; endsAt: Date }): { from: HalfDayPoint; to: HalfDayPoint } {
  return {
    from: { day: isoDate(span.startsAt), half: halfDayOf(schoolTime(span.startsAt)) },
    to: { day: lastDayOf(span.endsAt), half: schoolTime(span.endsAt) <= NOON && schoolTime(span.endsAt) !== "00:00" ? "morning" : "afternoon" },
  };
}
