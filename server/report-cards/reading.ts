import { and, asc, eq } from "drizzle-orm";
import { classes, periods, reportCards } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { ReportCardSnapshot } from "./snapshot";

/**
 * What pupils and families read: only published bulletins, from their frozen copy. Nothing here reads marks or
 * appréciations, so nothing written after publication reaches them.
 */
export async function publishedReportCards(db: Db, studentId: string, establishmentId: string) {
  return db
    .select({
      periodId: periods.id,
      kind: periods.kind,
      ordinal: periods.ordinal,
      className: classes.name,
      publishedAt: reportCards.publishedAt,
    })
    .from(reportCards)
    .innerJoin(periods, eq(periods.id, reportCards.periodId))
    .innerJoin(classes, eq(classes.id, reportCards.classId))
    .where(and(eq(reportCards.studentId, studentId), eq(classes.establishmentId, establishmentId)))
    .orderBy(asc(periods.startsOn));
}

/** A pupil's published bulletin for a period, or null when there is none (not published yet). */
export async function publishedReportCard(
  db: Db,
  studentId: string,
  periodId: string,
  establishmentId: string,
): Promise<ReportCardSnapshot | null> {
  const [row] = await db
    .select({ snapshot: reportCards.snapshot })
    .from(reportCards)
    .innerJoin(classes, eq(classes.id, reportCards.classId))
    .where(
      and(
        eq(reportCards.studentId, studentId),
        eq(reportCards.periodId, periodId),
        eq(classes.establishmentId, establishmentId),
      ),
    );
  return row ? (row.snapshot as ReportCardSnapshot) : null;
}

/** A class's frozen bulletins for a period, by pupil name. */
export async function frozenReportCards(db: Db, classId: string, periodId: string): Promise<ReportCardSnapshot[]> {
  const rows = await db
    .select({ snapshot: reportCards.snapshot })
    .from(reportCards)
    .where(and(eq(reportCards.classId, classId), eq(reportCards.periodId, periodId)));
  const name = (card: ReportCardSnapshot) => `${card.pupil.lastName} ${card.pupil.firstName}`;
  return rows
    .map((row) => row.snapshot as ReportCardSnapshot)
    .sort((a, b) => name(a).localeCompare(name(b), "fr"));
}
