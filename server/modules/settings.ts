import { and, eq } from "drizzle-orm";
import { disabledModules } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { EventBus } from "@/server/events";
import { isModule, type Module } from "./modules";

const TTL_MS = 30_000;

/**
 * The modules switched off in each establishment, kept for a few seconds per establishment so that the check on
 * every procedure call costs nothing. A "modules.changed" event from any instance evicts the establishment at once.
 */
class DisabledModulesCache {
  private readonly entries = new Map<string, { modules: ReadonlySet<Module>; expiresAt: number }>();
  private readonly buses = new WeakSet<EventBus>();

  listen(bus: EventBus) {
    if (this.buses.has(bus)) return;
    this.buses.add(bus);
    bus.subscribe("modules.changed", ({ establishmentId }) => this.entries.delete(establishmentId));
  }

  async get(db: Db, establishmentId: string, now = Date.now()): Promise<ReadonlySet<Module>> {
    const hit = this.entries.get(establishmentId);
    if (hit && hit.expiresAt > now) return hit.modules;
    const rows = await db
      .select({ module: disabledModules.module })
      .from(disabledModules)
      .where(eq(disabledModules.establishmentId, establishmentId));
    const modules = new Set(rows.map((r) => r.module).filter(isModule));
    this.entries.set(establishmentId, { modules, expiresAt: now + TTL_MS });
    return modules;
  }

  evict(establishmentId: string) {
    this.entries.delete(establishmentId);
  }
}

const cache = new DisabledModulesCache();

/** The modules switched off in an establishment (cached briefly; evicted by "modules.changed" when a bus is given). */
export function disabledModulesOf(db: Db, establishmentId: string, bus?: EventBus): Promise<ReadonlySet<Module>> {
  if (bus) cache.listen(bus);
  return cache.get(db, establishmentId);
}

/** Switches a module on or off for an establishment, and tells every instance to forget what it cached. */
export async function setModuleEnabled(db: Db, bus: EventBus, establishmentId: string, module: Module, enabled: boolean) {
  if (enabled) {
    await db
      .delete(disabledModules)
      .where(and(eq(disabledModules.establishmentId, establishmentId), eq(disabledModules.module, module)));
  } else {
    await db.insert(disabledModules).values({ establishmentId, module }).onConflictDoNothing();
  }
  cache.evict(establishmentId);
  await bus.publish("modules.changed", { establishmentId });
}
