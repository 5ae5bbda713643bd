import { eq } from "drizzle-orm";
import { virtualClasses } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { RoomControls } from "@/server/integrations/livekit/room-service";
import { isHost } from "./join";
import { loadSession, type Session } from "./session";
import { roomState } from "./window";

/**
 * The host's controls of a class. What pupils may publish is kept with the class (new tokens carry it) and applied at
 * once to the pupils already in the room; the other controls act on the live room through LiveKit's room service.
 */
export type PupilPermissions = Session["pupils"];

async function liveSession(db: Db, virtualClassId: string, now: Date) {
  const session = await loadSession(db, virtualClassId);
  if (roomState(session, now) !== "live") throw new DomainError("virtualClasses.errors.notLive");
  return session;
}

export async function setPupilPermissions(db: Db, controls: RoomControls | null, virtualClassId: string, allowed: PupilPermissions, now = new Date()) {
  const session = await loadSession(db, virtualClassId);
  await db
    .update(virtualClasses)
    .set({ pupilMicrophone: allowed.microphone, pupilCamera: allowed.camera, pupilScreenShare: allowed.screenShare })
    .where(eq(virtualClasses.id, virtualClassId));
  if (!controls || roomState(session, now) !== "live") return;
  for (const identity of await controls.pupils(session.roomName)) await controls.allow(session.roomName, identity, allowed);
}

/** Lets one pupil share their screen (a presentation), or takes it back; the rest of their permissions stay. */
export async function allowScreenShare(db: Db, controls: RoomControls, virtualClassId: string, pupilId: string, allowed: boolean, now = new Date()) {
  const session = await liveSession(db, virtualClassId, now);
  if (isHost(session, pupilId)) throw new DomainError("virtualClasses.errors.notAPupil");
  await controls.allow(session.roomName, pupilId, { ...session.pupils, screenShare: allowed });
}

export async function muteParticipant(db: Db, controls: RoomControls, virtualClassId: string, personId: string, now = new Date()) {
  const session = await liveSession(db, virtualClassId, now);
  await controls.mute(session.roomName, personId);
}

export async function removeParticipant(db: Db, controls: RoomControls, virtualClassId: string, personId: string, now = new Date()) {
  const session = await liveSession(db, virtualClassId, now);
  if (isHost(session, personId)) throw new DomainError("virtualClasses.errors.notAPupil");
  await controls.remove(session.roomName, personId);
}

/**
 * Raises or lowers a person's hand in the live room: their own (anyone in the class), or the host lowering someone's.
 * The LiveKit server holds it, so everyone sees it, however late they came; raised ones are listed by when.
 */
export async function setHand(db: Db, controls: RoomControls, virtualClassId: string, personId: string, raised: boolean, now = new Date()) {
  const session = await liveSession(db, virtualClassId, now);
  const raisedAt = raised ? now.toISOString() : null;
  await controls.setHand(session.roomName, personId, raisedAt);
  return { raisedAt };
}

/** Ends the class for everyone: the room closes and nobody may enter it again. */
export async function endClass(db: Db, controls: RoomControls | null, virtualClassId: string, now = new Date()) {
  const session = await loadSession(db, virtualClassId);
  if (session.endedAt) return;
  await db.update(virtualClasses).set({ endedAt: now }).where(eq(virtualClasses.id, virtualClassId));
  if (controls && session.startedAt) await controls.end(session.roomName);
}
