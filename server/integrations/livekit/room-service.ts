import { RoomServiceClient, TrackSource } from "livekit-server-sdk";
import type { LivekitConfig } from "./config";
import { HAND_ATTRIBUTE, pupilSources } from "./tokens";

/**
 * The teacher's controls over a live room, through LiveKit's room service (Twirp over http). Each call acts on the
 * LiveKit server only; the caller has already checked that the person hosts the room.
 */
export interface RoomControls {
  /** mutes the participant's microphone tracks */
  mute(room: string, identity: string): Promise<void>;
  /** sets what a pupil may publish from now on (the teacher's settings, or a screen share allowed to one pupil) */
  allow(room: string, identity: string, allowed: { microphone: boolean; camera: boolean; screenShare: boolean }): Promise<void>;
  /** the identities of the pupils connected now (everyone but hosts) */
  pupils(room: string): Promise<string[]>;
  remove(room: string, identity: string): Promise<void>;
  /** raises the participant's hand (at that time, ISO 8601) or lowers it (null): their `hand` attribute */
  setHand(room: string, identity: string, raisedAt: string | null): Promise<void>;
  /** disconnects everyone and closes the room */
  end(room: string): Promise<void>;
}

export function roomControls(config: LivekitConfig): RoomControls {
  // the room service listens on the websocket's host, over http(s)
  const client = new RoomServiceClient(config.url.replace(/^ws/, "http"), config.apiKey, config.apiSecret);
  return {
    async mute(room, identity) {
      const participant = await client.getParticipant(room, identity);
      const microphones = participant.tracks.filter((track) => track.source === TrackSource.MICROPHONE && !track.muted);
      for (const track of microphones) await client.mutePublishedTrack(room, identity, track.sid, true);
    },
    async allow(room, identity, allowed) {
      const sources = pupilSources(allowed);
      await client.updateParticipant(room, identity, {
        permission: { canSubscribe: true, canPublishData: true, canPublish: sources.length > 0, canPublishSources: sources },
      });
    },
    async pupils(room) {
      const participants = await client.listParticipants(room);
      return participants.filter((p) => p.attributes.role === "pupil").map((p) => p.identity);
    },
    remove: (room, identity) => client.removeParticipant(room, identity),
    async setHand(room, identity, raisedAt) {
      // only the attributes named change; an empty value removes one
      await client.updateParticipant(room, identity, { attributes: { [HAND_ATTRIBUTE]: raisedAt ?? "" } });
    },
    async end(room) {
      try {
        await client.deleteRoom(room);
      } catch (error) {
        // nobody ever connected, or everyone left: the room is already closed
        if ((error as { code?: string }).code !== "not_found") throw error;
      }
    },
  };
}
