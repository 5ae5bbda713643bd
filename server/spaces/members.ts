import { and, asc, count, eq, ilike, notInArray, or } from "drizzle-orm";
import { classEnrolments, people, profiles, spaceMembers, spaces, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { requirePupilsOf } from "./manage";

export type MemberRole = "owner" | "contributor" | "reader";

const CANDIDATES_SHOWN = 20;

async function spaceOf(db: Db, spaceId: string) {
  const [space] = await db.select({ kind: spaces.kind, classId: spaces.classId, establishmentId: spaces.establishmentId }).from(spaces).where(eq(spaces.id, spaceId));
  return space;
}

/**
 * A space's people: a class space's are its class's (its teachers own it, its pupils contribute), listed from the
 * class itself; a team's and a group-work team's are its listed members.
 */
export async function listMembers(db: Db, spaceId: string) {
  const space = await spaceOf(db, spaceId);
  const person = { id: people.id, firstName: people.firstName, lastName: people.lastName };
  if (space.kind === "class" && space.classId) {
    const [teachers, pupils] = await Promise.all([
      db.selectDistinct(person).from(teachingAssignments).innerJoin(people, eq(people.id, teachingAssignments.teacherId)).where(eq(teachingAssignments.classId, space.classId)),
      db.select(person).from(classEnrolments).innerJoin(people, eq(people.id, classEnrolments.studentId)).where(eq(classEnrolments.classId, space.classId)),
    ]);
    const byName = (a: { lastName: string; firstName: string }, b: typeof a) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);
    return {
      editable: false,
      members: [...teachers.sort(byName).map((p) => ({ ...p, role: "owner" as const })), ...pupils.sort(byName).map((p) => ({ ...p, role: "contributor" as const }))],
    };
  }
  const members = await db
    .select({ ...person, role: spaceMembers.role })
    .from(spaceMembers)
    .innerJoin(people, eq(people.id, spaceMembers.personId))
    .where(eq(spaceMembers.spaceId, spaceId))
    .orderBy(asc(people.lastName), asc(people.firstName));
  return { editable: true, members };
}

/**
 * Who may be added to a space, by name: people of the establishment (a group-work team: its class's pupils only),
 * not already members.
 */
export async function memberCandidates(db: Db, spaceId: string, query: string) {
  const space = await spaceOf(db, spaceId);
  const current = db.select({ id: spaceMembers.personId }).from(spaceMembers).where(eq(spaceMembers.spaceId, spaceId));
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const named = or(ilike(people.firstName, pattern), ilike(people.lastName, pattern));
  const base = { id: people.id, firstName: people.firstName, lastName: people.lastName };
  const candidates =
    space.kind === "groupWork" && space.classId
      ? db.select(base).from(classEnrolments).innerJoin(people, eq(people.id, classEnrolments.studentId)).where(and(eq(classEnrolments.classId, space.classId), named, notInArray(people.id, current)))
      : db
          .selectDistinct(base)
          .from(profiles)
          .innerJoin(people, eq(people.id, profiles.personId))
          .where(and(eq(profiles.establishmentId, space.establishmentId), named, notInArray(people.id, current)));
  return candidates.orderBy(asc(people.lastName), asc(people.firstName)).limit(CANDIDATES_SHOWN);
}

/** Checks that a person may belong to the space: of its establishment, and a pupil of its class for group work. */
async function requireEligible(db: Db, spaceId: string, personId: string) {
  const space = await spaceOf(db, spaceId);
  if (space.kind === "class") throw new DomainError("spaces.errors.classMembers");
  if (space.kind === "groupWork" && space.classId) return requirePupilsOf(db, space.classId, [personId]);
  const [profile] = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, space.establishmentId)))
    .limit(1);
  if (!profile) throw new DomainError("spaces.errors.notInEstablishment");
}

/** Adds a member, or changes their role; a team keeps at least one owner. */
export async function setMember(db: Db, spaceId: string, personId: string, role: MemberRole): Promise<void> {
  await requireEligible(db, spaceId, personId);
  await db.transaction(async (tx) => {
    await tx
      .insert(spaceMembers)
      .values({ spaceId, personId, role })
      .onConflictDoUpdate({ target: [spaceMembers.spaceId, spaceMembers.personId], set: { role } });
    await requireAnOwner(tx, spaceId);
  });
}

export async function removeMember(db: Db, spaceId: string, personId: string): Promise<void> {
  const space = await spaceOf(db, spaceId);
  if (space.kind === "class") throw new DomainError("spaces.errors.classMembers");
  await db.transaction(async (tx) => {
    await tx.delete(spaceMembers).where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.personId, personId)));
    await requireAnOwner(tx, spaceId);
  });
}

/** A team space without an owner could never be managed again; group-work teams are owned through their class. */
async function requireAnOwner(db: Db, spaceId: string): Promise<void> {
  const space = await spaceOf(db, spaceId);
  if (space.kind !== "team") return;
  const [{ owners }] = await db.select({ owners: count() }).from(spaceMembers).where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.role, "owner")));
  if (owners === 0) throw new DomainError("spaces.errors.lastOwner");
}
