import { addDays } from "@/server/calendar/days";

/**
 * School days as the cahier de textes names them ("jeudi 26 novembre"), the same on the server and in the browser:
 * an ISO day is formatted at noon UTC, in UTC, so no time zone moves it.
 */
export function formatDay(day: string, locale: string, withYear = false): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

/** "today", "tomorrow" or another day, for headings such as "Pour demain". */
export function dayFromToday(day: string, today: string): "today" | "tomorrow" | "other" {
  if (day === today) return "today";
  return day === addDays(today, 1) ? "tomorrow" : "other";
}
