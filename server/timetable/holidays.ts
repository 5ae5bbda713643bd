import { and, eq, gte, lte, sql } from "drizzle-orm";
import { schoolEvents } from "@/drizzle/schema";
import { daysFrom } from "@/server/calendar/days";
import type { Db } from "@/server/db";

/**
 * The days from `from` to `to` the whole establishment is on holiday (vacances, jours fériés): its whole-establishment
 * holiday events. No lesson takes place then, and a week whose school days are all holidays has no letter A or B.
 */
export async function holidayDays(db: Db, establishmentId: string, from: string, to: string): Promise<Set<string>> {
  const rows = await db
    .select({
      startsOn: sql<string>`(${schoolEvents.startsAt} at time zone 'Europe/Paris')::date::text`,
      endsOn: sql<string>`((${schoolEvents.endsAt} - interval '1 second') at time zone 'Europe/Paris')::date::text`,
    })
    .from(schoolEvents)
    .where(
      and(
        eq(schoolEvents.establishmentId, establishmentId),
        eq(schoolEvents.kind, "holiday"),
        eq(schoolEvents.wholeEstablishment, true),
        lte(schoolEvents.startsAt, sql`${to}::date + interval '1 day'`),
        gte(schoolEvents.endsAt, sql`${from}::date`),
      ),
    );
  const days = new Set<string>();
  for (const row of rows) for (const day of daysFrom(row.startsOn, row.endsOn)) days.add(day);
  return days;
}
