import type { guardianRelationship, people, role } from "@/drizzle/schema";
import type { LoginAllocator } from "./logins";
import type { Random } from "./random";
import type { SeedRows } from "./rows";

export type Role = (typeof role.enumValues)[number];
export type Relationship = (typeof guardianRelationship.enumValues)[number];
export type PersonRow = typeof people.$inferInsert;

/** What generating one establishment (or the whole demo) works with. */
export interface SeedContext {
  random: Random;
  logins: LoginAllocator;
  newId: () => string;
  /** The demo password's hash, computed once and shared by every active account. */
  passwordHash: string;
  rows: SeedRows;
  /** "personId/establishmentId/role" of the profiles already added, so that each is added once. */
  profileKeys: Set<string>;
}

/** Share of generated guardians who have not activated their account yet. */
const PENDING_GUARDIAN_RATE = 0.05;

export type PersonKind = "pupil" | "guardian" | "employee";

/**
 * Adds a person: by default an active account with the demo password and a generated identifiant, an e-mail for
 * adults and a mobile phone for guardians. A few generated guardians are pending: their activation letter
 * (courrier d'activation) is yet to be printed, so they have no code yet. `fixed` sets the login of a named
 * account (the caller reserved it) or anything else that differs.
 */
export function addPerson(
  ctx: SeedContext,
  kind: PersonKind,
  firstName: string,
  lastName: string,
  fixed: Partial<Omit<PersonRow, "id">> = {},
): string {
  const login = fixed.login ?? ctx.logins.allocate(firstName, lastName);
  const pending = fixed.login === undefined && kind === "guardian" && ctx.random.chance(PENDING_GUARDIAN_RATE);
  const id = ctx.newId();
  ctx.rows.people.push({
    id,
    login,
    firstName,
    lastName,
    email: kind === "pupil" ? null : `${login}@example.org`,
    phone: kind === "guardian" ? mobilePhone(ctx) : null,
    status: pending ? "pending" : "active",
    passwordHash: pending ? null : ctx.passwordHash,
    ...fixed,
  });
  return id;
}

function mobilePhone(ctx: SeedContext): string {
  const pairs = Array.from({ length: 4 }, () => String(ctx.random.int(0, 99)).padStart(2, "0"));
  return `0${ctx.random.chance(0.7) ? 6 : 7} ${pairs.join(" ")}`;
}

export function addProfile(ctx: SeedContext, personId: string, establishmentId: string, profileRole: Role): void {
  const key = `${personId}/${establishmentId}/${profileRole}`;
  if (ctx.profileKeys.has(key)) return;
  ctx.profileKeys.add(key);
  ctx.rows.profiles.push({ id: ctx.newId(), personId, establishmentId, role: profileRole });
}
