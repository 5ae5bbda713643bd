import { and, eq, isNull } from "drizzle-orm";
import { people, virtualClasses } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { LivekitConfig } from "@/server/integrations/livekit/config";
import { issueToken, type JoinProfile } from "@/server/integrations/livekit/tokens";
import { loadSession, type Session } from "./session";
import { roomState } from "./window";

/**
 * Entering a virtual class. The access policy has said the person belongs to it (its host or one of its pupils);
 * here the time decides: the host enters from the room's opening, pupils once the host started it, nobody before
 * the opening or after the end.
 */
export async function displayName(db: Db, personId: string): Promise<string> {
  const [person] = await db.select({ firstName: people.firstName, lastName: people.lastName }).from(people).where(eq(people.id, personId));
  return person ? `${person.firstName} ${person.lastName}` : "";
}

export const isHost = (session: Session, personId: string) => session.hostIds.includes(personId);

function refuseUnlessOpen(session: Session, now: Date, host: boolean) {
  const state = roomState(session, now);
  if (state === "early") throw new DomainError("virtualClasses.errors.tooEarly");
  if (state === "ended") throw new DomainError("virtualClasses.errors.ended");
  if (state === "withdrawn") throw new DomainError("virtualClasses.errors.withdrawn");
  if (state === "lobby" && !host) throw new DomainError("virtualClasses.errors.notStarted");
}

/**
 * The hand someone had raised before they reloaded the page, as their page remembered it, if it can be true: raised
 * while the class was going on, not in the future. (A forged time only moves one's own hand in the queue.)
 */
function handToRestore(session: Session, raisedAt: Date | undefined, now: Date): string | undefined {
  if (!raisedAt || !session.startedAt || raisedAt < session.startedAt || raisedAt > now) return undefined;
  return raisedAt.toISOString();
}

/** A token for the person to enter the class's room now, with the grants of their part in it (and their raised hand). */
export async function joinToken(db: Db, config: LivekitConfig, virtualClassId: string, personId: string, now = new Date(), handRaisedAt?: Date) {
  const session = await loadSession(db, virtualClassId);
  const host = isHost(session, personId);
  refuseUnlessOpen(session, now, host);
  const profile: JoinProfile = host ? { kind: "host" } : { kind: "pupil", ...session.pupils };
  const token = await issueToken(config, {
    identity: personId,
    name: await displayName(db, personId),
    room: session.roomName,
    profile,
    handRaisedAt: handToRestore(session, handRaisedAt, now),
  });
  return { url: config.url, token, host };
}

/** The host opens the room: pupils waiting in the lobby come in. Says whether this call started it (not already started). */
export async function startClass(db: Db, virtualClassId: string, now = new Date()): Promise<boolean> {
  const session = await loadSession(db, virtualClassId);
  refuseUnlessOpen(session, now, true);
  const started = await db
    .update(virtualClasses)
    .set({ startedAt: now })
    .where(and(eq(virtualClasses.id, virtualClassId), isNull(virtualClasses.startedAt)))
    .returning({ id: virtualClasses.id });
  return started.length > 0;
}
