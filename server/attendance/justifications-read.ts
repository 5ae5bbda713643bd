import { desc, eq, inArray, sql } from "drizzle-orm";
import { absenceJustifications, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";

export type LatestJustification = Awaited<ReturnType<typeof justificationRows>>[number];

/** The latest justification of each absence (a refused one may be followed by another), without the document. */
export async function latestJustifications(db: Db, absenceIds: readonly string[]) {
  const latest = new Map<string, LatestJustification>();
  if (absenceIds.length === 0) return latest;
  for (const row of await justificationRows(db, absenceIds)) if (!latest.has(row.absenceId)) latest.set(row.absenceId, row);
  return latest;
}

function justificationRows(db: Db, absenceIds: readonly string[]) {
  return db
    .select({
      id: absenceJustifications.id,
      absenceId: absenceJustifications.absenceId,
      reason: absenceJustifications.reason,
      comment: absenceJustifications.comment,
      submittedAt: absenceJustifications.submittedAt,
      submittedBy: absenceJustifications.submittedBy,
      submitterName: sql<string | null>`${people.firstName} || ' ' || ${people.lastName}`,
      documentName: absenceJustifications.documentName,
      decision: absenceJustifications.decision,
      decisionComment: absenceJustifications.decisionComment,
      decidedAt: absenceJustifications.decidedAt,
    })
    .from(absenceJustifications)
    .leftJoin(people, eq(people.id, absenceJustifications.submittedBy))
    .where(inArray(absenceJustifications.absenceId, [...absenceIds]))
    .orderBy(desc(absenceJustifications.submittedAt));
}
