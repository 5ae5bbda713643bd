import { and, asc, eq } from "drizzle-orm";
import { periods, schoolYears } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { layOutSchoolWeeks } from "@/server/timetable/school-weeks";

export interface SchoolYearSettings {
  label: string;
  startsOn: string;
  endsOn: string;
  kind: "trimester" | "semester";
  /** the periods in order: trimestres 1–3 or semestres 1–2 */
  periods: { startsOn: string; endsOn: string }[];
}

/** The establishment's school years with their periods, newest first. */
export async function schoolYearsOf(db: Db, establishmentId: string) {
  const years = await db.select().from(schoolYears).where(eq(schoolYears.establishmentId, establishmentId)).orderBy(asc(schoolYears.startsOn));
  const rows = await Promise.all(
    years.map(async (year) => ({
      ...year,
      periods: await db.select().from(periods).where(eq(periods.schoolYearId, year.id)).orderBy(asc(periods.ordinal)),
    })),
  );
  return rows.reverse();
}

/**
 * Creates a school year or sets the dates of an existing one (found by its label) and of its periods. Periods follow
 * each other inside the year without overlapping. A year's kind of periods never changes once set, and no period is
 * deleted: marks and bulletins hang on them. A new year's weeks alternate A and B; new dates give the weeks they
 * add a letter that carries the alternation on.
 */
export async function saveSchoolYear(db: Db, establishmentId: string, settings: SchoolYearSettings) {
  const expected = settings.kind === "trimester" ? 3 : 2;
  if (settings.periods.length !== expected) throw new DomainError("admin.errors.periodCount");
  let previousEnd = "";
  for (const period of settings.periods) {
    if (period.startsOn > period.endsOn || period.startsOn <= previousEnd) throw new DomainError("admin.errors.periodOrder");
    if (period.startsOn < settings.startsOn || period.endsOn > settings.endsOn) throw new DomainError("admin.errors.periodOutsideYear");
    previousEnd = period.endsOn;
  }
  if (settings.startsOn >= settings.endsOn) throw new DomainError("admin.errors.periodOrder");

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(schoolYears)
      .where(and(eq(schoolYears.establishmentId, establishmentId), eq(schoolYears.label, settings.label)));
    const yearId = existing
      ? (await tx.update(schoolYears).set({ startsOn: settings.startsOn, endsOn: settings.endsOn }).where(eq(schoolYears.id, existing.id)).returning())[0].id
      : (await tx.insert(schoolYears).values({ establishmentId, label: settings.label, startsOn: settings.startsOn, endsOn: settings.endsOn }).returning())[0].id;
    const current = await tx.select().from(periods).where(eq(periods.schoolYearId, yearId));
    if (current.some((p) => p.kind !== settings.kind)) throw new DomainError("admin.errors.periodKindFixed");
    for (const [index, period] of settings.periods.entries()) {
      const ordinal = index + 1;
      const found = current.find((p) => p.ordinal === ordinal);
      if (found) await tx.update(periods).set(period).where(eq(periods.id, found.id));
      else await tx.insert(periods).values({ schoolYearId: yearId, kind: settings.kind, ordinal, ...period });
    }
    await layOutSchoolWeeks(tx, yearId);
    return yearId;
  });
}

/** "2026-2027" for a day between September 2026 and August 2027. */
export function schoolYearLabel(day: Date): string {
  const start = day.getUTCMonth() >= 7 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return `${start}-${start + 1}`;
}
