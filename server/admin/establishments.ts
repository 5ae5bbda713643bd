import { and, asc, count, eq, ne } from "drizzle-orm";
import { establishments, installationAdmins, people, profiles, schoolYears } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { layOutSchoolWeeks } from "@/server/timetable/school-weeks";
import { schoolYearLabel } from "./school-year";

/** Whether the person is one of the installation's super-administrators (granted from the command line only). */
export async function isSuperAdmin(db: Db, personId: string): Promise<boolean> {
  const [row] = await db.select({ id: installationAdmins.personId }).from(installationAdmins).where(eq(installationAdmins.personId, personId));
  return row !== undefined;
}

/** Every establishment of the installation, with how many people hold a profile there. */
export async function listEstablishments(db: Db) {
  return db
    .select({ id: establishments.id, uai: establishments.uai, name: establishments.name, kind: establishments.kind, city: establishments.city, people: count(profiles.id) })
    .from(establishments)
    .leftJoin(profiles, eq(profiles.establishmentId, establishments.id))
    .groupBy(establishments.id)
    .orderBy(asc(establishments.name));
}

/** What identifies and describes an establishment, chosen at its creation and corrected later if need be. */
export interface EstablishmentDetails {
  uai: string;
  name: string;
  kind: "ecole" | "college" | "lycee";
  city: string | null;
}

/**
 * A new, empty establishment with its current school year (1 September to 31 August, periods set later by its
 * administrator) and its weeks A and B, and the super-administrator as its first administrator so they can import
 * its accounts.
 */
export async function createEstablishment(db: Db, fields: EstablishmentDetails, superAdminId: string, now = new Date()) {
  const [clash] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, fields.uai));
  if (clash) throw new DomainError("admin.errors.uaiTaken");
  return db.transaction(async (tx) => {
    const [establishment] = await tx.insert(establishments).values(fields).returning();
    const label = schoolYearLabel(now);
    const start = Number(label.slice(0, 4));
    const [year] = await tx
      .insert(schoolYears)
      .values({ establishmentId: establishment.id, label, startsOn: `${start}-09-01`, endsOn: `${start + 1}-08-31` })
      .returning({ id: schoolYears.id });
    await layOutSchoolWeeks(tx, year.id);
    await tx.insert(profiles).values({ personId: superAdminId, establishmentId: establishment.id, role: "admin" });
    return establishment;
  });
}

/**
 * Corrects an establishment's details (a misspelt name, a mistyped UAI, the wrong kind); the UAI stays unique. Answers
 * the details it had before, or null when there is no such establishment.
 */
export async function updateEstablishment(db: Db, establishmentId: string, fields: EstablishmentDetails): Promise<EstablishmentDetails | null> {
  const [clash] = await db
    .select({ id: establishments.id })
    .from(establishments)
    .where(and(eq(establishments.uai, fields.uai), ne(establishments.id, establishmentId)));
  if (clash) throw new DomainError("admin.errors.uaiTaken");
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ uai: establishments.uai, name: establishments.name, kind: establishments.kind, city: establishments.city })
      .from(establishments)
      .where(eq(establishments.id, establishmentId))
      .for("update");
    if (!previous) return null;
    await tx.update(establishments).set(fields).where(eq(establishments.id, establishmentId));
    return previous;
  });
}

/** Grants super-administration to an identifiant (the `admin:super` script). */
export async function grantSuperAdmin(db: Db, login: string): Promise<boolean> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.login, login.trim().toLowerCase()));
  if (!person) return false;
  await db.insert(installationAdmins).values({ personId: person.id }).onConflictDoNothing();
  return true;
}
