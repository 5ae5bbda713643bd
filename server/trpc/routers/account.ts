import { z } from "zod";
import { activateAccount } from "@/server/auth/activation";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/password";
import { publicProcedure, router } from "../init";

export const activationInput = z.object({
  login: z.string().trim().min(1).max(100),
  code: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
  acceptCharter: z.literal(true, { error: "validation.charterRequired" }),
});

/** Before signing in: first-login activation (première connexion). */
export const accountRouter = router({
  activate: publicProcedure.input(activationInput).mutation(async ({ ctx, input }) => {
    const result = await activateAccount(ctx.db, { ...input, ip: ctx.ip });
    if (result.ok) return { ok: true as const };
    if (result.reason === "weakPassword") {
      return {
        ok: false as const,
        reason: result.reason,
        problem: result.problem,
        limits: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
      };
    }
    return result;
  }),
});
