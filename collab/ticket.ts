import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A collaboration ticket: the app's word, for a short while, that one person may open one document to read or to
 * write it. The browser asks tRPC for one and hands it to the collaboration server, which trusts nothing else.
 * Signed with a key derived from AUTH_SECRET for this use only, so a ticket can never pass for a session or the reverse.
 */
export type Access = "write" | "read";

export interface Ticket {
  personId: string;
  documentId: string;
  access: Access;
  /** When the ticket stops opening connections (ms since the epoch); a connection opened before lives on. */
  expiresAt: number;
}

/** Long enough to open a connection, short enough that a leaked ticket is soon worth nothing. */
export const TICKET_LIFETIME_MS = 60_000;

function ticketKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("préau collaboration tickets v1").digest();
}

function signature(secret: string, payload: string): string {
  return createHmac("sha256", ticketKey(secret)).update(payload).digest("base64url");
}

export function signTicket(secret: string, ticket: Omit<Ticket, "expiresAt">, now = Date.now()): string {
  const body: Ticket = { ...ticket, expiresAt: now + TICKET_LIFETIME_MS };
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${signature(secret, payload)}`;
}

/** The ticket's content if it is genuine and still valid; null otherwise (forged, altered, expired, malformed). */
export function verifyTicket(secret: string, token: string, now = Date.now()): Ticket | null {
  const [payload, given, ...rest] = token.split(".");
  if (!payload || !given || rest.length > 0) return null;
  const expected = Buffer.from(signature(secret, payload));
  const received = Buffer.from(given);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return null;
  try {
    const ticket = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<Ticket>;
    const valid =
      typeof ticket.personId === "string" &&
      typeof ticket.documentId === "string" &&
      (ticket.access === "write" || ticket.access === "read") &&
      typeof ticket.expiresAt === "number";
    if (!valid || ticket.expiresAt! <= now) return null;
    return ticket as Ticket;
  } catch {
    return null;
  }
}
