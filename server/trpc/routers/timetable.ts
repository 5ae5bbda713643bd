import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { type AuditAction, recordAudit } from "@/server/audit";
import { isoDate } from "@/server/calendar/days";
import { can } from "@/server/policy/policy";
import type { Scope } from "@/server/policy/scope";
import { DAY_CHANGE_ROLES, TIMETABLE_EDITOR_ROLES } from "@/server/policy/roles";
import { currentSchoolYear } from "@/server/services/school-year";
import { publishLessonChange } from "@/server/timetable/change-event";
import { annotateOccurrence, changeOccurrence, restoreOccurrence, type SavedChange } from "@/server/timetable/changes";
import { timetableChoices } from "@/server/timetable/choices";
import { createEvent, deleteEvent, upcomingEvents } from "@/server/timetable/events";
import { feedStatus, feedUrl, regenerateFeed, revokeFeed } from "@/server/timetable/feed";
import { applyImport } from "@/server/timetable/import/apply";
import { planImport } from "@/server/timetable/import/plan";
import { createLesson, removeLesson, updateLesson, weeklyLessons } from "@/server/timetable/lessons";
import { loadReferences } from "@/server/timetable/references";
import { alternateWeeksFrom, schoolWeeksOf, setSchoolWeek } from "@/server/timetable/school-weeks";
import {
  everyLessonOf,
  type UpcomingChange,
  upcomingChanges,
  upcomingOccurrences,
  withUpcomingChanges,
} from "@/server/timetable/upcoming-changes";
import {
  alternationStart,
  byClass,
  byEvent,
  byGroup,
  byLesson,
  byOccurrence,
  byRoom,
  bySchoolYear,
  byStudent,
  byTeacher,
  byWeek,
  eventFields,
  importFile,
  lessonFields,
  lessonsOf,
  lessonUpdate,
  occurrenceAnnotation,
  occurrenceChange,
  schoolWeekLetter,
} from "@/server/timetable/schemas";
import { timetableWeek, type WeekOwner } from "@/server/timetable/week";
import type { Context } from "../context";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

type Ctx = Context & { scope: Scope };

const audit = (ctx: Ctx, action: AuditAction, details: Record<string, unknown>) =>
  recordAudit(ctx.db, { action, actorId: ctx.scope.personId, establishmentId: ctx.scope.establishmentId, ip: ctx.ip, details });

const week = (ctx: Ctx, owner: WeekOwner, input: { week?: string }) =>
  timetableWeek(ctx.db, ctx.scope, owner, input.week ?? isoDate(new Date()));

/** An occurrence changed: its pupils and families are to be told what changed (notifications subscribe), and the audit log keeps it. */
async function occurrenceChanged(ctx: Ctx, input: { lessonId: string; plannedOn: string }, result: SavedChange, details: object) {
  await audit(ctx, "timetable.occurrence.changed", { ...input, ...details });
  await publishLessonChange(ctx.bus, ctx.scope.establishmentId, input, result);
  return result;
}

/** A change to the weekly timetable: the pupils and families of the coming days it changed are to be told. */
const tell = (ctx: Ctx, changes: UpcomingChange[]) =>
  Promise.all(
    changes.map((change) =>
      ctx.bus.publish("lesson.changed", { establishmentId: ctx.scope.establishmentId, changeId: randomUUID(), ...change }),
    ),
  );

const lessonReach = (ctx: Ctx, ...lessonIds: string[]) => ({ establishmentId: ctx.scope.establishmentId, lessonIds });

/** A change of the weeks A and B: any lesson of the establishment may come or go in the next two weeks. */
async function changeWeeks(ctx: Ctx, action: AuditAction, details: Record<string, unknown>, change: () => Promise<void>) {
  const { changes } = await withUpcomingChanges(ctx.db, await everyLessonOf(ctx.db, ctx.scope.establishmentId), change);
  await audit(ctx, action, details);
  await tell(ctx, changes);
}

const editors = roleProcedure(...TIMETABLE_EDITOR_ROLES);
const dayChangers = roleProcedure(...DAY_CHANGE_ROLES);

