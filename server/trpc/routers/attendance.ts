import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { absenceReason } from "@/drizzle/schema";
import { recordAudit } from "@/server/audit";
import { missingNow, recordAbsence, recordLate } from "@/server/attendance/desk";
import { MAX_DOCUMENT_BYTES } from "@/server/attendance/documents";
import { decideJustification, followUp, setAbsenceReason } from "@/server/attendance/follow-up";
import { justificationDocument, justifyAbsence } from "@/server/attendance/justify";
import { absencesToJustify, pupilAbsences } from "@/server/attendance/pupil";
import { rollCallSheet, saveRollCall } from "@/server/attendance/roll-call";
import { HALF_DAYS } from "@/server/attendance/school-day";
import { teacherRollCalls } from "@/server/attendance/teacher-lessons";
import { occurrenceKey } from "@/server/timetable/occurrence-key";
import { ATTENDANCE_ROLES } from "@/server/policy/roles";
import type { Context } from "../context";
import { objectProcedure, roleProcedure, router } from "../init";

const occurrence = z.object({ lessonId: z.uuid(), plannedOn: z.iso.date() });
const ofOccurrence = (input: z.output<typeof occurrence>) => occurrenceKey(input.lessonId, input.plannedOn);
const minutesLate = z.int().min(1).max(240);
const rollMark = z.discriminatedUnion("status", [
  z.object({ studentId: z.uuid(), status: z.enum(["present", "absent"]) }),
  z.object({ studentId: z.uuid(), status: z.literal("late"), minutesLate }),
]);
const reason = z.enum(absenceReason.enumValues);
const comment = z.string().trim().max(1000).nullish();
const halfDayPoint = z.object({ day: z.iso.date(), half: z.enum(HALF_DAYS) });
const byStudent = z.object({ studentId: z.uuid() });
const byAbsence = z.object({ absenceId: z.uuid() });
/** base64 of at most 5 MB, with room for padding: the exact size is the service's to refuse, translated */
const document = z.object({
  name: z.string().max(255),
  content: z.base64().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 8),
});

type Establishment = { scope: { establishmentId: string } };

function publishRecorded(ctx: Context & Establishment, absenceId: string, studentId: string, kind: "absence" | "late") {
  return ctx.bus.publish("absence.recorded", { establishmentId: ctx.scope.establishmentId, absenceId, studentId, kind });
}

/** A pupil's absences are sensitive: a reading by staff or a teacher (not the pupil, not the family) is audited. */
async function auditAttendanceReading(ctx: Context & { scope: { childIds: ReadonlySet<string> } }, studentId: string) {
  if (studentId === ctx.actor?.personId || ctx.scope.childIds.has(studentId)) return;
  await recordAudit(ctx.db, {
    action: "attendance.viewed",
    actorId: ctx.actor?.personId,
    establishmentId: ctx.actor?.establishmentId,
    subjectId: studentId,
    ip: ctx.ip,
  });
}

