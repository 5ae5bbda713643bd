import { desc, eq } from "drizzle-orm";
import { auditLog } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** The newest audit entry about an identifiant. */
export async function lastAuditFor(db: Db, login: string) {
  const [entry] = await db.select().from(auditLog).where(eq(auditLog.login, login)).orderBy(desc(auditLog.id)).limit(1);
  return entry;
}
