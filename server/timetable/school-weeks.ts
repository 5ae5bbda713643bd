import { and, asc, eq, gt, gte, lt, or } from "drizzle-orm";
import { schoolWeeks, schoolYears } from "@/drizzle/schema";
import { addDays, mondayOf } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { alternateFrom, missingLetters, mondaysOf, schoolWeekMondays, type WeekLetter, weekdaysWithin } from "./alternation";
import { holidayDays } from "./holidays";

/**
 * The weeks A and B of a school year (`school_weeks`), which lessons given "semaine A" or "semaine B" follow: laid out
 * when the year is created, then set by the direction, who regenerate the alternation from a week or change one
 * week's letter. A week that is over never changes: its roll calls and cahier de textes belong to the lessons that
 * took place in it.
 */

async function yearOf(db: Db, schoolYearId: string) {
  const [year] = await db.select().from(schoolYears).where(eq(schoolYears.id, schoolYearId));
  if (!year) throw new DomainError("timetable.schoolWeeks.errors.unknownYear");
  const holidays = await holidayDays(db, year.establishmentId, year.startsOn, year.endsOn);
  return { ...year, isHoliday: (day: string) => holidays.has(day) };
}

/** The letters of a year's weeks, by Monday. */
export async function weekLettersOf(db: Db, schoolYearId: string): Promise<Map<string, WeekLetter>> {
  const rows = await db.select().from(schoolWeeks).where(eq(schoolWeeks.schoolYearId, schoolYearId));
  return new Map(rows.map((row) => [row.monday, row.pattern as WeekLetter]));
}

/**
 * Gives every school week of the year that has no letter one, so that the alternation runs on (a new year: A on its
 * first school week), and forgets the letters of weeks the year no longer covers. Called when a year is created or
 * its dates change.
 */
export async function layOutSchoolWeeks(db: Db, schoolYearId: string): Promise<void> {
  const year = await yearOf(db, schoolYearId);
  await db
    .delete(schoolWeeks)
    .where(
      and(
        eq(schoolWeeks.schoolYearId, schoolYearId),
        or(lt(schoolWeeks.monday, mondayOf(year.startsOn)), gt(schoolWeeks.monday, year.endsOn)),
      ),
    );
  const missing = missingLetters(schoolWeekMondays(year, year.isHoliday), await weekLettersOf(db, schoolYearId));
  if (missing.length) await db.insert(schoolWeeks).values(missing.map((week) => ({ schoolYearId, ...week })));
}

export interface SchoolWeek {
  monday: string;
  pattern: WeekLetter | null;
  /** every school day of the week is a holiday ("week"), some are ("days"), or none */
  holiday: "week" | "days" | null;
  /** over: its letter no longer changes */
  past: boolean;
}

/** The year and each of its weeks with a school day, with its letter and its holidays; and the establishment's years. */
export async function schoolWeeksOf(db: Db, schoolYearId: string, today: string) {
  const year = await yearOf(db, schoolYearId);
  const [years, letters] = await Promise.all([
    db
      .select({ id: schoolYears.id, label: schoolYears.label })
      .from(schoolYears)
      .where(eq(schoolYears.establishmentId, year.establishmentId))
      .orderBy(asc(schoolYears.startsOn)),
    weekLettersOf(db, schoolYearId),
  ]);
  const weeks: SchoolWeek[] = [];
  for (const monday of mondaysOf(year)) {
    const days = weekdaysWithin(monday, year);
    if (days.length === 0) continue;
    const off = days.filter(year.isHoliday).length;
    weeks.push({
      monday,
      pattern: letters.get(monday) ?? null,
      holiday: off === days.length ? "week" : off > 0 ? "days" : null,
      past: monday < mondayOf(today),
    });
  }
  return { year: { id: year.id, label: year.label, startsOn: year.startsOn, endsOn: year.endsOn }, years, weeks };
}

/**
 * Lays the alternation again from `weekA` (a school week, not over) to the end of the year: A on it, then B, A… over
 * the school weeks; the weeks wholly on holiday lose their letter. The weeks before it keep theirs.
 */
export async function alternateWeeksFrom(db: Db, schoolYearId: string, weekA: string, today: string): Promise<void> {
  const year = await yearOf(db, schoolYearId);
  const mondays = schoolWeekMondays(year, year.isHoliday);
  if (!mondays.includes(weekA)) throw new DomainError("timetable.schoolWeeks.errors.notSchoolWeek");
  if (weekA < mondayOf(today)) throw new DomainError("timetable.schoolWeeks.errors.past");
  await db.transaction(async (tx) => {
    await tx.delete(schoolWeeks).where(and(eq(schoolWeeks.schoolYearId, schoolYearId), gte(schoolWeeks.monday, weekA)));
    await tx.insert(schoolWeeks).values(alternateFrom(mondays, weekA).map((week) => ({ schoolYearId, ...week })));
  });
}

/** Sets one school week (not over) to week A or week B, leaving the others as they are. */
export async function setSchoolWeek(db: Db, schoolYearId: string, monday: string, pattern: WeekLetter, today: string): Promise<void> {
  const year = await yearOf(db, schoolYearId);
  if (!schoolWeekMondays(year, year.isHoliday).includes(monday)) throw new DomainError("timetable.schoolWeeks.errors.notSchoolWeek");
  if (monday < mondayOf(today)) throw new DomainError("timetable.schoolWeeks.errors.past");
  await db
    .insert(schoolWeeks)
    .values({ schoolYearId, monday, pattern })
    .onConflictDoUpdate({ target: [schoolWeeks.schoolYearId, schoolWeeks.monday], set: { pattern } });
}

/** Whether a lesson given on some weeks only would take place at all: a week of its letter falls in its validity. */
export async function hasWeekOf(db: Db, schoolYearId: string, lesson: { weekday: number; weeks: WeekLetter; validFrom: string; validUntil: string }) {
  const letters = await weekLettersOf(db, schoolYearId);
  return weekOfLetterWithin(letters, lesson);
}

/** The same question on letters already loaded (an import asks it for each line). */
export function weekOfLetterWithin(
  letters: ReadonlyMap<string, WeekLetter>,
  lesson: { weekday: number; weeks: WeekLetter; validFrom: string; validUntil: string },
): boolean {
  for (const [monday, pattern] of letters) {
    const day = addDays(monday, lesson.weekday - 1);
    if (pattern === lesson.weeks && day >= lesson.validFrom && day <= lesson.validUntil) return true;
  }
  return false;
}