/** Emploi du temps: weeks for everyone by the policy, the weekly timetable for the direction, a day's changes for vie scolaire. */
export const timetableRouter = router({
  choices: establishmentProcedure.query(({ ctx }) => timetableChoices(ctx.db, ctx.scope)),

  studentWeek: objectProcedure(byStudent, "timetable.student", (i) => i.studentId).query(({ ctx, input }) =>
    week(ctx, { kind: "student", id: input.studentId }, input),
  ),
  classWeek: objectProcedure(byClass, "timetable.class", (i) => i.classId).query(({ ctx, input }) =>
    week(ctx, { kind: "class", id: input.classId }, input),
  ),
  groupWeek: objectProcedure(byGroup, "timetable.group", (i) => i.groupId).query(({ ctx, input }) =>
    week(ctx, { kind: "group", id: input.groupId }, input),
  ),
  teacherWeek: objectProcedure(byTeacher, "timetable.teacher", (i) => i.teacherId).query(({ ctx, input }) =>
    week(ctx, { kind: "teacher", id: input.teacherId }, input),
  ),
  roomWeek: objectProcedure(byRoom, "timetable.room", (i) => i.roomId).query(({ ctx, input }) =>
    week(ctx, { kind: "room", id: input.roomId }, input),
  ),

  /** What the management forms pick from, and the school year a new lesson runs through by default. */
  references: roleProcedure(...TIMETABLE_EDITOR_ROLES, ...DAY_CHANGE_ROLES).query(async ({ ctx }) => {
    const [refs, year] = await Promise.all([loadReferences(ctx.db, ctx.scope.establishmentId), currentSchoolYear(ctx.db, ctx.scope.establishmentId)]);
    return { ...refs, schoolYear: year && { id: year.id, label: year.label, startsOn: year.startsOn, endsOn: year.endsOn } };
  }),

  lessons: objectProcedure(lessonsOf, "timetable.plan", (i) => ("classId" in i ? i.classId : i.groupId)).query(({ ctx, input }) =>
    weeklyLessons(ctx.db, ctx.scope.establishmentId, input),
  ),

  createLesson: objectProcedure(lessonFields, "timetable.plan", (i) => i.classId ?? i.groupId ?? "").mutation(async ({ ctx, input }) => {
    const lesson = await createLesson(ctx.db, ctx.scope.establishmentId, input);
    await audit(ctx, "timetable.lesson.created", { lessonId: lesson.id, ...input });
    await tell(ctx, upcomingChanges([], await upcomingOccurrences(ctx.db, lessonReach(ctx, lesson.id), new Date())));
    return lesson;
  }),

  updateLesson: objectProcedure(lessonUpdate, "timetable.edit", (i) => i.lessonId).mutation(
    async ({ ctx, input: { lessonId, ...draft } }) => {
      const { result: carriedOnBy, changes } = await withUpcomingChanges(
        ctx.db,
        lessonReach(ctx, lessonId),
        () => updateLesson(ctx.db, ctx.scope.establishmentId, lessonId, draft),
        { reachAfter: (lesson) => lessonReach(ctx, lessonId, lesson.id) },
      );
      await audit(ctx, "timetable.lesson.updated", { lessonId, carriedOnBy: carriedOnBy.id, ...draft });
      await tell(ctx, changes);
      return carriedOnBy;
    },
  ),

  deleteLesson: objectProcedure(byLesson, "timetable.edit", (i) => i.lessonId).mutation(async ({ ctx, input }) => {
    const { result: outcome, changes } = await withUpcomingChanges(ctx.db, lessonReach(ctx, input.lessonId), () =>
      removeLesson(ctx.db, input.lessonId),
    );
    await audit(ctx, "timetable.lesson.removed", { lessonId: input.lessonId, outcome });
    await tell(ctx, changes);
    return { outcome };
  }),

  changeOccurrence: objectProcedure(occurrenceChange, "lesson.change", (i) => i.lessonId).mutation(
    async ({ ctx, input: { lessonId, plannedOn, ...draft } }) => {
      const result = await changeOccurrence(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, { lessonId, plannedOn }, draft);
      return occurrenceChanged(ctx, { lessonId, plannedOn }, result, draft);
    },
  ),

  annotateOccurrence: objectProcedure(occurrenceAnnotation, "lesson.annotate", (i) => i.lessonId).mutation(
    async ({ ctx, input: { lessonId, plannedOn, ...annotation } }) => {
      const result = await annotateOccurrence(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, { lessonId, plannedOn }, annotation);
      return occurrenceChanged(ctx, { lessonId, plannedOn }, result, annotation);
    },
  ),

  restoreOccurrence: objectProcedure(byOccurrence, "lesson.change", (i) => i.lessonId).mutation(async ({ ctx, input }) => {
    const result = await restoreOccurrence(ctx.db, ctx.scope.establishmentId, input);
    return occurrenceChanged(ctx, input, result, { restored: true });
  }),

  events: dayChangers.input(byWeek).query(({ ctx, input }) =>
    upcomingEvents(ctx.db, ctx.scope.establishmentId, input.week ?? isoDate(new Date())),
  ),

  createEvent: dayChangers
    .input(eventFields)
    .use(async ({ ctx, input, next }) => {
      const audience = [...input.classIds, ...input.groupIds, ...input.personIds];
      const allowed = await Promise.all(audience.map((id) => can(ctx.db, ctx.scope, "schoolEvent.audience", id)));
      if (!allowed.every(Boolean)) throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
      return next();
    })
    .mutation(async ({ ctx, input }) => {
    const event = await createEvent(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, input);
    await audit(ctx, "timetable.event.created", { eventId: event.id, ...input });
    return event;
  }),

  deleteEvent: objectProcedure(byEvent, "schoolEvent.edit", (i) => i.eventId).mutation(async ({ ctx, input }) => {
    await deleteEvent(ctx.db, input.eventId);
    await audit(ctx, "timetable.event.deleted", input);
  }),

  /** The dry run of a CSV import: a mutation only because a file is too large for a GET. Writes nothing. */
  previewImport: editors.input(importFile).mutation(async ({ ctx, input }) => {
    const plan = await planImport(ctx.db, ctx.scope.establishmentId, input.csv, input);
    return {
      fileError: plan.fileError,
      errorCount: plan.errorCount,
      newRooms: plan.newRooms,
      deleted: plan.replaced.deleted.length,
      ended: plan.replaced.ended.length,
      lines: plan.lines.map(({ line, values, errors, notes }) => ({ line, values, errors, notes })),
    };
  }),

  applyImport: editors.input(importFile).mutation(async ({ ctx, input }) => {
    const { changes, ...result } = await applyImport(ctx.db, ctx.scope.establishmentId, input.csv, input);
    await audit(ctx, "timetable.imported", { replace: input.replace, ...result });
    await tell(ctx, changes);
    return result;
  }),

  /** The weeks A and B of a school year, for those who build the timetable. */
  schoolWeeks: objectProcedure(bySchoolYear, "schoolYear.weeks", (i) => i.schoolYearId).query(({ ctx, input }) =>
    schoolWeeksOf(ctx.db, input.schoolYearId, isoDate(new Date())),
  ),

  alternateWeeks: objectProcedure(alternationStart, "schoolYear.weeks", (i) => i.schoolYearId).mutation(({ ctx, input }) =>
    changeWeeks(ctx, "timetable.weeks.alternated", input, () =>
      alternateWeeksFrom(ctx.db, input.schoolYearId, input.weekA, isoDate(new Date())),
    ),
  ),

  setSchoolWeek: objectProcedure(schoolWeekLetter, "schoolYear.weeks", (i) => i.schoolYearId).mutation(({ ctx, input }) =>
    changeWeeks(ctx, "timetable.weeks.set", input, () =>
      setSchoolWeek(ctx.db, input.schoolYearId, input.monday, input.pattern, isoDate(new Date())),
    ),
  ),

  feed: establishmentProcedure.query(({ ctx }) => feedStatus(ctx.db, ctx.scope.personId, ctx.scope.establishmentId)),

  /** A new secret calendar URL, shown this once; the previous URL stops working. */
  regenerateFeed: establishmentProcedure.mutation(async ({ ctx }) => {
    const token = await regenerateFeed(ctx.db, ctx.scope.personId, ctx.scope.establishmentId);
    await audit(ctx, "timetable.feed.regenerated", {});
    return { url: feedUrl(token) };
  }),

  revokeFeed: establishmentProcedure.mutation(async ({ ctx }) => {
    await revokeFeed(ctx.db, ctx.scope.personId, ctx.scope.establishmentId);
    await audit(ctx, "timetable.feed.revoked", {});
  }),
});
