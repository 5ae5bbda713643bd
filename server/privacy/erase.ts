import { eq } from "drizzle-orm";
import { people } from "@/drizzle/schema";
import { hasProfilesElsewhere } from "@/server/admin/known-elsewhere";
import { revokeAllSessions } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";

/**
 * Erases a person (right to erasure, and a leaver's data three months after they left): their sessions end, then
 * their row goes and with it everything that is theirs (profiles, links, marks, absences, ticks...). What they wrote
 * for others (homework, appréciations) stays, without their name. The audit log keeps only their id until its own
 * retention ends, as it is append-only.
 */
export async function erasePerson(db: Db, personId: string, now = new Date()): Promise<void> {
  await revokeAllSessions(db, personId, now);
  await db.delete(people).where(eq(people.id, personId));
}

/**
 * An establishment's administrator erases only people who belong to their establishment alone: someone who also holds
 * a profile elsewhere keeps their account, whose data the other establishment still needs.
 */
export async function eraseForEstablishment(db: Db, personId: string, establishmentId: string, now = new Date()): Promise<void> {
  if (await hasProfilesElsewhere(db, personId, establishmentId)) throw new DomainError("admin.errors.profilesElsewhere");
  await erasePerson(db, personId, now);
}
