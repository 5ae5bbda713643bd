import { randomInt } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { env } from "@/server/env";

const ARGON2ID: Algorithm = 2;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** argon2id with the configured cost (OWASP's recommended minimum by default: 19 MiB, 2 passes, 1 lane). */
export function hashSecret(secret: string): Promise<string> {
  const settings = env();
  return hash(secret, {
    algorithm: ARGON2ID,
    memoryCost: settings.ARGON2_MEMORY_KIB,
    timeCost: settings.ARGON2_ITERATIONS,
    parallelism: settings.ARGON2_PARALLELISM,
  });
}

export async function verifySecret(secretHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(secretHash, secret);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification, so that an unknown identifiant answers as slowly as a known one. */
export async function verifyAgainstNothing(secret: string): Promise<void> {
  dummyHash ??= hashSecret("préau-no-such-account");
  await verifySecret(await dummyHash, secret);
}

const commonPasswords = new Set(dictionary["passwords-common"]);

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsLogin";

/** The rules for a new password (NIST SP 800-63B): length, not a common password, not the identifiant. */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return "common";
  if (login.length >= 4 && lowered.includes(login.toLowerCase())) return "containsLogin";
  return null;
}

/** Letters and digits that cannot be confused when read from a printed letter (no 0/O, 1/I/L). */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A one-time activation code such as "K7QW-M3XP-T9RA" (about 60 bits). */
export function newActivationCode(): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

/** Codes are compared without case, spaces or dashes, as people type them. */
export function normaliseActivationCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}
