"use client";

import { useSyncExternalStore } from "react";

/** How often the time is read again: a join button appears within this delay of the room's opening. */
const TICK_MS = 15_000;

const subscribe = (onTick: () => void) => {
  const timer = setInterval(onTick, TICK_MS);
  return () => clearInterval(timer);
};
/** The time rounded down to the tick, so that React sees the same value until the next tick. */
const browserNow = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const serverNow = () => null;

/**
 * The current time by the person's clock, within a tick; null on the server, so that what depends on the time (a
 * join button) is decided in the browser and never mismatches the server's rendering.
 */
export function useNow(): Date | null {
  const now = useSyncExternalStore(subscribe, browserNow, serverNow);
  return now === null ? null : new Date(now);
}
