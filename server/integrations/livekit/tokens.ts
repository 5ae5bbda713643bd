import { AccessToken, TrackSource, type VideoGrant } from "livekit-server-sdk";
import type { LivekitConfig } from "./config";

/**
 * Access tokens for LiveKit rooms, signed with the API secret. A token only lets its holder connect; LiveKit refreshes
 * it for a connected participant, so it can be short-lived. The grants depend on who joins:
 * - host: the teacher of a class (room admin, publishes everything, sends data);
 * - pupil: subscribes, sends chat, and publishes only what the teacher allows;
 * - meeting: a teacher or a guardian in a parent–teacher meeting (both publish, neither administers).
 */
export const TOKEN_TTL_SECONDS = 10 * 60;

/**
 * A raised hand is the participant's `hand` attribute (when it was raised, ISO 8601), which the LiveKit server holds
 * and sends to everyone in the room, latecomers included. Only the server sets it (through the room service, or in
 * the token of someone coming back to the room): nobody may update their own metadata, lest they rename themself.
 */
export const HAND_ATTRIBUTE = "hand";

export type JoinProfile =
  | { kind: "host" }
  | { kind: "pupil"; microphone: boolean; camera: boolean; screenShare: boolean }
  | { kind: "meeting" };

export interface Joiner {
  /** the person's id: webhooks name them by it */
  identity: string;
  name: string;
  room: string;
  profile: JoinProfile;
  /** the hand they had raised before they reloaded the page: they come back with it raised */
  handRaisedAt?: string;
}

/** What a pupil may publish, as LiveKit track sources. */
export function pupilSources(allowed: { microphone: boolean; camera: boolean; screenShare: boolean }): TrackSource[] {
  return [
    ...(allowed.microphone ? [TrackSource.MICROPHONE] : []),
    ...(allowed.camera ? [TrackSource.CAMERA] : []),
    ...(allowed.screenShare ? [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO] : []),
  ];
}

export function grantOf(room: string, profile: JoinProfile): VideoGrant {
  const base = { roomJoin: true, room, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false };
  switch (profile.kind) {
    case "host":
      return { ...base, roomAdmin: true, canPublish: true };
    case "meeting":
      return { ...base, canPublish: true };
    case "pupil": {
      const sources = pupilSources(profile);
      return { ...base, canPublish: sources.length > 0, canPublishSources: sources };
    }
  }
}

export function issueToken(config: LivekitConfig, joiner: Joiner): Promise<string> {
  const token = new AccessToken(config.apiKey, config.apiSecret, {
    identity: joiner.identity,
    name: joiner.name,
    ttl: TOKEN_TTL_SECONDS,
    attributes: { role: joiner.profile.kind, ...(joiner.handRaisedAt ? { [HAND_ATTRIBUTE]: joiner.handRaisedAt } : {}) },
  });
  token.addGrant(grantOf(joiner.room, joiner.profile));
  return token.toJwt();
}
