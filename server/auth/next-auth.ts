import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/server/audit";
import { env } from "@/server/env";
import { getRuntime } from "@/server/runtime";
import { logIn } from "./login";
import { revokeSession } from "./sessions";
import { clientIpOf, sessionCookieName, secureCookies } from "./request";

declare module "next-auth" {
  interface User {
    /** The server-side session opened by this sign-in. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

/**
 * next-auth signs people in with identifiant + password. Its cookie (an encrypted JWT, HttpOnly, SameSite=Lax,
 * Secure over HTTPS) carries only the id of a server-side session row, which every request checks: revoking the row
 * or disabling the account ends the session at once, and idle and absolute timeouts are enforced there.
 */
export function authOptions(): NextAuthOptions {
  const settings = env();
  const secure = secureCookies();
  return {
    secret: settings.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: settings.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/connexion", error: "/connexion" },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      CredentialsProvider({
        name: "Préau",
        credentials: { login: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const { db } = await getRuntime();
          const result = await logIn(db, {
            login: credentials?.login ?? "",
            password: credentials?.password ?? "",
            ip: clientIpOf((name) => request.headers?.[name] as string | undefined),
            userAgent: (request.headers?.["user-agent"] as string | undefined) ?? null,
          });
          if (result.ok) return { id: result.personId, sid: result.sessionId };
          // next-auth hands this message to the login form, which translates it.
          throw new Error(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.reason);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === "string" ? token.sid : null;
        if (!sid) return;
        const { db, bus } = await getRuntime();
        const personId = await revokeSession(db, sid);
        if (!personId) return;
        await recordAudit(db, { action: "auth.logout", actorId: personId });
        await bus.publish("sessions.revoked", { personId });
      },
    },
  };
}
