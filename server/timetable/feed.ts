import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { calendarFeeds } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { env } from "@/server/env";

/**
 * A person's calendar feed (abonnement iCalendar): its URL carries a secret token that works without a session, so
 * only the token's SHA-256 is kept. The URL can be shown once, when it is made; making a new one revokes the old.
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedUrl(token: string): string {
  return `${env().PUBLIC_URL.replace(/\/+$/, "")}/api/calendrier/${token}.ics`;
}

/** Makes a new secret URL for the person in the establishment; the previous one stops working at once. */
export async function regenerateFeed(db: Db, personId: string, establishmentId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const values = { tokenHash: tokenHash(token), createdAt: new Date(), lastFetchedAt: null };
  await db
    .insert(calendarFeeds)
    .values({ personId, establishmentId, ...values })
    .onConflictDoUpdate({ target: [calendarFeeds.personId, calendarFeeds.establishmentId], set: values });
  return token;
}

export async function revokeFeed(db: Db, personId: string, establishmentId: string): Promise<void> {
  await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.personId, personId), eq(calendarFeeds.establishmentId, establishmentId)));
}

/** Whether the person has a feed, since when, and when a calendar last read it. */
export async function feedStatus(db: Db, personId: string, establishmentId: string) {
  const [feed] = await db
    .select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.personId, personId), eq(calendarFeeds.establishmentId, establishmentId)));
  return feed ?? null;
}

/** Whose feed a token opens, or undefined; the read is recorded. */
export async function feedOwner(db: Db, token: string, now = new Date()) {
  const [feed] = await db
    .update(calendarFeeds)
    .set({ lastFetchedAt: now })
    .where(eq(calendarFeeds.tokenHash, tokenHash(token)))
    .returning({ personId: calendarFeeds.personId, establishmentId: calendarFeeds.establishmentId });
  return feed;
}
