import { auditLog } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** What the audit log records (journal d'audit). Later services add their own actions. */
export type AuditAction =
  | "auth.login.succeeded"
  | "auth.login.failed"
  | "auth.login.throttled"
  | "auth.logout"
  | "auth.logout.everywhere"
  | "auth.activated"
  | "auth.activation.failed"
  | "grades.viewed"
  | "attendance.viewed"
  | "timetable.lesson.created"
  | "timetable.lesson.updated"
  | "timetable.lesson.removed"
  | "timetable.occurrence.changed"
  | "timetable.event.created"
  | "timetable.event.deleted"
  | "timetable.imported"
  | "timetable.feed.regenerated"
  | "timetable.feed.revoked";

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  establishmentId?: string | null;
  /** The person whose data or account the event is about, when not the actor. */
  subjectId?: string | null;
  login?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    establishmentId: entry.establishmentId ?? null,
    subjectId: entry.subjectId ?? null,
    login: entry.login ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}
