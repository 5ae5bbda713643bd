import { vi } from "vitest";

/**
 * Runs `call` as if it were `now` by the server's clock, for procedures that read the time themselves (a room that
 * opens, a week's lessons still to come). Only Date is faked: timers, the database and the event bus run as usual.
 */
export async function atServerTime<T>(now: Date, call: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  try {
    return await call();
  } finally {
    vi.useRealTimers();
  }
}
