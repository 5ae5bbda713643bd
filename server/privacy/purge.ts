import { and, eq, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { auditLog, retentionSettings, scheduledErasures } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { erasePerson } from "./erase";
import { DEFAULT_AUDIT_RETENTION_DAYS } from "./retention";

export interface PurgeReport {
  /** leavers whose personal data was erased, their erasure being due */
  erasedPeople: number;
  /** audit entries older than their establishment's retention */
  auditEntries: number;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

/**
 * Applies the retention rules (run on an interval by `npm start`, and by `npm run purge`): leavers are erased when
 * their three months are over, and audit entries go once older than their establishment's retention (a year unless
 * set otherwise). Records what it deleted in the audit log.
 */
export async function purge(db: Db, now = new Date()): Promise<PurgeReport> {
  const due = await db.select({ personId: scheduledErasures.personId }).from(scheduledErasures).where(lte(scheduledErasures.dueAt, now));
  for (const { personId } of due) await erasePerson(db, personId, now);

  const settings = await db.select().from(retentionSettings);
  let auditEntries = 0;
  for (const { establishmentId, auditRetentionDays } of settings) {
    const removed = await db
      .delete(auditLog)
      .where(and(eq(auditLog.establishmentId, establishmentId), lt(auditLog.at, daysBefore(now, auditRetentionDays))))
      .returning({ id: auditLog.id });
    auditEntries += removed.length;
  }
  const customised = settings.map((s) => s.establishmentId);
  const byDefault = await db
    .delete(auditLog)
    .where(
      and(
        lt(auditLog.at, daysBefore(now, DEFAULT_AUDIT_RETENTION_DAYS)),
        customised.length ? sql`(${isNull(auditLog.establishmentId)} or ${notInArray(auditLog.establishmentId, customised)})` : undefined,
      ),
    )
    .returning({ id: auditLog.id });
  auditEntries += byDefault.length;

  const report = { erasedPeople: due.length, auditEntries };
  if (report.erasedPeople || report.auditEntries) await recordAudit(db, { action: "privacy.purged", details: { ...report } });
  return report;
}
