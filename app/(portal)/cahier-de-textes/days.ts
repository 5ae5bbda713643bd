import { addDays } from "@/server/calendar/days";

/**
 * School days as the cahier de textes names them ("jeudi 26 novembre"), the same on the server and in the browser:
 * an ISO day is formatted at noon UTC, in UTC, so no time zone moves it.
 */
export function formatDay(day: string, locale: string, withYear = false): string {
  const parts = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).formatToParts(new Date(`${day}T12:00:00Z`));
  // French writes the first of the month as an ordinal: "mardi 1er décembre"
  const firstOfMonth = (type: string, value: string) => type === "day" && value === "1" && locale.startsWith("fr");
  return parts.map(({ type, value }) => (firstOfMonth(type, value) ? "1er" : value)).join("");
}

/** A day's name at the start of a heading or a sentence: "Jeudi 26 novembre". */
export function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** "today", "tomorrow" or another day, for headings such as "Pour demain". */
export function dayFromToday(day: string, today: string): "today" | "tomorrow" | "other" {
  if (day === today) return "today";
  return day === addDays(today, 1) ? "tomorrow" : "other";
}
