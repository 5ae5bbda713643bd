import { eq } from "drizzle-orm";
import { people } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { normaliseActivationCode, verifyAgainstNothing, verifySecret } from "./password";
import { createSession } from "./sessions";
import { clearFailures, recordFailure, secondsUntilAllowed } from "./throttle";

export interface LoginAttempt {
  login: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export type LoginResult =
  | { ok: true; personId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "disabled" | "activationRequired" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Identifiants are case-insensitive and typed with stray spaces. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

/**
 * Checks an identifiant and password and opens a session. Whether an account is disabled or still waiting for
 * activation is told only to someone who proved they hold it, so that nobody can probe which accounts exist.
 */
export async function logIn(db: Db, attempt: LoginAttempt): Promise<LoginResult> {
  const login = normaliseLogin(attempt.login);
  const audit = { login, ip: attempt.ip };

  const wait = await secondsUntilAllowed(db, login, attempt.ip);
  if (wait > 0) {
    await recordAudit(db, { ...audit, action: "auth.login.throttled", details: { retryAfterSeconds: wait } });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const [person] = await db.select().from(people).where(eq(people.login, login));
  const fail = async (reason: "invalid" | "disabled" | "activationRequired") => {
    if (reason === "invalid") await recordFailure(db, login, attempt.ip);
    await recordAudit(db, { ...audit, action: "auth.login.failed", actorId: person?.id, details: { reason } });
    return { ok: false as const, reason };
  };

  if (!person) {
    await verifyAgainstNothing(attempt.password);
    return fail("invalid");
  }
  if (!person.passwordHash) {
    const isCode =
      person.activationCodeHash !== null &&
      (await verifySecret(person.activationCodeHash, normaliseActivationCode(attempt.password)));
    return fail(isCode && person.status === "pending" ? "activationRequired" : "invalid");
  }
  if (!(await verifySecret(person.passwordHash, attempt.password))) return fail("invalid");
  if (person.status !== "active") return fail("disabled");

  await clearFailures(db, login, attempt.ip);
  const sessionId = await createSession(db, person.id, attempt);
  await recordAudit(db, { ...audit, action: "auth.login.succeeded", actorId: person.id });
  return { ok: true, personId: person.id, sessionId };
}
