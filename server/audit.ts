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
  /** A teacher or staff member read a class's bulletins (conseil de classe, PDF) or a pupil's published one. */
  | "reportCards.viewed"
  | "timetable.lesson.created"
  | "timetable.lesson.updated"
  | "timetable.lesson.removed"
  | "timetable.occurrence.changed"
  | "timetable.event.created"
  | "timetable.event.deleted"
  | "timetable.imported"
  | "timetable.weeks.alternated"
  | "timetable.weeks.set"
  | "timetable.feed.regenerated"
  | "timetable.feed.revoked"
  | "virtualClass.scheduled"
  | "virtualClass.rescheduled"
  | "virtualClass.cancelled"
  | "virtualClass.participantRemoved"
  | "virtualClass.ended"
  | "virtualClass.attendanceConfirmed"
  | "virtualClass.slotsPublished"
  /** The establishment's communication rules (who may write to whom) were changed. */
  | "messaging.rules.updated"
  /** A moderator read and closed a report of an abusive message. */
  | "messaging.report.closed"
  /** back office (administration): imports, accounts, rights, settings, data protection */
  | "admin.import.applied"
  | "admin.roster.exported"
  | "admin.account.created"
  | "admin.account.updated"
  | "admin.account.disabled"
  | "admin.account.enabled"
  | "admin.account.codeIssued"
  /** Two accounts of one person were merged: the subject survives, the details name the duplicate removed and what moved. */
  | "admin.account.merged"
  | "admin.roles.changed"
  | "admin.letters.printed"
  | "admin.module.changed"
  | "admin.periods.changed"
  | "admin.retention.changed"
  | "admin.establishment.created"
  /** A super-administrator corrected an establishment's details: the details hold the new ones and the previous. */
  | "admin.establishment.updated"
  | "privacy.exported"
  | "privacy.erased"
  | "privacy.purged";

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
