import { addDays, isoWeekday, mondayOf } from "@/server/calendar/days";
import { SCHOOL_YEAR } from "./calendar";
import { isHoliday } from "./school-calendar";

/**
 * The first week the demo may stand in: the first trimester's marks are given until the Friday before it and
 * published on its eve, so that from then on the demo reads as a school year in progress.
 */
export const EARLIEST_DEMO_WEEK = "2026-11-23";

/** Days of classes in the week of a Monday: weekdays of the school year that are not holidays. */
export function schoolDaysIn(monday: string): string[] {
  return [0, 1, 2, 3, 4]
    .map((offset) => addDays(monday, offset))
    .filter((day) => day >= SCHOOL_YEAR.startsOn && day <= SCHOOL_YEAR.endsOn && isoWeekday(day) <= 5 && !isHoliday(day));
}

/** The demo's roll calls, absences and lates fill the two weeks before its week: all three must be weeks of school. */
const hasSchoolAround = (monday: string) => [0, -7, -14].every((offset) => schoolDaysIn(addDays(monday, offset)).length >= 4);

/**
 * The demo's "this week" on a day: that day's week, so that the demo school is alive whenever it is started (the
 * week's changes, last week's absences, the homework due), kept within the seeded school year; during holidays, and in
 * the first weeks back, the latest week with two weeks of school before it.
 */
export function demoWeek(today: string): string {
  const lastMonday = mondayOf(SCHOOL_YEAR.endsOn);
  for (let monday = [mondayOf(today), lastMonday].sort()[0]; monday > EARLIEST_DEMO_WEEK; monday = addDays(monday, -7)) {
    if (hasSchoolAround(monday)) return monday;
  }
  return EARLIEST_DEMO_WEEK;
}

/** The Monday of the nth week after a Monday's that has classes (weeks on holiday are skipped). */
export function schoolWeekAfter(monday: string, nth: number): string {
  let week = monday;
  for (let found = 0; found < nth; ) {
    week = addDays(week, 7);
    if (schoolDaysIn(week).length >= 4 || week > SCHOOL_YEAR.endsOn) found += 1;
  }
  return week;
}
