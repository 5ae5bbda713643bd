import { z } from "zod";
import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";
import { deleteHomework, giveHomework, occurrenceHomework, updateHomework } from "@/server/homework/given";
import { lessonLogOf, saveLessonLog } from "@/server/homework/lesson-log";
import { classLogbook, pupilLogbook } from "@/server/homework/logbook";
import { nextSessions } from "@/server/homework/next-sessions";
import { requireOccurrence } from "@/server/homework/occurrence";
import { pupilHomework, setHomeworkDone } from "@/server/homework/pupil";
import { teacherWeek } from "@/server/homework/teacher-week";
import { audienceWorkload } from "@/server/homework/workload";
import { lessonTarget } from "@/server/policy/lookups";
import { checkRichText } from "@/server/rich-text/rich-text";
import { occurrenceKey } from "@/server/timetable/occurrence-key";
import type { Context } from "../context";
import { objectProcedure, roleProcedure, router } from "../init";

/** Rich text as the editor sends it, checked against the allow-list; the procedure receives the clean copy. */
const richText = z.unknown().transform((value, ctx) => {
  const checked = checkRichText(value);
  if (checked.ok) return checked.doc;
  ctx.addIssue({ code: "custom", message: `homework.richText.${checked.problem}`, input: value });
  return z.NEVER;
});

const day = z.iso.date();
const byOccurrence = z.object({ lessonId: z.uuid(), plannedOn: day });
const occurrenceOf = (input: { lessonId: string; plannedOn: string }) => occurrenceKey(input.lessonId, input.plannedOn);
const byHomework = z.object({ homeworkId: z.uuid() });
const byStudent = z.object({ studentId: z.uuid() });
const homeworkFields = z.object({
  dueOn: day,
  instructions: richText,
  estimatedMinutes: z.number().int().min(1).max(600).nullable(),
  handIn: z.boolean(),
});

/** How far the pupil's list looks back (what was due last week) and ahead. */
const HOMEWORK_WINDOW = { back: 7, ahead: 28 } as const;
/** A cahier de textes page: four weeks, the reader moves back page by page. */
const LOGBOOK_PAGE_DAYS = 28;

const today = () => isoDate(new Date());
const logbookRange = (until: string | undefined) => {
  const now = today();
  const to = until ?? now;
  return { from: addDays(to, 1 - LOGBOOK_PAGE_DAYS), to, today: now };
};

const homeworkGiven = (h: { id: string; establishmentId: string; lessonId: string; dueOn: string }) => ({
  establishmentId: h.establishmentId,
  homeworkId: h.id,
  lessonId: h.lessonId,
  dueOn: h.dueOn,
});

/** Ticks are the pupil's own: only they and their family see them. */
const seesTicks = (ctx: Context & { scope: { personId: string; childIds: ReadonlySet<string> } }, studentId: string) =>
  studentId === ctx.scope.personId || ctx.scope.childIds.has(studentId);

/**
 * Cahier de textes and travail à faire: teachers write what was done in each lesson occurrence and give homework;
 * pupils and families read them and pupils tick their homework done; direction and vie scolaire read a class's.
 */
export const homeworkRouter = router({
  teacherWeek: roleProcedure("teacher")
    .input(z.object({ monday: day.optional() }))
    .query(async ({ ctx, input }) => {
      const monday = mondayOf(input.monday ?? today());
      return { monday, today: today(), lessons: await teacherWeek(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, monday) };
    }),

  occurrence: objectProcedure(byOccurrence, "lesson.log", occurrenceOf).query(async ({ ctx, input }) => {
    const occurrence = await requireOccurrence(ctx.db, ctx.scope.establishmentId, input.lessonId, input.plannedOn);
    const [log, homework, sessions] = await Promise.all([
      lessonLogOf(ctx.db, input.lessonId, input.plannedOn),
      occurrenceHomework(ctx.db, occurrence),
      nextSessions(ctx.db, ctx.scope.establishmentId, occurrence),
    ]);
    return { occurrence, log, homework, nextSessions: sessions, viewerId: ctx.scope.personId };
  }),

  saveLog: objectProcedure(byOccurrence.extend({ content: richText }), "lesson.log", occurrenceOf).mutation(({ ctx, input }) =>
    saveLessonLog(ctx.db, { ...input, establishmentId: ctx.scope.establishmentId, authorId: ctx.scope.personId }),
  ),

  give: objectProcedure(byOccurrence.extend(homeworkFields.shape), "lesson.log", occurrenceOf).mutation(async ({ ctx, input }) => {
    const given = await giveHomework(ctx.db, { ...input, establishmentId: ctx.scope.establishmentId, authorId: ctx.scope.personId });
    await ctx.bus.publish("homework.given", homeworkGiven(given));
    return { id: given.id };
  }),

  update: objectProcedure(byHomework.extend(homeworkFields.shape), "homework.edit", (i) => i.homeworkId).mutation(
    async ({ ctx, input: { homeworkId, ...fields } }) => {
      const updated = await updateHomework(ctx.db, homeworkId, fields);
      await ctx.bus.publish("homework.given", homeworkGiven(updated));
      return { id: updated.id };
    },
  ),

  remove: objectProcedure(byHomework, "homework.edit", (i) => i.homeworkId).mutation(async ({ ctx, input }) => {
    await deleteHomework(ctx.db, input.homeworkId);
    return { removed: true };
  }),

  workload: objectProcedure(byOccurrence.extend({ days: z.array(day).min(1).max(10) }), "lesson.log", occurrenceOf).query(
    async ({ ctx, input }) => {
      const lesson = await lessonTarget(ctx.db, input.lessonId);
      if (!lesson) throw new DomainError("homework.errors.noSuchLesson");
      return audienceWorkload(ctx.db, ctx.scope.establishmentId, lesson, input.days, ctx.scope.personId);
    },
  ),

  /** From last week to four weeks ahead, or the same span from another day. */
  pupilHomework: objectProcedure(byStudent.extend({ from: day.optional() }), "student.homework", (i) => i.studentId).query(async ({ ctx, input }) => {
    const now = today();
    const from = input.from ?? addDays(now, -HOMEWORK_WINDOW.back);
    const range = { from, to: addDays(from, HOMEWORK_WINDOW.back + HOMEWORK_WINDOW.ahead) };
    const homework = await pupilHomework(ctx.db, ctx.scope.establishmentId, input.studentId, range, seesTicks(ctx, input.studentId));
    return { today: now, homework, canTick: input.studentId === ctx.scope.personId };
  }),

  setDone: objectProcedure(byHomework.extend({ done: z.boolean() }), "homework.tick", (i) => i.homeworkId).mutation(
    ({ ctx, input }) => setHomeworkDone(ctx.db, input.homeworkId, ctx.scope.personId, input.done),
  ),

  pupilLogbook: objectProcedure(byStudent.extend({ until: day.optional() }), "student.homework", (i) => i.studentId).query(
    async ({ ctx, input }) => {
      const range = logbookRange(input.until);
      return { ...range, entries: await pupilLogbook(ctx.db, ctx.scope.establishmentId, input.studentId, range) };
    },
  ),

  classLogbook: objectProcedure(z.object({ classId: z.uuid(), until: day.optional() }), "class.logbook", (i) => i.classId).query(
    async ({ ctx, input }) => {
      const range = logbookRange(input.until);
      return { ...range, ...(await classLogbook(ctx.db, ctx.scope.establishmentId, input.classId, range)) };
    },
  ),
});
