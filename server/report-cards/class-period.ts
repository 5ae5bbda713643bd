import { and, eq, sql } from "drizzle-orm";
import { classes, establishments, periods, schoolYears, teachingAssignments, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";

/**
 * A class and one period of its school year, with what a bulletin's header prints: the establishment (name, UAI)
 * and the school year. A period of another year or establishment is refused.
 */
export async function classPeriod(db: Db, classId: string, periodId: string) {
  const [row] = await db
    .select({
      class: { id: classes.id, name: classes.name, establishmentId: classes.establishmentId },
      establishment: { name: establishments.name, uai: establishments.uai, city: establishments.city },
      schoolYear: schoolYears.label,
      period: {
        id: periods.id,
        kind: periods.kind,
        ordinal: periods.ordinal,
        startsOn: periods.startsOn,
        endsOn: periods.endsOn,
      },
    })
    .from(classes)
    .innerJoin(establishments, eq(establishments.id, classes.establishmentId))
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .innerJoin(periods, eq(periods.schoolYearId, classes.schoolYearId))
    .where(and(eq(classes.id, classId), eq(periods.id, periodId)));
  if (!row) throw new DomainError("reportCards.errors.unknownPeriod");
  return row;
}

export type ClassPeriod = Awaited<ReturnType<typeof classPeriod>>;

/** A period of the school year of a teaching assignment's class or group; any other period is refused. */
export async function assignmentPeriod(db: Db, assignmentId: string, periodId: string) {
  const [row] = await db
    .select({ id: periods.id, kind: periods.kind, ordinal: periods.ordinal })
    .from(teachingAssignments)
    .leftJoin(classes, eq(classes.id, teachingAssignments.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, teachingAssignments.groupId))
    .innerJoin(
      periods,
      and(
        eq(periods.id, periodId),
        eq(periods.schoolYearId, sql`coalesce(${classes.schoolYearId}, ${teachingGroups.schoolYearId})`),
      ),
    )
    .where(eq(teachingAssignments.id, assignmentId));
  if (!row) throw new DomainError("reportCards.errors.unknownPeriod");
  return row;
}
