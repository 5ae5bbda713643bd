import { TokenVerifier } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { issueToken, TOKEN_TTL_SECONDS } from "./tokens";

const config = { url: "wss://video.example.org", apiKey: "APIpreau", apiSecret: "a-secret-of-at-least-thirty-two-characters" };
const verify = (jwt: string) => new TokenVerifier(config.apiKey, config.apiSecret).verify(jwt);
const joiner = { identity: "0b6f0e8e-6f53-4c1e-9f0a-2b1f1c3f5a11", name: "Emma Bernard", room: "r4nd0m" };

describe("LiveKit access tokens", () => {
  it("name the person by id and display name, for one room, and expire within minutes", async () => {
    const claims = await verify(await issueToken(config, { ...joiner, profile: { kind: "host" } }));
    expect(claims.sub).toBe(joiner.identity);
    expect(claims.name).toBe("Emma Bernard");
    expect(claims.iss).toBe(config.apiKey);
    expect(claims.video?.room).toBe("r4nd0m");
    expect(claims.exp! - claims.nbf!).toBe(TOKEN_TTL_SECONDS);
    expect(TOKEN_TTL_SECONDS).toBeLessThanOrEqual(15 * 60);
  });

  it("make the teacher the room's admin, who publishes everything and sends data", async () => {
    const { video, attributes } = await verify(await issueToken(config, { ...joiner, profile: { kind: "host" } }));
    expect(video).toMatchObject({ roomJoin: true, roomAdmin: true, canPublish: true, canSubscribe: true, canPublishData: true });
    expect(video?.canPublishSources).toBeUndefined();
    expect(attributes).toEqual({ role: "host" });
  });

  it("let a pupil publish only what the teacher allows, never administer nor rename themself", async () => {
    const pupil = (microphone: boolean, camera: boolean, screenShare: boolean) =>
      issueToken(config, { ...joiner, profile: { kind: "pupil", microphone, camera, screenShare } }).then(verify);
    const usual = await pupil(true, true, false);
    expect(usual.video).toMatchObject({ roomJoin: true, canSubscribe: true, canPublish: true, canPublishData: true, canUpdateOwnMetadata: false });
    expect(usual.video?.roomAdmin).toBeUndefined();
    expect(usual.video?.canPublishSources).toEqual(["microphone", "camera"]);
    expect((await pupil(false, false, true)).video?.canPublishSources).toEqual(["screen_share", "screen_share_audio"]);
    const listening = await pupil(false, false, false);
    expect(listening.video).toMatchObject({ canPublish: false, canPublishSources: [], canSubscribe: true });
    expect(listening.attributes).toEqual({ role: "pupil" });
  });

  it("let both sides of a meeting speak, neither administer", async () => {
    const { video } = await verify(await issueToken(config, { ...joiner, profile: { kind: "meeting" } }));
    expect(video).toMatchObject({ roomJoin: true, canPublish: true, canSubscribe: true });
    expect(video?.roomAdmin).toBeUndefined();
  });

  it("are refused by a server with another secret", async () => {
    const jwt = await issueToken(config, { ...joiner, profile: { kind: "host" } });
    await expect(new TokenVerifier(config.apiKey, "another-secret-of-at-least-thirty-two-chars").verify(jwt)).rejects.toThrow();
  });
});
