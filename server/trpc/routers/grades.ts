import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { isoDate } from "@/server/calendar/days";
import {
  assignmentEvaluations,
  createEvaluation,
  deleteDraftEvaluation,
  updateEvaluation,
} from "@/server/grades/evaluations";
import { assignmentMarksTable } from "@/server/grades/export";
import { markSheet, markStatistics, publishEvaluation, saveMarks } from "@/server/grades/mark-sheet";
import { latestMarks, studentReport } from "@/server/grades/report";
import { reportPeriod } from "@/server/grades/report-period";
import { namedAssignment, teacherAssignments } from "@/server/services/assignments";
import { reportingPeriod } from "@/server/report-cards/reporting-period";
import { currentSchoolYear } from "@/server/services/school-year";
import type { Context } from "../context";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

const evaluationFields = z.object({
  periodId: z.uuid(),
  title: z.string().trim().min(1).max(120),
  givenOn: z.iso.date(),
  outOf: z.number().positive().max(1000),
  coefficient: z.number().positive().max(100),
  kind: z.enum(["normal", "optional", "bonus"]),
});

const comment = z.string().max(500).nullish();
const markEntry = z.discriminatedUnion("status", [
  z.object({ studentId: z.uuid(), status: z.literal("graded"), value: z.number().min(0).max(1000), comment }),
  z.object({
    studentId: z.uuid(),
    status: z.enum(["absent", "exempted", "not_handed_in", "not_graded"]),
    comment,
  }),
]);

const byAssignment = z.object({ assignmentId: z.uuid() });
const byEvaluation = z.object({ evaluationId: z.uuid() });
const byStudent = z.object({ studentId: z.uuid(), periodId: z.uuid().optional() });

/** Reading a pupil's marks is sensitive: when it is not the pupil or their family, the audit log keeps a trace. */
async function auditGradeReading(ctx: Context & { scope: { childIds: ReadonlySet<string> } }, studentId: string) {
  if (studentId === ctx.actor?.personId || ctx.scope.childIds.has(studentId)) return;
  await recordAudit(ctx.db, {
    action: "grades.viewed",
    actorId: ctx.actor?.personId,
    establishmentId: ctx.actor?.establishmentId,
    subjectId: studentId,
    ip: ctx.ip,
  });
}

/** Notes: teachers give and mark evaluations; pupils, families and staff read published marks and averages. */
export const gradesRouter = router({
  periods: establishmentProcedure.query(async ({ ctx }) => {
    const year = await currentSchoolYear(ctx.db, ctx.scope.establishmentId);
    const periods = year?.periods ?? [];
    return {
      periods,
      currentId: year?.current?.id ?? periods.at(-1)?.id ?? null,
      reportingId: reportingPeriod(periods, isoDate(new Date()))?.id ?? null,
    };
  }),

  myAssignments: roleProcedure("teacher").query(({ ctx }) => teacherAssignments(ctx.db, ctx.scope)),

  evaluations: objectProcedure(byAssignment, "assignment.grade", (i) => i.assignmentId).query(({ ctx, input }) =>
    assignmentEvaluations(ctx.db, input.assignmentId),
  ),

  createEvaluation: objectProcedure(evaluationFields.extend(byAssignment.shape), "assignment.grade", (i) => i.assignmentId)
    .mutation(({ ctx, input: { assignmentId, ...fields } }) => createEvaluation(ctx.db, assignmentId, fields)),

  updateEvaluation: objectProcedure(evaluationFields.extend(byEvaluation.shape), "evaluation.grade", (i) => i.evaluationId)
    .mutation(({ ctx, input: { evaluationId, ...fields } }) => updateEvaluation(ctx.db, evaluationId, fields)),

  deleteEvaluation: objectProcedure(byEvaluation, "evaluation.grade", (i) => i.evaluationId).mutation(({ ctx, input }) =>
    deleteDraftEvaluation(ctx.db, input.evaluationId),
  ),

  markSheet: objectProcedure(byEvaluation, "evaluation.grade", (i) => i.evaluationId).query(({ ctx, input }) =>
    markSheet(ctx.db, input.evaluationId),
  ),

  saveMarks: objectProcedure(
    byEvaluation.extend({ marks: z.array(markEntry).min(1).max(200) }),
    "evaluation.grade",
    (i) => i.evaluationId,
  ).mutation(async ({ ctx, input }) => {
    const { evaluation, changed } = await saveMarks(ctx.db, input.evaluationId, ctx.actor.personId, input.marks);
    if (changed.length) {
      await ctx.bus.publish("grade.published", {
        establishmentId: evaluation.establishmentId,
        evaluationId: evaluation.id,
        studentIds: changed,
      });
    }
    return markStatistics(ctx.db, input.evaluationId);
  }),

  publish: objectProcedure(byEvaluation, "evaluation.grade", (i) => i.evaluationId).mutation(async ({ ctx, input }) => {
    const published = await publishEvaluation(ctx.db, input.evaluationId);
    if (published) await ctx.bus.publish("grade.published", { ...published, evaluationId: input.evaluationId });
    return { published: Boolean(published) };
  }),

  report: objectProcedure(byStudent, "student.grades", (i) => i.studentId).query(async ({ ctx, input }) => {
    const periodId =
      input.periodId ?? (await reportPeriod(ctx.db, input.studentId, await currentSchoolYear(ctx.db, ctx.scope.establishmentId)));
    await auditGradeReading(ctx, input.studentId);
    return periodId ? { periodId, ...(await studentReport(ctx.db, input.studentId, periodId)) } : null;
  }),

  exportMarks: objectProcedure(byAssignment.extend({ periodId: z.uuid() }), "assignment.grade", (i) => i.assignmentId)
    .query(async ({ ctx, input }) => ({
      assignment: await namedAssignment(ctx.db, input.assignmentId),
      ...(await assignmentMarksTable(ctx.db, input.assignmentId, input.periodId)),
    })),

  latest: objectProcedure(byStudent, "student.grades", (i) => i.studentId).query(({ ctx, input }) =>
    latestMarks(ctx.db, input.studentId),
  ),
});
