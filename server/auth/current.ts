import { decode } from "next-auth/jwt";
import { env } from "@/server/env";

/** The server-side session id carried by the session cookie, if the cookie is genuine. */
export async function sessionIdFromCookie(cookieValue: string | undefined): Promise<string | null> {
  if (!cookieValue) return null;
  try {
    const token = await decode({ token: cookieValue, secret: env().AUTH_SECRET ?? "" });
    return typeof token?.sid === "string" ? token.sid : null;
  } catch {
    return null;
  }
}
