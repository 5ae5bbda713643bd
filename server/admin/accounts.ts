import { and, asc, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { classEnrolments, classes, guardianships, people, profiles, scheduledErasures, teachingAssignments } from "@/drizzle/schema";
import { revokeAllSessions } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { Role } from "@/server/policy/roles";
import { LoginAllocator, loginSlug } from "@/server/seed/logins";

export const PAGE_SIZE = 25;

export interface AccountSearch {
  query?: string;
  role?: Role;
  status?: "pending" | "active" | "disabled";
  page: number;
}

/** The establishment's accounts, by name or identifiant, a page at a time, filtered in SQL. */
export async function searchAccounts(db: Db, establishmentId: string, search: AccountSearch) {
  const inEstablishment = sql`${people.id} in (select ${profiles.personId} from ${profiles} where ${profiles.establishmentId} = ${establishmentId}${
    search.role ? sql` and ${profiles.role} = ${search.role}` : sql``
  })`;
  const words = (search.query ?? "").trim().split(/\s+/).filter(Boolean);
  const where = and(
    inEstablishment,
    search.status ? eq(people.status, search.status) : undefined,
    ...words.map((word) => or(ilike(people.lastName, `%${word}%`), ilike(people.firstName, `%${word}%`), ilike(people.login, `%${word}%`))),
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: people.id, login: people.login, firstName: people.firstName, lastName: people.lastName, status: people.status })
      .from(people)
      .where(where)
      .orderBy(asc(sql`lower(${people.lastName})`), asc(sql`lower(${people.firstName})`), asc(people.id))
      .limit(PAGE_SIZE)
      .offset(search.page * PAGE_SIZE),
    db.select({ total: count() }).from(people).where(where),
  ]);
  const roles = rows.length
    ? await db
        .select({ personId: profiles.personId, role: profiles.role })
        .from(profiles)
        .where(and(eq(profiles.establishmentId, establishmentId), inArray(profiles.personId, rows.map((r) => r.id))))
    : [];
  return {
    total,
    pageSize: PAGE_SIZE,
    accounts: rows.map((row) => ({ ...row, roles: roles.filter((r) => r.personId === row.id).map((r) => r.role) })),
  };
}

/** One account as the administrator sees it: identity, profiles here, classes, children, guardians, teaching. */
export async function accountDetail(db: Db, establishmentId: string, personId: string) {
  const [person] = await db
    .select({
      id: people.id,
      login: people.login,
      firstName: people.firstName,
      lastName: people.lastName,
      email: people.email,
      phone: people.phone,
      status: people.status,
      activationExpiresAt: people.activationExpiresAt,
      createdAt: people.createdAt,
      disabledAt: people.disabledAt,
    })
    .from(people)
    .where(eq(people.id, personId));
  // Children and guardians the establishment knows: another school's pupils are not this one's to list.
  const knownHere = db.select({ personId: profiles.personId }).from(profiles).where(eq(profiles.establishmentId, establishmentId));
  const [roleRows, classRows, childRows, guardianRows, teaching, [erasure]] = await Promise.all([
    db.select({ role: profiles.role }).from(profiles).where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId))),
    db
      .select({ id: classes.id, name: classes.name })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(and(eq(classEnrolments.studentId, personId), eq(classes.establishmentId, establishmentId))),
    db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, relationship: guardianships.relationship })
      .from(guardianships)
      .innerJoin(people, eq(people.id, guardianships.studentId))
      .where(and(eq(guardianships.guardianId, personId), inArray(guardianships.studentId, knownHere))),
    db
      .select({ id: people.id, firstName: people.firstName, lastName: people.lastName, relationship: guardianships.relationship })
      .from(guardianships)
      .innerJoin(people, eq(people.id, guardianships.guardianId))
      .where(and(eq(guardianships.studentId, personId), inArray(guardianships.guardianId, knownHere))),
    db
      .select({ id: teachingAssignments.id })
      .from(teachingAssignments)
      .where(and(eq(teachingAssignments.teacherId, personId), eq(teachingAssignments.establishmentId, establishmentId))),
    db.select({ dueAt: scheduledErasures.dueAt }).from(scheduledErasures).where(eq(scheduledErasures.personId, personId)),
  ]);
  return {
    ...person,
    roles: roleRows.map((r) => r.role),
    classes: classRows,
    children: childRows,
    guardians: guardianRows,
    teachingAssignments: teaching.length,
    erasureDueAt: erasure?.dueAt ?? null,
  };
}

export interface AccountFields {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}

/** A new account in the establishment, waiting for its activation letter, with a unique identifiant. */
export async function createAccount(db: Db, establishmentId: string, fields: AccountFields, roles: Role[]) {
  const base = loginSlug(fields.firstName, fields.lastName);
  const taken = await db.select({ login: people.login }).from(people).where(ilike(people.login, `${base}%`));
  const allocator = new LoginAllocator();
  for (const { login } of taken) allocator.reserve(login);
  const login = allocator.allocate(fields.firstName, fields.lastName);
  return db.transaction(async (tx) => {
    const [person] = await tx.insert(people).values({ ...fields, login, status: "pending" }).returning({ id: people.id, login: people.login });
    await tx.insert(profiles).values(roles.map((role) => ({ personId: person.id, establishmentId, role })));
    return person;
  });
}

export async function updateAccount(db: Db, personId: string, fields: AccountFields) {
  await db.update(people).set(fields).where(eq(people.id, personId));
}

/** Disables an account: its sessions end at once and nobody can sign in with it until it is enabled again. */
export async function disableAccount(db: Db, personId: string, actorId: string, now = new Date()) {
  if (personId === actorId) throw new DomainError("admin.errors.notYourself");
  await db.update(people).set({ status: "disabled", disabledAt: now }).where(eq(people.id, personId));
  await revokeAllSessions(db, personId, now);
}

/** Enables an account again (and cancels a leaver's scheduled erasure): active if it had a password, else pending. */
export async function enableAccount(db: Db, personId: string) {
  const [person] = await db.select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, personId));
  await db
    .update(people)
    .set({ status: person.passwordHash ? "active" : "pending", disabledAt: null })
    .where(eq(people.id, personId));
  await db.delete(scheduledErasures).where(eq(scheduledErasures.personId, personId));
}

/**
 * The person's roles in the establishment become exactly these. An administrator cannot take away their own admin
 * right (so that an establishment always keeps one), and a person keeps at least one role.
 */
export async function setRoles(db: Db, establishmentId: string, personId: string, roles: Role[], actorId: string) {
  if (roles.length === 0) throw new DomainError("admin.errors.noRole");
  if (personId === actorId && !roles.includes("admin")) throw new DomainError("admin.errors.notYourself");
  await db.transaction(async (tx) => {
    await tx.delete(profiles).where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId)));
    await tx.insert(profiles).values(roles.map((role) => ({ personId, establishmentId, role })));
  });
}
