import { eq } from "drizzle-orm";
import { retentionSettings } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** How long the audit log is kept by default: one year. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

export async function auditRetentionDays(db: Db, establishmentId: string): Promise<number> {
  const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.establishmentId, establishmentId));
  return row?.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
}

export async function setAuditRetentionDays(db: Db, establishmentId: string, days: number): Promise<void> {
  await db
    .insert(retentionSettings)
    .values({ establishmentId, auditRetentionDays: days })
    .onConflictDoUpdate({ target: retentionSettings.establishmentId, set: { auditRetentionDays: days } });
}
