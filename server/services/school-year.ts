import { asc, desc, eq, sql } from "drizzle-orm";
import { periods, schoolYears } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** An ISO calendar date (YYYY-MM-DD) in the school's time zone. */
export function isoDate(day: Date, timeZone = "Europe/Paris"): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
}

/** The school year running on a day (or the latest one), with its periods and the current one. */
export async function currentSchoolYear(db: Db, establishmentId: string, day = new Date()) {
  const today = isoDate(day);
  const [year] = await db
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.establishmentId, establishmentId))
    .orderBy(desc(sql`${schoolYears.startsOn} <= ${today} and ${today} <= ${schoolYears.endsOn}`), desc(schoolYears.startsOn))
    .limit(1);
  if (!year) return null;
  const yearPeriods = await db
    .select()
    .from(periods)
    .where(eq(periods.schoolYearId, year.id))
    .orderBy(asc(periods.startsOn));
  const current = yearPeriods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? null;
  return { id: year.id, label: year.label, startsOn: year.startsOn, endsOn: year.endsOn, periods: yearPeriods, current };
}