/** Absences et retards: teachers' roll calls, vie scolaire's desk, families' justifications. */
export const attendanceRouter = router({
  myRollCalls: roleProcedure("teacher").query(({ ctx }) => teacherRollCalls(ctx.db, ctx.scope)),

  rollCall: objectProcedure(occurrence, "lesson.rollCall", ofOccurrence).query(({ ctx, input }) =>
    rollCallSheet(ctx.db, { establishmentId: ctx.scope.establishmentId, ...input }),
  ),

  saveRollCall: objectProcedure(occurrence.extend({ marks: z.array(rollMark).max(200) }), "lesson.rollCall", ofOccurrence)
    .mutation(async ({ ctx, input: { marks, ...ref } }) => {
      const saved = await saveRollCall(ctx.db, { establishmentId: ctx.scope.establishmentId, ...ref }, ctx.actor.personId, marks);
      for (const absence of saved.created) await publishRecorded(ctx, absence.id, absence.studentId, absence.kind);
      return { created: saved.created.length, removed: saved.removed };
    }),

  desk: roleProcedure(...ATTENDANCE_ROLES).query(({ ctx }) => missingNow(ctx.db, ctx.scope.establishmentId)),

  followUp: roleProcedure(...ATTENDANCE_ROLES)
    .input(
      z.object({
        classId: z.uuid().optional(),
        status: z.enum(["unjustified", "pending"]).optional(),
        page: z.int().min(0).max(10_000).default(0),
      }),
    )
    .query(({ ctx, input }) => followUp(ctx.db, ctx.scope.establishmentId, input)),

  recordAbsence: objectProcedure(
    byStudent.extend({ from: halfDayPoint, to: halfDayPoint, reason: reason.nullish(), comment }),
    "attendance.manage",
    (i) => i.studentId,
  ).mutation(async ({ ctx, input }) => {
    const id = await recordAbsence(ctx.db, { ...input, establishmentId: ctx.scope.establishmentId, recordedBy: ctx.actor.personId });
    await publishRecorded(ctx, id, input.studentId, "absence");
    return { id };
  }),

  recordLate: objectProcedure(
    byStudent.extend({
      day: z.iso.date(),
      arrivedAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      minutesLate,
      reason: reason.nullish(),
      comment,
    }),
    "attendance.manage",
    (i) => i.studentId,
  ).mutation(async ({ ctx, input }) => {
    const id = await recordLate(ctx.db, { ...input, establishmentId: ctx.scope.establishmentId, recordedBy: ctx.actor.personId });
    await publishRecorded(ctx, id, input.studentId, "late");
    return { id };
  }),

  decide: objectProcedure(
    byAbsence.extend({ decision: z.enum(["accepted", "refused"]), comment }),
    "absence.decide",
    (i) => i.absenceId,
  ).mutation(async ({ ctx, input }) => {
    const absence = await decideJustification(ctx.db, { ...input, decidedBy: ctx.actor.personId });
    await ctx.bus.publish("absence.justification", { ...absence, absenceId: input.absenceId, status: input.decision });
  }),

  setReason: objectProcedure(byAbsence.extend({ reason, comment }), "absence.decide", (i) => i.absenceId).mutation(
    async ({ ctx, input }) => {
      const absence = await setAbsenceReason(ctx.db, { ...input, decidedBy: ctx.actor.personId });
      await ctx.bus.publish("absence.justification", { ...absence, absenceId: input.absenceId, status: "accepted" });
    },
  ),

  ofStudent: objectProcedure(byStudent.extend({ periodId: z.uuid().optional() }), "student.attendance", (i) => i.studentId)
    .query(async ({ ctx, input }) => {
      await auditAttendanceReading(ctx, input.studentId);
      return pupilAbsences(ctx.db, ctx.scope.establishmentId, input.studentId, input.periodId, ctx.actor.personId);
    }),

  justify: objectProcedure(byAbsence.extend({ reason, comment, document: document.nullish() }), "absence.justify", (i) => i.absenceId)
    .mutation(async ({ ctx, input }) => {
      const attached = input.document ? { name: input.document.name, content: Buffer.from(input.document.content, "base64") } : null;
      const absence = await justifyAbsence(ctx.db, { ...input, document: attached, submittedBy: ctx.actor.personId });
      await ctx.bus.publish("absence.justification", { ...absence, absenceId: input.absenceId, status: "pending" });
    }),

  /** The document of a justification, in base64 (the download route turns it back into bytes). */
  document: objectProcedure(z.object({ justificationId: z.uuid() }), "justification.document", (i) => i.justificationId)
    .query(async ({ ctx, input }) => {
      const found = await justificationDocument(ctx.db, input.justificationId);
      if (!found) throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound" });
      return { day: found.day, extension: found.extension, type: found.type, content: Buffer.from(found.content).toString("base64") };
    }),

  toJustify: roleProcedure("guardian").query(({ ctx }) =>
    absencesToJustify(ctx.db, ctx.scope.establishmentId, ctx.scope.childIds),
  ),
});
