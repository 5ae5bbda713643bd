import { eq } from "drizzle-orm";
import { establishments, people } from "@/drizzle/schema";
import { createSession, setActiveEstablishment } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { createLocalBus, type EventBus } from "@/server/events/bus";
import { ScopeCache } from "@/server/policy/scope-cache";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export type Caller = ReturnType<typeof createCaller>;

/** A tRPC caller for nobody (no session). */
export async function anonymousCaller(db: Db): Promise<Caller> {
  const ctx = await createContext({ db, bus: createLocalBus(), scopes: new ScopeCache(), locale: "fr", ip: "127.0.0.1", sessionId: null });
  return createCaller(ctx);
}

/** A tRPC caller for a person, through a real session, acting in the establishment of the given UAI. */
export async function callerFor(db: Db, login: string, uai: string, bus: EventBus = createLocalBus()): Promise<Caller> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.login, login));
  const [establishment] = await db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, uai));
  if (!person || !establishment) throw new Error(`No ${login} in ${uai}`);
  const sessionId = await createSession(db, person.id, { ip: "127.0.0.1", userAgent: "vitest" });
  await setActiveEstablishment(db, sessionId, establishment.id);
  const ctx = await createContext({ db, bus, scopes: new ScopeCache(), locale: "fr", ip: "127.0.0.1", sessionId });
  return createCaller(ctx);
}
