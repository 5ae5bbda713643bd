import { isIP } from "node:net";
import { env } from "@/server/env";

/** Set by Préau's own HTTP server from the socket (or from X-Forwarded-For behind a trusted proxy). */
export const CLIENT_IP_HEADER = "x-preau-client-ip";

export function secureCookies(): boolean {
  return env().PUBLIC_URL.startsWith("https://");
}

/** The session cookie's name; the __Secure- prefix makes browsers accept it only over HTTPS. */
export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}preau.session`;
}

export function clientIpOf(header: (name: string) => string | null | undefined): string {
  const ip = header(CLIENT_IP_HEADER)?.trim() ?? "";
  return isIP(ip) ? ip : "unknown";
}
