import { livekitConfig } from "@/server/integrations/livekit/config";
import { getRuntime } from "@/server/runtime";
import { ForgedWebhook, receiveWebhook } from "@/server/virtual-classes/webhook";

/** The largest webhook body read: LiveKit's events are a few kilobytes. */
const MAX_BODY_BYTES = 64 * 1024;

const answer = (status: number, text: string) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * LiveKit's webhooks (configure `webhook.urls` of the LiveKit server to PUBLIC_URL/api/livekit/webhook): who joined
 * and left the rooms, for attendance. LiveKit signs each with the API key; unsigned or forged ones get a 401, a
 * replayed one is acknowledged and changes nothing.
 */
export async function POST(request: Request) {
  const config = livekitConfig();
  if (!config) return answer(404, "Video is not configured");
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return answer(413, "Too large");
  const { db } = await getRuntime();
  try {
    const outcome = await receiveWebhook(db, config, body, request.headers.get("authorization"));
    return answer(200, outcome);
  } catch (error) {
    if (error instanceof ForgedWebhook) return answer(401, "Invalid signature");
    throw error;
  }
}
