import { addDays, mondayOf } from "@/server/calendar/days";

/**
 * The alternation of weeks A and B (semaine A / semaine B), as French schools lay it: the school weeks of the year
 * take A, B, A, B… in turn, from week A on the first of them. A week whose school days (Monday to Friday, inside the
 * year) are all holidays has no letter and does not count, so the alternation carries on after the holidays where it
 * stopped before them. A week with a single holiday (a bank holiday, a bridge) is a school week like any other.
 */
export type WeekLetter = "A" | "B";

export interface LetteredWeek {
  /** the Monday that starts the week */
  monday: string;
  pattern: WeekLetter;
}

const otherLetter = (letter: WeekLetter): WeekLetter => (letter === "A" ? "B" : "A");

/** Every Monday of the weeks the year touches, from the week of its first day to the week of its last. */
export function mondaysOf(year: { startsOn: string; endsOn: string }): string[] {
  const mondays: string[] = [];
  for (let monday = mondayOf(year.startsOn); monday <= year.endsOn; monday = addDays(monday, 7)) mondays.push(monday);
  return mondays;
}

/** The days from Monday to Friday of the week that are inside the year (holidays included). */
export function weekdaysWithin(monday: string, year: { startsOn: string; endsOn: string }): string[] {
  return [0, 1, 2, 3, 4].map((offset) => addDays(monday, offset)).filter((day) => day >= year.startsOn && day <= year.endsOn);
}

/** Whether any day from Monday to Friday of the week is inside the year and not a holiday. */
function hasSchool(monday: string, year: { startsOn: string; endsOn: string }, isHoliday: (day: string) => boolean): boolean {
  return weekdaysWithin(monday, year).some((day) => !isHoliday(day));
}

/** The Mondays of the year's school weeks, in order. */
export function schoolWeekMondays(year: { startsOn: string; endsOn: string }, isHoliday: (day: string) => boolean): string[] {
  return mondaysOf(year).filter((monday) => hasSchool(monday, year, isHoliday));
}

/** The school weeks from `weekA` on, alternating from A on it (the weeks before it are not part of the answer). */
export function alternateFrom(schoolMondays: readonly string[], weekA: string): LetteredWeek[] {
  return schoolMondays
    .filter((monday) => monday >= weekA)
    .map((monday, index) => ({ monday, pattern: index % 2 === 0 ? "A" : "B" }));
}

/**
 * The letters the school weeks without one should get so that the alternation runs on unbroken: after a lettered
 * week, the other letter; before the first lettered week, counting back from it; with no letter at all, A on the
 * first school week. Letters already given are kept, whatever they are (the school may have set them by hand).
 */
export function missingLetters(schoolMondays: readonly string[], given: ReadonlyMap<string, WeekLetter>): LetteredWeek[] {
  const firstGiven = schoolMondays.findIndex((monday) => given.has(monday));
  if (firstGiven === -1) return alternateFrom(schoolMondays, schoolMondays[0] ?? "");
  const anchor = given.get(schoolMondays[firstGiven])!;
  const missing: LetteredWeek[] = [];
  let previous = anchor;
  schoolMondays.forEach((monday, index) => {
    const letter = given.get(monday);
    if (letter) {
      previous = letter;
      return;
    }
    const pattern = index < firstGiven ? ((firstGiven - index) % 2 === 0 ? anchor : otherLetter(anchor)) : otherLetter(previous);
    missing.push({ monday, pattern });
    previous = pattern;
  });
  return missing;
}
