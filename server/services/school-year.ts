import { asc, desc, eq, sql } from "drizzle-orm";
import { periods, schoolYears } from "@/drizzle/schema";
import { isoDate } from "@/server/calendar/days";
import type { Db } from "@/server/db";


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
