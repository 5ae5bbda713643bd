import { env } from "@/server/env";
import { createLocalBus, createRedisBus, type EventBus } from "./bus";

export type { DomainEvents, EventBus, EventType } from "./bus";

const GLOBAL_KEY = Symbol.for("preau.eventBus");
type GlobalWithBus = typeof globalThis & { [GLOBAL_KEY]?: Promise<EventBus> };

/** The event bus of this process: over Redis when REDIS_URL is set, in-process otherwise. */
export function getEventBus(): Promise<EventBus> {
  const store = globalThis as GlobalWithBus;
  store[GLOBAL_KEY] ??= (async () => {
    const url = env().REDIS_URL;
    return url ? createRedisBus(url) : createLocalBus();
  })();
  return store[GLOBAL_KEY];
}
