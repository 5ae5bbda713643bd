import { and, count, desc, eq, exists, gt, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { announcementClasses, announcementReads, announcements, classes, people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { Role } from "@/server/policy/roles";
import { hasRole, type Scope } from "@/server/policy/scope";

/** Who publishes to the whole establishment and sees every class's announcements. */
export const NEWS_ROLES = ["direction", "cpe", "secretariat"] as const satisfies readonly Role[];

export interface AnnouncementInput {
  title: string;
  body: string;
  classIds: string[];
  roles: Role[];
  pinned: boolean;
  publishAt: Date;
  expiresAt: Date | null;
}

const ids = (values: Iterable<string>) => sql.join([...values].map((v) => sql`${v}::uuid`), sql`, `);

/** Whether the announcement names classes, and whether one of them is among these. */
const noClasses = sql`not exists (select 1 from announcement_classes ac where ac.announcement_id = announcements.id)`;
const oneOf = (classIds: SQL) => sql`exists (select 1 from announcement_classes ac where ac.announcement_id = announcements.id and ac.class_id in (${classIds}))`;

/** The classes a profile reaches: a pupil's own, a guardian's children's, a teacher's taught ones; staff who publish, all. */
function classesOf(scope: Scope, role: Role): SQL | "all" | null {
  if ((NEWS_ROLES as readonly Role[]).includes(role)) return "all";
  const list = (values: Iterable<string>) => {
    const all = [...values];
    return all.length ? ids(all) : null;
  };
  if (role === "student") return list(scope.classIds);
  if (role === "teacher") return list(scope.taughtClassIds);
  if (role === "guardian" && scope.childIds.size) {
    return sql`select ce.class_id from class_enrolments ce where ce.student_id in (${ids(scope.childIds)})`;
  }
  return null;
}

/**
 * Whether an announcement is for this person, profile by profile: one of their profiles the announcement names (or
 * any, when it names none) must reach one of its classes (or it names none). A teacher of 4eB who is also the parent
 * of a 5eC pupil does not read what is meant for 4eB's families.
 */
function isFor(scope: Scope): SQL {
  const byRole = [...scope.roles].map((role) => {
    const named = sql`(cardinality(${announcements.roles}) = 0 or ${role} = any(${announcements.roles}))`;
    const reach = classesOf(scope, role);
    const classMatch = reach === "all" ? sql`true` : reach ? sql`(${noClasses} or ${oneOf(reach)})` : noClasses;
    return sql`(${named} and ${classMatch})`;
  });
  return and(
    eq(announcements.establishmentId, scope.establishmentId),
    or(eq(announcements.authorId, scope.personId), ...byRole),
  )!;
}

const current = (now: Date) =>
  and(lte(announcements.publishAt, now), or(isNull(announcements.expiresAt), gt(announcements.expiresAt, now)));

export async function publishAnnouncement(db: Db, scope: Scope, input: AnnouncementInput): Promise<string> {
  if (input.expiresAt && input.expiresAt <= input.publishAt) throw new DomainError("news.errors.dates");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({
        establishmentId: scope.establishmentId,
        authorId: scope.personId,
        title: input.title,
        body: input.body,
        roles: input.roles,
        pinned: input.pinned,
        publishAt: input.publishAt,
        expiresAt: input.expiresAt,
      })
      .returning({ id: announcements.id });
    const classIds = [...new Set(input.classIds)];
    if (classIds.length) await tx.insert(announcementClasses).values(classIds.map((classId) => ({ announcementId: row.id, classId })));
    return row.id;
  });
}

/** The announcements for this person now (pinned first), and their own with how many have read them. */
export async function announcementFeed(db: Db, scope: Scope, now = new Date()) {
  const rows = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      body: announcements.body,
      pinned: announcements.pinned,
      publishAt: announcements.publishAt,
      expiresAt: announcements.expiresAt,
      roles: announcements.roles,
      mine: sql<boolean>`${announcements.authorId} = ${scope.personId}`,
      author: { firstName: people.firstName, lastName: people.lastName },
      read: exists(
        db
          .select({ one: sql`1` })
          .from(announcementReads)
          .where(and(eq(announcementReads.announcementId, announcements.id), eq(announcementReads.personId, scope.personId))),
      ).mapWith(Boolean),
      classes: sql<string[]>`array(select c.name from announcement_classes ac join classes c on c.id = ac.class_id where ac.announcement_id = announcements.id order by c.name)`,
    })
    .from(announcements)
    .leftJoin(people, eq(people.id, announcements.authorId))
    .where(and(isFor(scope), or(current(now), eq(announcements.authorId, scope.personId))))
    .orderBy(desc(announcements.pinned), desc(announcements.publishAt))
    .limit(50);
  const mine = rows.filter((r) => r.mine).map((r) => r.id);
  const counts = mine.length
    ? await db
        .select({ id: announcementReads.announcementId, reads: count() })
        .from(announcementReads)
        .where(inArray(announcementReads.announcementId, mine))
        .groupBy(announcementReads.announcementId)
    : [];
  return rows.map((r) => ({ ...r, reads: r.mine ? (counts.find((c) => c.id === r.id)?.reads ?? 0) : null }));
}

/** Whether the announcement is one this person sees now (the access policy's "news.read"). */
export async function seesAnnouncement(db: Db, scope: Scope, announcementId: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(eq(announcements.id, announcementId), isFor(scope), current(now)));
  return rows.length > 0;
}

export async function markAnnouncementRead(db: Db, scope: Scope, announcementId: string) {
  await db.insert(announcementReads).values({ announcementId, personId: scope.personId }).onConflictDoNothing();
}

export async function deleteAnnouncement(db: Db, announcementId: string) {
  await db.delete(announcements).where(eq(announcements.id, announcementId));
}

/** Facts the access policy needs about an announcement. */
export async function announcementTarget(db: Db, announcementId: string) {
  const [row] = await db
    .select({ establishmentId: announcements.establishmentId, authorId: announcements.authorId })
    .from(announcements)
    .where(eq(announcements.id, announcementId));
  return row ?? null;
}

/** The classes of the establishment a person may target: all for the staff who publish, their own for a teacher. */
export async function targetableClasses(db: Db, scope: Scope) {
  const whole = hasRole(scope, ...NEWS_ROLES);
  const taught = [...scope.taughtClassIds];
  if (!whole && taught.length === 0) return [];
  return db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(and(eq(classes.establishmentId, scope.establishmentId), whole ? undefined : inArray(classes.id, taught)))
    .orderBy(classes.level, classes.name);
}

