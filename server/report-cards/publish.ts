import { and, eq } from "drizzle-orm";
import { classReportCards, reportCards } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { liveReportCards } from "./cards";
import { classPeriod } from "./class-period";
import { lockStatus } from "./status";

/**
 * Direction publishes a class's validated bulletins: each pupil's is frozen as it reads now (report_cards.snapshot),
 * and from then on families see that copy, whatever changes later. Publication is final. Returns what the
 * reportCards.published event needs.
 */
export async function publishClass(db: Db, classId: string, periodId: string, actorId: string) {
  const { class: frozenClass } = await classPeriod(db, classId, periodId);
  return db.transaction(async (tx) => {
    const status = await lockStatus(tx, classId, periodId);
    if (status === "published") throw new DomainError("reportCards.errors.alreadyPublished");
    if (status === "draft") throw new DomainError("reportCards.errors.notValidated");
    const publishedAt = new Date();
    await tx
      .update(classReportCards)
      .set({ status: "published", publishedBy: actorId, publishedAt })
      .where(and(eq(classReportCards.classId, classId), eq(classReportCards.periodId, periodId)));
    const cards = await liveReportCards(tx, classId, periodId);
    if (cards.length > 0) {
      // A pupil who changed class keeps the bulletin the first class published for the period.
      await tx
        .insert(reportCards)
        .values(cards.map((snapshot) => ({ periodId, classId, studentId: snapshot.pupil.id, snapshot, publishedAt })))
        .onConflictDoNothing();
    }
    return { establishmentId: frozenClass.establishmentId, studentIds: cards.map((card) => card.pupil.id) };
  });
}
