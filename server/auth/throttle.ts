import { eq, inArray, sql } from "drizzle-orm";
import { loginThrottles } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/**
 * Failed-login throttling. Each failure counts against three keys; past a key's allowance every further failure
 * blocks it for a delay that doubles up to a ceiling. The identifiant alone has a low ceiling, so that an attacker
 * guessing from many addresses can delay the real person by two minutes at most, while the identifiant seen from
 * one address and the address alone are slowed down much harder.
 */
interface Rule {
  allowance: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

const WINDOW_MINUTES = 15;

const RULES = {
  pair: { allowance: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  login: { allowance: 20, firstDelaySeconds: 15, maxDelaySeconds: 2 * 60 },
  ip: { allowance: 50, firstDelaySeconds: 60, maxDelaySeconds: 15 * 60 },
} satisfies Record<string, Rule>;

type Kind = keyof typeof RULES;

function keysFor(login: string, ip: string): Record<Kind, string> {
  return { pair: `pair:${login}|${ip}`, login: `login:${login}`, ip: `ip:${ip}` };
}

export function delayAfter(rule: Rule, failures: number): number {
  if (failures <= rule.allowance) return 0;
  const doublings = Math.min(failures - rule.allowance - 1, 20);
  return Math.min(rule.firstDelaySeconds * 2 ** doublings, rule.maxDelaySeconds);
}

/** Seconds before this identifiant may be tried again from this address, or 0. */
export async function secondsUntilAllowed(db: Db, login: string, ip: string, now = new Date()): Promise<number> {
  const keys = Object.values(keysFor(login, ip));
  const rows = await db
    .select({ blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, keys));
  const waits = rows.map((row) => (row.blockedUntil ? Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000) : 0));
  return Math.max(0, ...waits);
}

export async function recordFailure(db: Db, login: string, ip: string, now = new Date()): Promise<void> {
  // Dates inside raw sql are not mapped by a column: pass them as ISO strings, which both drivers accept.
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  for (const [kind, key] of Object.entries(keysFor(login, ip)) as [Kind, string][]) {
    const [row] = await db
      .insert(loginThrottles)
      .values({ key, failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then 1 else ${loginThrottles.failures} + 1 end`,
          windowStartedAt: sql`case when ${loginThrottles.windowStartedAt} < ${windowStart} then ${now.toISOString()} else ${loginThrottles.windowStartedAt} end`,
        },
      })
      .returning({ failures: loginThrottles.failures });
    const delay = delayAfter(RULES[kind], row.failures);
    if (delay > 0) {
      await db
        .update(loginThrottles)
        .set({ blockedUntil: new Date(now.getTime() + delay * 1000) })
        .where(eq(loginThrottles.key, key));
    }
  }
}

/** A successful login clears what counted against this identifiant; the address keeps its own count. */
export async function clearFailures(db: Db, login: string, ip: string): Promise<void> {
  const keys = keysFor(login, ip);
  await db.delete(loginThrottles).where(inArray(loginThrottles.key, [keys.pair, keys.login]));
}
