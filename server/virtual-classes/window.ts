/**
 * When a room may be entered. It opens a few minutes before the class so that everyone can check their camera;
 * pupils wait in the lobby until the teacher starts it; nobody new enters once it is over or ended.
 */
export const ROOM_OPENS_MINUTES_BEFORE = 10;

export type RoomState = "early" | "lobby" | "live" | "ended" | "withdrawn";

export function opensAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - ROOM_OPENS_MINUTES_BEFORE * 60_000);
}

export function roomState(
  session: { startsAt: Date; endsAt: Date; startedAt: Date | null; endedAt: Date | null; withdrawn: boolean },
  now: Date,
): RoomState {
  if (session.withdrawn) return "withdrawn";
  if (session.endedAt || now >= session.endsAt) return "ended";
  if (now < opensAt(session.startsAt)) return "early";
  return session.startedAt ? "live" : "lobby";
}
