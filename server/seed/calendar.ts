import type { SeedContext } from "./context";

/** The school year every seeded establishment runs (année scolaire 2026-2027, zone A). */
export const SCHOOL_YEAR = { label: "2026-2027", startsOn: "2026-09-01", endsOn: "2027-07-03" } as const;

/** Its three trimesters, split as most collèges do: end of November, early March. */
export const TRIMESTERS = [
  { startsOn: "2026-09-01", endsOn: "2026-11-30" },
  { startsOn: "2026-12-01", endsOn: "2027-03-07" },
  { startsOn: "2027-03-08", endsOn: "2027-07-03" },
] as const;

/** Adds the school year and its trimesters to an establishment; returns the school year's id. */
export function addSchoolYear(ctx: SeedContext, establishmentId: string): string {
  const schoolYearId = ctx.newId();
  ctx.rows.schoolYears.push({ id: schoolYearId, establishmentId, ...SCHOOL_YEAR });
  TRIMESTERS.forEach((trimester, index) =>
    ctx.rows.periods.push({ id: ctx.newId(), schoolYearId, kind: "trimester", ordinal: index + 1, ...trimester }),
  );
  return schoolYearId;
}
