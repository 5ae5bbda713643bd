/**
 * The Content-Security-Policy of every page: scripts run only if they carry this response's nonce (Next.js adds it
 * to its own scripts when it finds the policy on the request), so that an injected <script> or event handler never
 * runs, even if some text escaped its escaping. Styles may be inline (React style attributes); everything else comes
 * from Préau itself. Live connections (co-editing, virtual classes) are allowed on the same host, and to the LiveKit
 * server when one is configured (its websocket, and its http API the client calls when a connection fails).
 */
export function contentSecurityPolicy(
  nonce: string,
  { development = false, https = false, livekitUrl }: { development?: boolean; https?: boolean; livekitUrl?: string } = {},
): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ws: wss:${livekitUrl ? ` ${livekitOrigins(livekitUrl)}` : ""}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The LiveKit server's origins: LIVEKIT_URL is ws(s):// or http(s)://, the client speaks both. */
function livekitOrigins(url: string): string {
  const { host, protocol } = new URL(url);
  const secure = protocol === "wss:" || protocol === "https:";
  return secure ? `wss://${host} https://${host}` : `ws://${host} http://${host}`;
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}
