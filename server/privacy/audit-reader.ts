import { aliasedTable, and, count, desc, eq, gte, inArray, isNull, like, lt, ne, or, sql } from "drizzle-orm";
import { auditLog, people, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  /** entries where this person acted or was acted upon */
  personId?: string;
  /** an action or a family of actions: "auth", "admin.account", "grades.viewed" */
  action?: string;
  from?: string;
  to?: string;
  page: number;
}

const actor = aliasedTable(people, "actor");
const subject = aliasedTable(people, "subject");

/** A page of audit entries, newest first, with who acted and about whom. */
async function auditPage(db: Db, where: ReturnType<typeof and>, page: number) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        login: auditLog.login,
        ip: auditLog.ip,
        details: auditLog.details,
        actor: { id: actor.id, firstName: actor.firstName, lastName: actor.lastName },
        subject: { id: subject.id, firstName: subject.firstName, lastName: subject.lastName },
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(subject, eq(subject.id, auditLog.subjectId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset(page * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { total, pageSize: AUDIT_PAGE_SIZE, entries: rows };
}

/**
 * The establishment's audit log for its administrators: its own entries, and the sign-ins of its people (recorded
 * before any establishment is chosen), filtered in SQL.
 */
export function establishmentAudit(db: Db, establishmentId: string, filter: AuditFilter) {
  const ofEstablishment = or(
    eq(auditLog.establishmentId, establishmentId),
    and(
      isNull(auditLog.establishmentId),
      sql`${auditLog.actorId} in (select ${profiles.personId} from ${profiles} where ${profiles.establishmentId} = ${establishmentId})`,
    ),
  );
  const where = and(
    ofEstablishment,
    filter.personId ? or(eq(auditLog.actorId, filter.personId), eq(auditLog.subjectId, filter.personId)) : undefined,
    filter.action ? or(eq(auditLog.action, filter.action), like(auditLog.action, `${filter.action.replace(/[%_]/g, "")}.%`)) : undefined,
    filter.from ? gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)) : undefined,
    filter.to ? lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 24 * 3600 * 1000)) : undefined,
  );
  return auditPage(db, where, filter.page);
}

/**
 * Who looked at or changed this person's (or their children's) school data, and when: every entry about them made by
 * someone else. The transparency page every person has.
 */
export function accessesTo(db: Db, subjectIds: string[], page: number) {
  const where = and(inArray(auditLog.subjectId, subjectIds), or(isNull(auditLog.actorId), ne(auditLog.actorId, auditLog.subjectId)));
  return auditPage(db, where, page);
}
