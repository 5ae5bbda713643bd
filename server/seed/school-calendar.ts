import { schoolInstant } from "@/server/calendar/days";
import type { schoolEvents, schoolWeeks } from "@/drizzle/schema";
import { missingLetters, schoolWeekMondays } from "@/server/timetable/alternation";
import { SCHOOL_YEAR } from "./calendar";

/**
 * The days without school of 2026-2027 in zone A (Lyon), from the published calendar: holidays run from the first
 * day off to the day classes resume (excluded); bank holidays are single days.
 */
export const HOLIDAYS = [
  { title: "Vacances de la Toussaint", from: "2026-10-17", resume: "2026-11-02" },
  { title: "Armistice de 1918", from: "2026-11-11", resume: "2026-11-12" },
  { title: "Vacances de Noël", from: "2026-12-19", resume: "2027-01-04" },
  { title: "Vacances d'hiver", from: "2027-02-13", resume: "2027-03-01" },
  { title: "Lundi de Pâques", from: "2027-03-29", resume: "2027-03-30" },
  { title: "Vacances de printemps", from: "2027-04-10", resume: "2027-04-26" },
  { title: "Pont de l'Ascension", from: "2027-05-06", resume: "2027-05-10" },
  { title: "Lundi de Pentecôte", from: "2027-05-17", resume: "2027-05-18" },
] as const;

export function isHoliday(day: string): boolean {
  return HOLIDAYS.some((holiday) => holiday.from <= day && day < holiday.resume);
}

/** Holidays as whole-establishment events of the calendar: they are what keeps lessons from taking place. */
export function holidayEvents(newId: () => string, establishmentId: string): (typeof schoolEvents.$inferInsert & { id: string })[] {
  return HOLIDAYS.map((holiday) => ({
    id: newId(),
    establishmentId,
    kind: "holiday" as const,
    title: holiday.title,
    startsAt: schoolInstant(holiday.from, "00:00"),
    endsAt: schoolInstant(holiday.resume, "00:00"),
    wholeEstablishment: true,
    roles: [],
  }));
}

/** Weeks A and B alternate over the weeks that have school, as a new year's are laid out (server/timetable/alternation.ts). */
export function alternatingWeeks(schoolYearId: string): (typeof schoolWeeks.$inferInsert)[] {
  return missingLetters(schoolWeekMondays(SCHOOL_YEAR, isHoliday), new Map()).map((week) => ({ schoolYearId, ...week }));
}
