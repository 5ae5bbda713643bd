import { and, eq, inArray, isNull, lte, ne, notInArray, or } from "drizzle-orm";
import { people, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { isSuperAdmin } from "./establishments";

/**
 * One account serves a person in every establishment of the installation (a parent with children in two schools, a
 * teacher in two collèges). What changes the account itself (its name, its password, whether it may sign in) is
 * therefore the business of one establishment only when the person belongs to it alone; otherwise it is the
 * installation's super-administrators'. An establishment's administrator keeps their own profiles and data there.
 */
export async function hasProfilesElsewhere(db: Db, personId: string, establishmentId: string): Promise<boolean> {
  const [elsewhere] = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.personId, personId), ne(profiles.establishmentId, establishmentId)))
    .limit(1);
  return elsewhere !== undefined;
}

/** Refuses a change to the account of someone another establishment also has, unless a super-administrator makes it. */
export async function assertAccountIsOurs(db: Db, personId: string, establishmentId: string, actorId: string): Promise<void> {
  if ((await hasProfilesElsewhere(db, personId, establishmentId)) && !(await isSuperAdmin(db, actorId))) {
    throw new DomainError("admin.errors.accountShared");
  }
}

/**
 * Of these people, those an establishment's batch of letters may give a new code: everyone who belongs to it alone,
 * and those another establishment also has only while they hold no valid code (else the first letter printed, maybe
 * by the other school, would stop working).
 */
export async function lettersMayReach(db: Db, personIds: string[], establishmentId: string, now = new Date()): Promise<string[]> {
  if (personIds.length === 0) return [];
  const shared = db
    .selectDistinct({ personId: profiles.personId })
    .from(profiles)
    .where(and(inArray(profiles.personId, personIds), ne(profiles.establishmentId, establishmentId)));
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        inArray(people.id, personIds),
        or(notInArray(people.id, shared), isNull(people.activationCodeHash), isNull(people.activationExpiresAt), lte(people.activationExpiresAt, now)),
      ),
    );
  return rows.map((row) => row.id);
}
