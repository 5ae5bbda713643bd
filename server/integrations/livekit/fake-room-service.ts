import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TokenVerifier } from "livekit-server-sdk";

/**
 * For tests only (no LiveKit server can be installed here): a local HTTP server that answers the Twirp endpoints of
 * LiveKit's room service that Préau calls, checks each call's bearer token as LiveKit does, and records the calls.
 * Its participants are what a test puts in `participants` (ParticipantInfo as protobuf JSON).
 */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** the video grant of the token the call carried */
  grant: Record<string, unknown>;
}

export interface FakeParticipant {
  identity: string;
  attributes?: Record<string, string>;
  tracks?: { sid: string; source: "MICROPHONE" | "CAMERA" | "SCREEN_SHARE"; muted?: boolean }[];
}

export interface FakeRoomService {
  url: string;
  calls: RecordedCall[];
  participants: Map<string, FakeParticipant[]>;
  close(): Promise<void>;
}

const PREFIX = "/twirp/livekit.RoomService/";

export async function startFakeRoomService(apiKey: string, apiSecret: string): Promise<FakeRoomService> {
  const verifier = new TokenVerifier(apiKey, apiSecret);
  const calls: RecordedCall[] = [];
  const participants = new Map<string, FakeParticipant[]>();

  const reply = (method: string, body: Record<string, unknown>): [number, unknown] => {
    const room = String(body.room ?? "");
    const inRoom = participants.get(room) ?? [];
    const participant = inRoom.find((p) => p.identity === body.identity);
    switch (method) {
      case "ListParticipants":
        return [200, { participants: inRoom }];
      case "GetParticipant":
        return participant ? [200, participant] : [404, { code: "not_found", msg: "participant does not exist" }];
      case "UpdateParticipant": {
        if (!participant) return [404, { code: "not_found", msg: "participant does not exist" }];
        // as LiveKit: the attributes named are set, an empty value removes one, the others stay
        for (const [name, value] of Object.entries((body.attributes ?? {}) as Record<string, string>)) {
          if (value) participant.attributes = { ...participant.attributes, [name]: value };
          else delete participant.attributes?.[name];
        }
        return [200, participant];
      }
      case "MutePublishedTrack":
        return [200, { track: participant?.tracks?.find((t) => t.sid === body.trackSid) ?? {} }];
      case "RemoveParticipant":
      case "DeleteRoom":
        return [200, {}];
      default:
        return [404, { code: "bad_route", msg: `no handler for ${method}` }];
    }
  };

  const server: Server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    request.on("end", async () => {
      const send = (status: number, payload: unknown) => {
        // one connection per call: a kept-alive one that the server closes while idle races the client's next call (ECONNRESET)
        response.writeHead(status, { "Content-Type": "application/json", Connection: "close" });
        response.end(JSON.stringify(payload));
      };
      if (request.method !== "POST" || !request.url?.startsWith(PREFIX)) return send(404, { code: "bad_route", msg: "not found" });
      const method = request.url.slice(PREFIX.length);
      let grant: Record<string, unknown>;
      try {
        const claims = await verifier.verify((request.headers.authorization ?? "").replace(/^Bearer /, ""));
        grant = (claims.video ?? {}) as Record<string, unknown>;
      } catch {
        return send(401, { code: "unauthenticated", msg: "invalid token" });
      }
      const body = JSON.parse(raw || "{}") as Record<string, unknown>;
      calls.push({ method, body, grant });
      const [status, payload] = reply(method, body);
      send(status, payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    calls,
    participants,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
