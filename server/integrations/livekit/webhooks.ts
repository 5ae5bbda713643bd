import { type WebhookEvent, WebhookReceiver } from "livekit-server-sdk";
import type { LivekitConfig } from "./config";

/**
 * A LiveKit webhook, checked as the SDK does: the Authorization header is a JWT signed with the API secret whose
 * sha256 claim is the hash of the body. Anything else (no header, another key, a changed body, an expired token)
 * is refused with an error.
 */
export function verifiedWebhook(config: LivekitConfig, body: string, authorization: string | null): Promise<WebhookEvent> {
  return new WebhookReceiver(config.apiKey, config.apiSecret).receive(body, authorization ?? undefined);
}
