import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { SCHOOL_RECORD_ROLES } from "@/server/policy/roles";
import { classRoster, establishmentOverview, listClasses, studentCard } from "@/server/services/directory";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

/** The directory (annuaire): classes, their rosters, pupils' cards. */
export const directoryRouter = router({
  classes: establishmentProcedure.query(({ ctx }) => listClasses(ctx.db, ctx.scope)),

  classRoster: objectProcedure(z.object({ classId: z.uuid() }), "class.roster", (i) => i.classId).query(
    ({ ctx, input }) => classRoster(ctx.db, input.classId),
  ),

  studentCard: objectProcedure(z.object({ studentId: z.uuid() }), "student.card", (i) => i.studentId).query(
    async ({ ctx, input }) => {
      const card = await studentCard(ctx.db, input.studentId, ctx.scope.establishmentId);
      if (!card) throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound" });
      return card;
    },
  ),

  overview: roleProcedure(...SCHOOL_RECORD_ROLES).query(({ ctx }) =>
    establishmentOverview(ctx.db, ctx.scope.establishmentId),
  ),
});
