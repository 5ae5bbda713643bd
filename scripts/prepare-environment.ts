import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Env, EnvError, parseEnv } from "@/server/env";

/**
 * Validates the environment once, with one clear line per problem, and fills in what a demo installation may
 * generate for itself: a signing secret kept in the data folder, so that sessions survive a restart.
 */
export function prepareEnvironment(): Env {
  let settings: Env;
  try {
    settings = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Préau cannot start: ${error.message}\nSee the Configuration section of README.md.`);
      process.exit(1);
    }
    throw error;
  }
  if (!settings.AUTH_SECRET) {
    mkdirSync(settings.PREAU_DATA_DIR, { recursive: true });
    const file = path.join(settings.PREAU_DATA_DIR, "auth-secret");
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
    settings = parseEnv(process.env);
  }
  process.env.NEXTAUTH_URL = settings.PUBLIC_URL;
  process.env.NEXTAUTH_SECRET = settings.AUTH_SECRET;
  return settings;
}
