import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { people, profiles, sessions } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { env } from "@/server/env";

/** How often the last-seen time of a session is written: idle detection does not need every request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface ValidSession {
  sessionId: string;
  personId: string;
  activeEstablishmentId: string | null;
}

export async function createSession(
  db: Db,
  personId: string,
  client: { ip: string; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const [firstProfile] = await db
    .select({ establishmentId: profiles.establishmentId })
    .from(profiles)
    .where(eq(profiles.personId, personId))
    .orderBy(asc(profiles.createdAt))
    .limit(1);
  await db.insert(sessions).values({
    id,
    personId,
    activeEstablishmentId: firstProfile?.establishmentId ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 400) ?? null,
  });
  return id;
}

/**
 * The session behind a cookie, if it is still valid: not revoked, not past its absolute end, not idle for longer
 * than allowed, and its account active. Checked on every request, so that a revoked session or a disabled account
 * is refused at its very next request. A request counts as activity (`touch`); a long-lived stream checking that its
 * session still holds does not, so that an open tab alone never keeps a session from going idle.
 */
export async function validateSession(db: Db, sessionId: string, now = new Date(), { touch = true } = {}): Promise<ValidSession | null> {
  const idleSince = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
  const [row] = await db
    .select({
      personId: sessions.personId,
      activeEstablishmentId: sessions.activeEstablishmentId,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
        eq(people.status, "active"),
      ),
    );
  if (!row) return null;
  if (touch && now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return { sessionId, personId: row.personId, activeEstablishmentId: row.activeEstablishmentId };
}

export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<string | null> {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ personId: sessions.personId });
  return row?.personId ?? null;
}

/** "Se déconnecter partout": ends every session of the person. Returns how many were open. */
export async function revokeAllSessions(db: Db, personId: string, now = new Date()): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function setActiveEstablishment(db: Db, sessionId: string, establishmentId: string): Promise<void> {
  await db.update(sessions).set({ activeEstablishmentId: establishmentId }).where(eq(sessions.id, sessionId));
}
