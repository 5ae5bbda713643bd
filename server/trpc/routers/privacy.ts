import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { accessesTo } from "@/server/privacy/audit-reader";
import { eraseForEstablishment } from "@/server/privacy/erase";
import { exportPersonData } from "@/server/privacy/export";
import { authedProcedure, establishmentProcedure, objectProcedure, router } from "../init";

const byPerson = z.object({ personId: z.uuid() });
const page = z.object({ page: z.number().int().min(0).max(100_000).default(0) });

/** Data protection (RGPD): who read my data, my data as a file, and what an administrator does for a person's rights. */
export const privacyRouter = router({
  /** Who looked at or changed my school data, or my children's, and when. */
  accessLog: establishmentProcedure.input(page).query(({ ctx, input }) =>
    accessesTo(ctx.db, [ctx.scope.personId, ...ctx.scope.childIds], input.page),
  ),

  /** Everything Préau holds about me, as JSON files in a ZIP (right of access). */
  exportMine: authedProcedure.mutation(async ({ ctx }) => {
    const zip = await exportPersonData(ctx.db, ctx.actor.personId);
    await recordAudit(ctx.db, { action: "privacy.exported", actorId: ctx.actor.personId, subjectId: ctx.actor.personId, ip: ctx.ip });
    return { zip: Buffer.from(zip).toString("base64") };
  }),

  /** An administrator exports what the establishment holds about a person, for a request made to it. */
  exportPerson: objectProcedure(byPerson, "person.administer", (input) => input.personId).mutation(async ({ ctx, input }) => {
    const zip = await exportPersonData(ctx.db, input.personId, { establishmentId: ctx.scope.establishmentId });
    await recordAudit(ctx.db, {
      action: "privacy.exported",
      actorId: ctx.scope.personId,
      establishmentId: ctx.scope.establishmentId,
      subjectId: input.personId,
      ip: ctx.ip,
    });
    return { zip: Buffer.from(zip).toString("base64") };
  }),

  /** Erases a person's account and personal data for good (right to erasure): never one's own, nor someone another establishment also has. */
  erasePerson: objectProcedure(byPerson, "person.administer", (input) => input.personId).mutation(async ({ ctx, input }) => {
    if (input.personId === ctx.scope.personId) throw new TRPCError({ code: "BAD_REQUEST", message: "admin.errors.notYourself" });
    await eraseForEstablishment(ctx.db, input.personId, ctx.scope.establishmentId);
    await recordAudit(ctx.db, {
      action: "privacy.erased",
      actorId: ctx.scope.personId,
      establishmentId: ctx.scope.establishmentId,
      subjectId: input.personId,
      ip: ctx.ip,
    });
    await ctx.bus.publish("sessions.revoked", { personId: input.personId });
  }),
});
