import type { Db } from "@/server/db";
import type { EventBus } from "@/server/events";
import { loadScope, type Scope } from "./scope";

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

/**
 * Scopes kept for a few seconds, so that a person's burst of requests loads theirs once. A "scope.changed" event
 * from any instance evicts the people it names at once; the TTL bounds staleness if an event is ever missed.
 */
export class ScopeCache {
  private readonly entries = new Map<string, { scope: Scope; expiresAt: number }>();

  constructor(bus?: EventBus) {
    bus?.subscribe("scope.changed", ({ personIds }) => personIds.forEach((id) => this.evict(id)));
  }

  async get(db: Db, personId: string, establishmentId: string, now = Date.now()): Promise<Scope> {
    const key = `${personId}:${establishmentId}`;
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.scope;
    const scope = await loadScope(db, personId, establishmentId);
    this.entries.delete(key);
    this.entries.set(key, { scope, expiresAt: now + TTL_MS });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return scope;
  }

  evict(personId: string) {
    for (const key of this.entries.keys()) if (key.startsWith(`${personId}:`)) this.entries.delete(key);
  }
}
