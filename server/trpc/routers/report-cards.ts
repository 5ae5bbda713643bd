import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { isoDate } from "@/server/calendar/days";
import { can } from "@/server/policy/policy";
import { GRADE_READER_ROLES } from "@/server/policy/roles";
import type { Scope } from "@/server/policy/scope";
import { saveGeneralAppreciation, saveSubjectAppreciation } from "@/server/report-cards/appreciations";
import { classCouncil } from "@/server/report-cards/council";
import { APPRECIATION_MAX_LENGTH } from "@/server/report-cards/limits";
import { classesOverview } from "@/server/report-cards/overview";
import { publishClass } from "@/server/report-cards/publish";
import { publishedReportCard, publishedReportCards } from "@/server/report-cards/reading";
import { assignmentSheet } from "@/server/report-cards/sheet";
import { reopenClass, validateClass } from "@/server/report-cards/status";
import { reportingPeriod } from "@/server/report-cards/reporting-period";
import { currentSchoolYear } from "@/server/services/school-year";
import type { Context } from "../context";
import { objectProcedure, roleProcedure, router } from "../init";

const byAssignment = z.object({ assignmentId: z.uuid(), periodId: z.uuid() });
const byClass = z.object({ classId: z.uuid(), periodId: z.uuid() });
const byStudent = z.object({ studentId: z.uuid() });
const appreciation = { studentId: z.uuid(), text: z.string().max(APPRECIATION_MAX_LENGTH) };

type ScopedContext = Context & { actor: NonNullable<Context["actor"]>; scope: Scope };

/** Staff and teachers reading bulletins (minors' school records) leave a trace, as for the relevé de notes. */
function auditReading(ctx: ScopedContext, about: { studentId?: string; classId?: string; periodId: string }) {
  return recordAudit(ctx.db, {
    action: "reportCards.viewed",
    actorId: ctx.actor.personId,
    establishmentId: ctx.scope.establishmentId,
    subjectId: about.studentId ?? null,
    ip: ctx.ip,
    details: { periodId: about.periodId, ...(about.classId ? { classId: about.classId } : {}) },
  });
}

/**
 * Bulletins: teachers write appréciations, the professeur principal the general one at the conseil de classe,
 * direction validates and publishes; pupils and families read published bulletins only.
 */
export const reportCardsRouter = router({
  overview: roleProcedure(...GRADE_READER_ROLES)
    .input(z.object({ periodId: z.uuid().optional() }))
    .query(async ({ ctx, input }) => {
      const year = await currentSchoolYear(ctx.db, ctx.scope.establishmentId);
      const periodId = input.periodId ?? reportingPeriod(year?.periods ?? [], isoDate(new Date()))?.id;
      if (!periodId) return null;
      return { periodId, classes: await classesOverview(ctx.db, ctx.scope.establishmentId, periodId) };
    }),

  assignmentSheet: objectProcedure(byAssignment, "assignment.appreciate", (i) => i.assignmentId).query(
    ({ ctx, input }) => assignmentSheet(ctx.db, input.assignmentId, input.periodId),
  ),

  saveSubjectAppreciation: objectProcedure(byAssignment.extend(appreciation), "assignment.appreciate", (i) => i.assignmentId)
    .mutation(({ ctx, input }) => saveSubjectAppreciation(ctx.db, { ...input, authorId: ctx.actor.personId })),

  council: objectProcedure(byClass, "class.reportCards", (i) => i.classId).query(async ({ ctx, input }) => {
    const council = await classCouncil(ctx.db, input.classId, input.periodId);
    await auditReading(ctx, input);
    const [writesGeneral, manages] = await Promise.all([
      can(ctx.db, ctx.scope, "class.generalAppreciation", input.classId),
      can(ctx.db, ctx.scope, "class.reportCards.publish", input.classId),
    ]);
    return { ...council, may: { writeGeneral: writesGeneral && council.status.status === "draft", manage: manages } };
  }),

  saveGeneralAppreciation: objectProcedure(byClass.extend(appreciation), "class.generalAppreciation", (i) => i.classId)
    .mutation(({ ctx, input }) => saveGeneralAppreciation(ctx.db, { ...input, authorId: ctx.actor.personId })),

  validate: objectProcedure(byClass, "class.reportCards.publish", (i) => i.classId).mutation(({ ctx, input }) =>
    validateClass(ctx.db, input.classId, input.periodId, ctx.actor.personId),
  ),

  reopen: objectProcedure(byClass, "class.reportCards.publish", (i) => i.classId).mutation(({ ctx, input }) =>
    reopenClass(ctx.db, input.classId, input.periodId),
  ),

  publish: objectProcedure(byClass, "class.reportCards.publish", (i) => i.classId).mutation(async ({ ctx, input }) => {
    const published = await publishClass(ctx.db, input.classId, input.periodId, ctx.actor.personId);
    await ctx.bus.publish("reportCards.published", { ...published, classId: input.classId, periodId: input.periodId });
    return { status: "published" as const, pupils: published.studentIds.length };
  }),

  studentCards: objectProcedure(byStudent, "student.reportCards", (i) => i.studentId).query(({ ctx, input }) =>
    publishedReportCards(ctx.db, input.studentId, ctx.scope.establishmentId),
  ),

  studentCard: objectProcedure(byStudent.extend({ periodId: z.uuid() }), "student.reportCards", (i) => i.studentId)
    .query(async ({ ctx, input }) => {
      const card = await publishedReportCard(ctx.db, input.studentId, input.periodId, ctx.scope.establishmentId);
      const family = input.studentId === ctx.actor.personId || ctx.scope.childIds.has(input.studentId);
      if (card && !family) await auditReading(ctx, input);
      return card;
    }),
});
