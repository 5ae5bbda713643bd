import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import { SCHOOL_YEAR, TRIMESTERS } from "@/server/seed/calendar";
import { schoolDaysIn } from "@/server/seed/demo-week";
import { DEMO_WEEK, DEMO_WEEK_AFTER_NEXT } from "@/server/seed/timetable-changes";

/**
 * Days and weeks as the browser tests need them, reckoned from today and from the demo's week (which follows today),
 * so that the tests read the same whatever day they run; and the way the pages write them, in French.
 */

export { DEMO_WEEK, DEMO_WEEK_AFTER_NEXT };

/** "lundi 30 novembre", as a week's day heading reads. */
export const dayHeading = (day: string) =>
  new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** "Semaine du 30 novembre 2026", as a week's title reads. */
export const weekTitle = (monday: string) =>
  `Semaine du ${new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${monday}T12:00:00Z`))}`;

/** The day so many days after a Monday. */
export const dayOf = (monday: string, offset: number) => addDays(monday, offset);

/** The first week of classes on every weekday met going from `monday` a week at a time, on (1) or back (-1), until the year's end or start. */
function fullSchoolWeekFrom(monday: string, step: 1 | -1): string | null {
  const bound = step === 1 ? mondayOf(SCHOOL_YEAR.endsOn) : mondayOf(SCHOOL_YEAR.startsOn);
  for (let week = monday; step === 1 ? week <= bound : week >= bound; week = addDays(week, 7 * step)) {
    if (schoolDaysIn(week).length === 5) return week;
  }
  return null;
}

/**
 * The Monday of a week of classes on every weekday, at least `weeks` weeks after this one. The demo's own changes
 * are in its week and the next two: a test that changes lessons asks for three weeks or more to find them as planned,
 * and each spec takes its own week so that two specs running at once do not meet.
 */
export function schoolWeekAhead(weeks: number): string {
  const week = fullSchoolWeekFrom(addDays(mondayOf(isoDate(new Date())), 7 * weeks), 1);
  if (!week) throw new Error("The demo's school year has no full week of classes left: move the demo school to the next year.");
  return week;
}

/** The Monday of the last week of classes on every weekday before this one: a week the timetable has already taught. */
export function pastSchoolWeek(): string {
  const week = fullSchoolWeekFrom(addDays(mondayOf(isoDate(new Date())), -7), -1);
  if (!week) throw new Error("The demo's school year has no full week of classes behind it yet.");
  return week;
}

/** The period chip ("1er trimestre", "2e trimestre"...) of the trimester a day falls in. */
export function trimesterOf(day: string): string {
  const ordinal = TRIMESTERS.findIndex((t) => t.startsOn <= day && day <= t.endsOn) + 1;
  return ordinal === 1 ? "1er trimestre" : `${ordinal}e trimestre`;
}

/** The day of Emma's absence the demo leaves to justify, and the day of her late: last week's Thursday and Tuesday. */
export const EMMAS_ABSENCE_DAY = addDays(DEMO_WEEK, -4);
export const EMMAS_LATE_DAY = addDays(DEMO_WEEK, -6);
