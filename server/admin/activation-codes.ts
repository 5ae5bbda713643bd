import { and, eq, inArray, ne } from "drizzle-orm";
import { classEnrolments, guardianships, people, profiles } from "@/drizzle/schema";
import { hashSecret, newActivationCode, normaliseActivationCode } from "@/server/auth/password";
import { revokeAllSessions } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { STAFF_ROLES } from "@/server/policy/roles";

/** How long a printed activation code stays valid; a lost or expired code is simply reissued. */
export const ACTIVATION_CODE_DAYS = 30;

export interface IssuedCode {
  personId: string;
  login: string;
  firstName: string;
  lastName: string;
  code: string;
  expiresAt: Date;
}

/**
 * New one-time codes for these people: each replaces any earlier code, and only its hash is kept, so a code is
 * readable once, on the letter being printed. An account that had a password goes back to waiting for activation
 * (a password reset) and its sessions end.
 */
export async function issueActivationCodes(db: Db, personIds: string[], now = new Date()): Promise<IssuedCode[]> {
  if (personIds.length === 0) return [];
  const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_DAYS * 24 * 3600 * 1000);
  const targets = await db
    .select({ id: people.id, login: people.login, firstName: people.firstName, lastName: people.lastName, status: people.status })
    .from(people)
    .where(and(inArray(people.id, personIds), ne(people.status, "disabled")));
  const issued: IssuedCode[] = [];
  for (const person of targets) {
    const code = newActivationCode();
    await db
      .update(people)
      .set({ activationCodeHash: await hashSecret(normaliseActivationCode(code)), activationExpiresAt: expiresAt, status: "pending", passwordHash: null })
      .where(eq(people.id, person.id));
    if (person.status === "active") await revokeAllSessions(db, person.id, now);
    issued.push({ personId: person.id, login: person.login, firstName: person.firstName, lastName: person.lastName, code, expiresAt });
  }
  return issued.sort((a, b) => a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr"));
}

/**
 * Who a class's letters are for: its pupils and their guardians whose accounts still wait for activation
 * (active accounts are left alone: their owners already chose a password).
 */
export async function pendingOfClass(db: Db, classId: string): Promise<string[]> {
  const pupils = await db
    .select({ id: people.id, status: people.status })
    .from(classEnrolments)
    .innerJoin(people, eq(people.id, classEnrolments.studentId))
    .where(eq(classEnrolments.classId, classId));
  const guardians = pupils.length
    ? await db
        .select({ id: people.id, status: people.status })
        .from(guardianships)
        .innerJoin(people, eq(people.id, guardianships.guardianId))
        .where(inArray(guardianships.studentId, pupils.map((p) => p.id)))
    : [];
  return [...new Set([...pupils, ...guardians].filter((p) => p.status === "pending").map((p) => p.id))];
}

/** The establishment's teachers and staff whose accounts wait for activation. */
export async function pendingStaff(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: people.id })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .where(and(eq(profiles.establishmentId, establishmentId), inArray(profiles.role, ["teacher", ...STAFF_ROLES]), eq(people.status, "pending")));
  return rows.map((r) => r.id);
}
