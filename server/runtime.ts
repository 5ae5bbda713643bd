import { getDb, type Db } from "@/server/db";
import { type EventBus, getEventBus } from "@/server/events";
import { ScopeCache } from "@/server/policy/scope-cache";

export interface Runtime {
  db: Db;
  bus: EventBus;
  scopes: ScopeCache;
}

const GLOBAL_KEY = Symbol.for("preau.runtime");
type GlobalWithRuntime = typeof globalThis & { [GLOBAL_KEY]?: Promise<Runtime> };

/** The long-lived parts of this process, shared by the launcher and the code Next.js bundles. */
export function getRuntime(): Promise<Runtime> {
  const store = globalThis as GlobalWithRuntime;
  store[GLOBAL_KEY] ??= (async () => {
    const [db, bus] = await Promise.all([getDb(), getEventBus()]);
    return { db, bus, scopes: new ScopeCache(bus) };
  })();
  return store[GLOBAL_KEY];
}
