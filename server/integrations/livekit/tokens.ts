import { AccessToken, TrackSource, type VideoGrant } from "livekit-server-sdk";
import type { LivekitConfig } from "./config";

/**
 * Access tokens for LiveKit rooms, signed with the API secret. A token only lets its holder connect; LiveKit refreshes
 * it for a connected participant, so it can be short-lived. The grants depend on who joins:
 * - host: the teacher of a class (room admin, publishes everything, sends data);
 * - pupil: subscribes, sends chat and raised hands, and publishes only what the teacher allows;
 * - meeting: a teacher or a guardian in a parent–teacher meeting (both publish, neither administers).
 */
export const TOKEN_TTL_SECONDS = 10 * 60;

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
    attributes: { role: joiner.profile.kind },
  });
  token.addGrant(grantOf(joiner.room, joiner.profile));
  return token.toJwt();
}
