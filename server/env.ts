import { z } from "zod";

const integer = (fallback: number, min: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .default(fallback);

/** Every setting Préau reads from the environment, with its default. The README documents each one. */
const envSchema = z
  .object({
    PREAU_MODE: z.enum(["demo", "production"]).default("demo"),
    PORT: integer(3000, 1),
    /** by default http://localhost on PORT */
    PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
    PREAU_DATA_DIR: z.string().min(1).default(".data"),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
    TRUST_PROXY: z.stringbool().default(false),
    /** Where e-mail notifications go out (smtp:// or smtps://, credentials in the URL); without it, no e-mail. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().min(3).default("Préau <no-reply@preau.invalid>"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    SESSION_IDLE_MINUTES: integer(60, 1),
    SESSION_MAX_HOURS: integer(12, 1),
    ARGON2_MEMORY_KIB: integer(19456, 8192),
    ARGON2_ITERATIONS: integer(2, 1),
    ARGON2_PARALLELISM: integer(1, 1),
    /** LiveKit (classes virtuelles): all three, or none and video is shown as not configured */
    LIVEKIT_URL: z.url({ protocol: /^(wss?|https?)$/, error: "must be a ws://, wss://, http:// or https:// URL" }).optional(),
    LIVEKIT_API_KEY: z.string().min(1).optional(),
    LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SPACE_QUOTA_MB: integer(1000, 1),
    PERSONAL_QUOTA_MB: integer(200, 1),
    UPLOAD_MAX_MB: integer(20, 1),
  })
  .superRefine((env, ctx) => {
    if (env.PREAU_MODE === "production" && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when PREAU_MODE=production" });
    }
    const livekit = [env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET].filter(Boolean).length;
    if (livekit > 0 && livekit < 3) {
      ctx.addIssue({ code: "custom", path: ["LIVEKIT_URL"], message: "LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET go together" });
    }
  })
  .transform((env) => ({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` }));

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
