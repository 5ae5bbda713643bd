import type { Locale } from "@/app/i18n/locales";
import { validateSession } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import type { EventBus } from "@/server/events";
import type { Scope } from "@/server/policy/scope";
import type { ScopeCache } from "@/server/policy/scope-cache";

/** The person calling, from a valid session; their scope in the active establishment when they have one there. */
export interface Actor {
  personId: string;
  sessionId: string;
  establishmentId: string | null;
  scope: Scope | null;
}

export interface Context {
  db: Db;
  bus: EventBus;
  scopes: ScopeCache;
  locale: Locale;
  ip: string;
  actor: Actor | null;
}

export interface ContextInput {
  db: Db;
  bus: EventBus;
  scopes: ScopeCache;
  locale: Locale;
  ip: string;
  sessionId: string | null;
}

/** Builds the context of one request: the session is checked against the database every time. */
export async function createContext(input: ContextInput): Promise<Context> {
  const { sessionId, ...rest } = input;
  const session = sessionId ? await validateSession(input.db, sessionId) : null;
  if (!session) return { ...rest, actor: null };
  const scope = session.activeEstablishmentId
    ? await input.scopes.get(input.db, session.personId, session.activeEstablishmentId)
    : null;
  return {
    ...rest,
    actor: {
      personId: session.personId,
      sessionId: session.sessionId,
      establishmentId: session.activeEstablishmentId,
      scope: scope && scope.roles.size > 0 ? scope : null,
    },
  };
}
