/**
 * Calendar days and times of the school, as the timetable speaks them: a day is an ISO date "YYYY-MM-DD", a time of
 * day "HH:MM", both in the establishment's time zone (Europe/Paris). Arithmetic on days is done in UTC so that no
 * daylight-saving change shifts a day.
 */
export const SCHOOL_TIME_ZONE = "Europe/Paris";

/** The calendar day of an instant in the school's time zone. */
export function isoDate(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The Monday of the week a day is in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The time of day ("HH:MM") of an instant in the school's time zone. */
export function schoolTime(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "08:00:00" (PostgreSQL time) or "08:00" → "08:00". */
export function timeOfDay(time: string): string {
  return time.slice(0, 5);
}

/** The instant at which a day and a time of day happen in the school's time zone (Paris: UTC+1 or UTC+2). */
export function schoolInstant(day: string, time: string, timeZone = SCHOOL_TIME_ZONE): Date {
  const asUtc = new Date(`${day}T${timeOfDay(time)}:00Z`);
  // The zone's offset at that moment, read back from how the zone writes the UTC guess.
  const written = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(asUtc);
  const part = (type: string) => Number(written.find((p) => p.type === type)?.value);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return new Date(asUtc.getTime() - (local - asUtc.getTime()));
}
