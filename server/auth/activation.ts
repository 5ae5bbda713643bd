import { and, eq } from "drizzle-orm";
import { people } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import type { Db } from "@/server/db";
import { normaliseLogin } from "./login";
import { hashSecret, normaliseActivationCode, type PasswordProblem, passwordProblem, verifySecret } from "./password";
import { clearFailures, recordFailure, secondsUntilAllowed } from "./throttle";

export interface Activation {
  login: string;
  code: string;
  password: string;
  ip: string;
}

export type ActivationResult =
  | { ok: true; personId: string }
  | { ok: false; reason: "invalidCode" | "expiredCode" }
  | { ok: false; reason: "weakPassword"; problem: PasswordProblem }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * First login (première connexion): the person proves the one-time code from their activation letter, chooses a
 * password and has accepted the usage charter (checked by the caller's input schema). Guessing codes is throttled
 * exactly like guessing passwords.
 */
export async function activateAccount(db: Db, activation: Activation, now = new Date()): Promise<ActivationResult> {
  const login = normaliseLogin(activation.login);
  const wait = await secondsUntilAllowed(db, login, activation.ip, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const [person] = await db
    .select()
    .from(people)
    .where(and(eq(people.login, login), eq(people.status, "pending")));
  const codeMatches =
    person?.activationCodeHash != null &&
    (await verifySecret(person.activationCodeHash, normaliseActivationCode(activation.code)));
  if (!person || !codeMatches) {
    await recordFailure(db, login, activation.ip, now);
    await recordAudit(db, { action: "auth.activation.failed", login, ip: activation.ip, actorId: person?.id });
    return { ok: false, reason: "invalidCode" };
  }
  if (person.activationExpiresAt && person.activationExpiresAt < now) return { ok: false, reason: "expiredCode" };

  const problem = passwordProblem(activation.password, login);
  if (problem) return { ok: false, reason: "weakPassword", problem };

  await db
    .update(people)
    .set({
      passwordHash: await hashSecret(activation.password),
      activationCodeHash: null,
      activationExpiresAt: null,
      status: "active",
      charterAcceptedAt: now,
    })
    .where(eq(people.id, person.id));
  await clearFailures(db, login, activation.ip);
  await recordAudit(db, { action: "auth.activated", actorId: person.id, login, ip: activation.ip });
  return { ok: true, personId: person.id };
}
