import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { absenceJustifications, absences, lessons, people, subjects } from "@/drizzle/schema";
import { DomainError } from "@/server/domain-error";
import type { Db } from "@/server/db";
import { latestJustifications } from "./justifications-read";
import { inClass, pupilColumns, pupilOfAbsence } from "./pupil-columns";

type Reason = NonNullable<(typeof absences.$inferSelect)["reason"]>;

export const FOLLOW_UP_PAGE_SIZE = 20;

export interface FollowUpFilter {
  classId?: string;
  /** unjustified (to chase) or pending (a family's justification to decide on); both when absent */
  status?: "unjustified" | "pending";
  page?: number;
}

/** Vie scolaire's list to deal with (à traiter): justifications waiting for a decision first, then the oldest. */
export async function followUp(db: Db, establishmentId: string, filter: FollowUpFilter) {
  const page = filter.page ?? 0;
  const conditions: SQL[] = [
    eq(absences.establishmentId, establishmentId),
    filter.status ? eq(absences.status, filter.status) : inArray(absences.status, ["unjustified", "pending"]),
  ];
  if (filter.classId) conditions.push(inClass(filter.classId));
  const rows = await db
    .select({
      id: absences.id,
      ...pupilColumns,
      kind: absences.kind,
      startsAt: absences.startsAt,
      endsAt: absences.endsAt,
      minutesLate: absences.minutesLate,
      status: absences.status,
      subject: subjects.name,
    })
    .from(absences)
    .innerJoin(people, pupilOfAbsence)
    .leftJoin(lessons, eq(lessons.id, absences.lessonId))
    .leftJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(and(...conditions))
    .orderBy(sql`${absences.status} = 'pending' desc`, desc(absences.startsAt), asc(people.lastName))
    .limit(FOLLOW_UP_PAGE_SIZE + 1)
    .offset(page * FOLLOW_UP_PAGE_SIZE);
  const items = rows.slice(0, FOLLOW_UP_PAGE_SIZE);
  const justifications = await latestJustifications(db, items.map((item) => item.id));
  return {
    page,
    hasMore: rows.length > FOLLOW_UP_PAGE_SIZE,
    items: items.map((item) => ({ ...item, justification: justifications.get(item.id) ?? null })),
  };
}

async function absenceById(db: Db, absenceId: string) {
  const [absence] = await db.select().from(absences).where(eq(absences.id, absenceId));
  if (!absence) throw new DomainError("attendance.errors.noSuchAbsence");
  return absence;
}

/**
 * Vie scolaire accepts or refuses the family's pending justification, with a comment for the family. An accepted
 * justification gives the absence its reason; a refused one leaves it unjustified in the counts.
 */
export async function decideJustification(
  db: Db,
  entry: { absenceId: string; decidedBy: string; decision: "accepted" | "refused"; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    const absence = await absenceById(tx, entry.absenceId);
    const pending = (await latestJustifications(tx, [absence.id])).get(absence.id);
    if (absence.status !== "pending" || pending?.decision !== "pending") throw new DomainError("attendance.errors.nothingToDecide");
    const comment = entry.comment?.trim() || null;
    await tx
      .update(absenceJustifications)
      .set({ decision: entry.decision, decidedBy: entry.decidedBy, decidedAt: new Date(), decisionComment: comment })
      .where(eq(absenceJustifications.id, pending.id));
    await tx
      .update(absences)
      .set({ status: entry.decision, reason: entry.decision === "accepted" ? pending.reason : null, staffComment: comment })
      .where(eq(absences.id, absence.id));
    return { establishmentId: absence.establishmentId, studentId: absence.studentId };
  });
}

/**
 * Vie scolaire sets the reason itself (a family phoned): the absence is justified, and a justification the family
 * sent meanwhile is accepted with it.
 */
export async function setAbsenceReason(
  db: Db,
  entry: { absenceId: string; decidedBy: string; reason: Reason; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    const absence = await absenceById(tx, entry.absenceId);
    const comment = entry.comment?.trim() || null;
    await tx
      .update(absenceJustifications)
      .set({ decision: "accepted", decidedBy: entry.decidedBy, decidedAt: new Date(), decisionComment: comment })
      .where(and(eq(absenceJustifications.absenceId, absence.id), eq(absenceJustifications.decision, "pending")));
    await tx
      .update(absences)
      .set({ status: "accepted", reason: entry.reason, staffComment: comment })
      .where(eq(absences.id, absence.id));
    return { establishmentId: absence.establishmentId, studentId: absence.studentId };
  });
}
