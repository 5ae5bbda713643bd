import { describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { hashSecret, newActivationCode, normaliseActivationCode, passwordProblem, verifySecret } from "./password";

describe("hashSecret / verifySecret", () => {
  it("hashes with argon2id at the configured cost and verifies the same secret", async () => {
    const { ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM } = env();
    const hash = await hashSecret("Une cour de récréation ensoleillée");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).toContain(`$m=${ARGON2_MEMORY_KIB},t=${ARGON2_ITERATIONS},p=${ARGON2_PARALLELISM}$`);
    expect(await verifySecret(hash, "Une cour de récréation ensoleillée")).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashSecret("même secret")).not.toBe(await hashSecret("même secret"));
  });

  it("refuses a wrong password", async () => {
    const hash = await hashSecret("Une cour de récréation ensoleillée");
    expect(await verifySecret(hash, "une cour de récréation ensoleillée")).toBe(false);
    expect(await verifySecret(hash, "")).toBe(false);
  });

  it("answers false, without throwing, for a corrupt hash", async () => {
    const hash = await hashSecret("secret");
    await expect(verifySecret(hash.slice(0, -10), "secret")).resolves.toBe(false);
    await expect(verifySecret("not a hash", "secret")).resolves.toBe(false);
    await expect(verifySecret("", "secret")).resolves.toBe(false);
  });
});

describe("passwordProblem", () => {
  const login = "marie.curie";

  it("refuses 7 characters and accepts 8", () => {
    expect(passwordProblem("Kq8!vZ2", login)).toBe("tooShort");
    expect(passwordProblem("Kq8!vZ2p", login)).toBeNull();
  });

  it("counts characters, not UTF-16 units", () => {
    expect(passwordProblem("🦉🦉🦉🦉🦉🦉🦉", login)).toBe("tooShort");
    expect(passwordProblem("🦉🦉🦉🦉🦉🦉🦉🦉", login)).toBeNull();
  });

  it("accepts 64 and 128 characters and refuses 129", () => {
    const phrase = (length: number) => "le hibou chante sous la lune, ".repeat(5).slice(0, length);
    expect(passwordProblem(phrase(64), login)).toBeNull();
    expect(passwordProblem(phrase(128), login)).toBeNull();
    expect(passwordProblem(phrase(129), login)).toBe("tooLong");
  });

  it.each(["password", "azerty123", "Motdepasse", "AZERTY123"])("refuses the common password %s", (password) => {
    expect(passwordProblem(password, login)).toBe("common");
  });

  it("refuses a password containing the identifiant, whatever its case", () => {
    expect(passwordProblem("xxmarie.curieyy", login)).toBe("containsLogin");
    expect(passwordProblem("MARIE.CURIE-2025", login)).toBe("containsLogin");
    expect(passwordProblem("marie.curi-2025", login)).toBeNull();
  });
});

describe("activation codes", () => {
  const codes = Array.from({ length: 300 }, newActivationCode);

  it("are three groups of four unambiguous letters and digits", () => {
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(codes.join("")).not.toMatch(/[01OIL]/);
  });

  it("are random", () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are compared without case, spaces or dashes", () => {
    expect(normaliseActivationCode("k7qw m3xp-t9ra")).toBe(normaliseActivationCode("K7QW-M3XP-T9RA"));
    expect(normaliseActivationCode(" K7QW-M3XP-T9RA ")).toBe("K7QWM3XPT9RA");
    expect(normaliseActivationCode("k7qw-m3xp-t9rb")).not.toBe(normaliseActivationCode("K7QW-M3XP-T9RA"));
  });
});
