import { parseEnv } from "@/server/env";
import { roomControls, type RoomControls } from "./room-service";

/** Where the LiveKit server is and the API key pair Préau signs tokens and room-service calls with. */
export interface LivekitConfig {
  /** the URL browsers connect to (ws:// or wss://) */
  url: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * LiveKit's settings, or null when video is not configured (everything else still works). Read from the environment
 * on each call rather than from the start-up snapshot, so that tests point a process at a local room service.
 */
export function livekitConfig(): LivekitConfig | null {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = parseEnv(process.env);
  if (!LIVEKIT_URL || !LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) return null;
  return { url: LIVEKIT_URL.replace(/^http/, "ws"), apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET };
}

/** The room service's controls when LiveKit is configured. */
export function livekitControls(): RoomControls | null {
  const config = livekitConfig();
  return config && roomControls(config);
}
