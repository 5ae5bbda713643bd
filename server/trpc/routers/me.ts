import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { LOCALES } from "@/app/i18n/locales";
import { recordAudit } from "@/server/audit";
import { revokeAllSessions, setActiveEstablishment } from "@/server/auth/sessions";
import { mayActIn } from "@/server/policy/policy";
import { myChildren, myClasses, mySessions, setPreferredLanguage, whoAmI } from "@/server/services/me";
import { authedProcedure, establishmentProcedure, router } from "../init";

export const meRouter = router({
  whoAmI: authedProcedure.query(({ ctx }) => whoAmI(ctx.db, ctx.actor.personId, ctx.actor.establishmentId)),

  children: establishmentProcedure.query(({ ctx }) => myChildren(ctx.db, ctx.scope)),

  classes: establishmentProcedure.query(({ ctx }) => myClasses(ctx.db, ctx.scope)),

  switchEstablishment: authedProcedure
    .input(z.object({ establishmentId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await mayActIn(ctx.db, ctx.actor.personId, input.establishmentId))) {
        throw new TRPCError({ code: "FORBIDDEN", message: "errors.noEstablishment" });
      }
      await setActiveEstablishment(ctx.db, ctx.actor.sessionId, input.establishmentId);
    }),

  setLanguage: authedProcedure
    .input(z.object({ language: z.enum(LOCALES) }))
    .mutation(({ ctx, input }) => setPreferredLanguage(ctx.db, ctx.actor.personId, input.language)),

  sessions: authedProcedure.query(({ ctx }) => mySessions(ctx.db, ctx.actor.personId, ctx.actor.sessionId)),

  /** "Se déconnecter partout": ends every session of mine, this one included. */
  logOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    const closed = await revokeAllSessions(ctx.db, ctx.actor.personId);
    await recordAudit(ctx.db, {
      action: "auth.logout.everywhere",
      actorId: ctx.actor.personId,
      ip: ctx.ip,
      details: { sessions: closed },
    });
    await ctx.bus.publish("sessions.revoked", { personId: ctx.actor.personId });
    return { closed };
  }),
});
