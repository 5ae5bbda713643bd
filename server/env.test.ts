import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const SECRET = "s".repeat(32);

/** The problem lines of an environment that must be refused. */
function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
  throw new Error("the environment was accepted");
}

describe("parseEnv", () => {
  it("gives the documented defaults", () => {
    expect(parseEnv({})).toEqual({
      PREAU_MODE: "demo",
      PORT: 3000,
      PUBLIC_URL: "http://localhost:3000",
      PREAU_DATA_DIR: ".data",
      TRUST_PROXY: false,
      SESSION_IDLE_MINUTES: 60,
      SESSION_MAX_HOURS: 12,
      ARGON2_MEMORY_KIB: 19456,
      ARGON2_ITERATIONS: 2,
      ARGON2_PARALLELISM: 1,
      SPACE_QUOTA_MB: 1000,
      PERSONAL_QUOTA_MB: 200,
      UPLOAD_MAX_MB: 20,
      MAIL_FROM: "Préau <no-reply@preau.invalid>",
    });
  });

  it("reads numbers and URLs", () => {
    const env = parseEnv({
      PORT: "8080",
      DATABASE_URL: "postgresql://preau@db:5432/preau",
      REDIS_URL: "rediss://cache:6380",
    });
    expect(env.PORT).toBe(8080);
    // people reach Préau on the port it serves, unless told its public address
    expect(env.PUBLIC_URL).toBe("http://localhost:8080");
    expect(parseEnv({ PORT: "8080", PUBLIC_URL: "https://ent.example.fr" }).PUBLIC_URL).toBe("https://ent.example.fr");
    expect(env.DATABASE_URL).toBe("postgresql://preau@db:5432/preau");
    expect(env.REDIS_URL).toBe("rediss://cache:6380");
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://preau@db/preau" }],
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "0" }],
    ["AUTH_SECRET", { AUTH_SECRET: "too-short" }],
    ["AUTH_SECRET", { PREAU_MODE: "production" }],
    ["TRUST_PROXY", { TRUST_PROXY: "maybe" }],
    ["PREAU_MODE", { PREAU_MODE: "staging" }],
  ])("refuses a wrong %s with one problem line naming it", (variable, source) => {
    const problems = problemsOf(source);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}: \\S`));
  });

  it("says how to fix a short AUTH_SECRET and a missing one in production", () => {
    expect(problemsOf({ AUTH_SECRET: "too-short" })[0]).toContain("at least 32 characters");
    expect(problemsOf({ PREAU_MODE: "production" })[0]).toBe("AUTH_SECRET: is required when PREAU_MODE=production");
    expect(parseEnv({ PREAU_MODE: "production", AUTH_SECRET: SECRET }).AUTH_SECRET).toBe(SECRET);
  });

  it("takes LiveKit's three settings together, or none (video not configured)", () => {
    const livekit = { LIVEKIT_URL: "wss://video.example.org", LIVEKIT_API_KEY: "APIkey", LIVEKIT_API_SECRET: SECRET };
    expect(parseEnv(livekit)).toMatchObject(livekit);
    expect(parseEnv({}).LIVEKIT_URL).toBeUndefined();
    expect(problemsOf({ LIVEKIT_URL: "wss://video.example.org" })[0]).toContain("go together");
    expect(problemsOf({ ...livekit, LIVEKIT_URL: "ftp://video" })[0]).toMatch(/^LIVEKIT_URL: /);
    expect(problemsOf({ ...livekit, LIVEKIT_API_SECRET: "secret" })[0]).toContain("at least 32 characters");
  });

  it("lists every problem in the error message", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://db" });
      } catch (e) {
        return e as EnvError;
      }
    })();
    expect(error?.problems).toHaveLength(2);
    expect(error?.message).toMatch(/PORT: .*\n.*DATABASE_URL: /s);
  });

  it.each([
    ["true", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["no", false],
  ])("reads TRUST_PROXY=%s as %s", (value, expected) => {
    expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toBe(expected);
  });

  it("counts empty strings as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "", REDIS_URL: "", TRUST_PROXY: "", AUTH_SECRET: "" });
    expect(env).toMatchObject({ PORT: 3000, TRUST_PROXY: false });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(problemsOf({ PREAU_MODE: "production", AUTH_SECRET: "" })).toEqual([
      "AUTH_SECRET: is required when PREAU_MODE=production",
    ]);
  });
});
