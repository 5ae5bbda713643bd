import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { evaluations, marks } from "@/drizzle/schema";
import type { Db } from "@/server/db";

interface Year {
  periods: { id: string }[];
  current: { id: string } | null;
}

/**
 * The period a pupil's relevé de notes opens on: the running one as soon as the pupil has a published mark in it;
 * until then the latest earlier period that has one, so that the first days of a trimester show the one that just
 * ended rather than an empty page. Outside the periods, the last one.
 */
export async function reportPeriod(db: Db, studentId: string, year: Year | null): Promise<string | null> {
  if (!year || year.periods.length === 0) return null;
  const current = year.current ?? year.periods.at(-1)!;
  // periods come in the order of the year: the running one and those before it
  const candidates = year.periods.slice(0, year.periods.findIndex((p) => p.id === current.id) + 1);
  const marked = await db
    .selectDistinct({ periodId: evaluations.periodId })
    .from(marks)
    .innerJoin(evaluations, eq(evaluations.id, marks.evaluationId))
    .where(
      and(
        eq(marks.studentId, studentId),
        isNotNull(evaluations.publishedAt),
        inArray(evaluations.periodId, candidates.map((p) => p.id)),
      ),
    );
  const withMarks = new Set(marked.map((m) => m.periodId));
  return candidates.findLast((p) => withMarks.has(p.id))?.id ?? current.id;
}
