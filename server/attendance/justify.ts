import { and, eq } from "drizzle-orm";
import { absenceJustifications, absences } from "@/drizzle/schema";
import { isoDate } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";
import type { Db } from "@/server/db";
import { checkDocument, displayName, extensionOf } from "./documents";

type Reason = NonNullable<(typeof absences.$inferSelect)["reason"]>;

export interface Justification {
  absenceId: string;
  submittedBy: string;
  reason: Reason;
  comment?: string | null;
  document?: { name: string; content: Buffer } | null;
}

/**
 * A guardian justifies an absence or a late: a reason from the list, a comment, maybe a document. The absence waits
 * for vie scolaire's decision (pending). One already waiting or accepted cannot be justified again; a refused one can.
 */
export async function justifyAbsence(db: Db, entry: Justification) {
  const documentType = entry.document ? checkDocument(entry.document.content) : null;
  return db.transaction(async (tx) => {
    const [absence] = await tx.select().from(absences).where(eq(absences.id, entry.absenceId));
    if (!absence) throw new DomainError("attendance.errors.noSuchAbsence");
    if (absence.status === "pending") throw new DomainError("attendance.errors.alreadyPending");
    if (absence.status === "accepted") throw new DomainError("attendance.errors.alreadyJustified");
    await tx.insert(absenceJustifications).values({
      absenceId: absence.id,
      submittedBy: entry.submittedBy,
      reason: entry.reason,
      comment: entry.comment?.trim() || null,
      documentName: entry.document ? displayName(entry.document.name) : null,
      documentType,
      document: entry.document?.content ?? null,
    });
    // Only from where it was read: two guardians justifying at once do not both succeed.
    const updated = await tx
      .update(absences)
      .set({ status: "pending" })
      .where(and(eq(absences.id, absence.id), eq(absences.status, absence.status)))
      .returning({ id: absences.id });
    if (updated.length === 0) throw new DomainError("attendance.errors.alreadyPending");
    return { establishmentId: absence.establishmentId, studentId: absence.studentId };
  });
}

/**
 * A justification's document, with what a generated file name needs (the absence's day, the type's extension): the
 * family's own file name is never put in a header.
 */
export async function justificationDocument(db: Db, justificationId: string) {
  const [row] = await db
    .select({
      document: absenceJustifications.document,
      type: absenceJustifications.documentType,
      startsAt: absences.startsAt,
    })
    .from(absenceJustifications)
    .innerJoin(absences, eq(absences.id, absenceJustifications.absenceId))
    .where(eq(absenceJustifications.id, justificationId));
  if (!row?.document || !row.type) return null;
  return {
    day: isoDate(row.startsAt),
    extension: extensionOf(row.type),
    type: row.type,
    content: row.document,
  };
}
