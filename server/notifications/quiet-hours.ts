import { DateTime } from "luxon";

export const SCHOOL_ZONE = "Europe/Paris";

/** No e-mail reaches a pupil between 21:00 and 07:00, school time: it waits for the morning. */
export function isQuietHours(now: Date): boolean {
  const hour = DateTime.fromJSDate(now, { zone: SCHOOL_ZONE }).hour;
  return hour >= 21 || hour < 7;
}

/** The daily digest goes out at 17:00 school time, with what arrived before then. */
export const DIGEST_HOUR = 17;

/** The last digest time at or before `now`: the digest sends what was created before it. */
export function lastDigestTime(now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: SCHOOL_ZONE });
  const today = local.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  return (local < today ? today.minus({ days: 1 }) : today).toJSDate();
}
