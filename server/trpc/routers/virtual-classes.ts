import { z } from "zod";
import { type AuditAction, recordAudit } from "@/server/audit";
import { isoDate } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";
import { livekitConfig, livekitControls } from "@/server/integrations/livekit/config";
import { DAY_CHANGE_ROLES } from "@/server/policy/roles";
import { hasRole } from "@/server/policy/scope";
import { publishLessonChange } from "@/server/timetable/change-event";
import { occurrenceKey } from "@/server/timetable/occurrence-key";
import { attendanceOf, confirmAttendance } from "@/server/virtual-classes/attendance";
import { attendeesOf } from "@/server/virtual-classes/attendees";
import { allowScreenShare, endClass, muteParticipant, removeParticipant, setHand, setPupilPermissions } from "@/server/virtual-classes/controls";
import { isHost, joinToken, startClass } from "@/server/virtual-classes/join";
import {
  bookSlot,
  cancelBooking,
  guardianSlots,
  meetingOf,
  meetingToken,
  publishSlots,
  teacherSlots,
  withdrawSlot,
} from "@/server/virtual-classes/meetings";
import { switchWeekRemote } from "@/server/virtual-classes/remote-week";
import { cancelClass, rescheduleClass, scheduleClass, schedulableTeams, virtualClassOfOccurrence } from "@/server/virtual-classes/schedule";
import { hostNames, loadSession } from "@/server/virtual-classes/session";
import { upcomingClasses } from "@/server/virtual-classes/upcoming";
import { opensAt, roomState } from "@/server/virtual-classes/window";
import type { Context } from "../context";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";

type Ctx = Context & { scope: { establishmentId: string; personId: string } };

const audit = (ctx: Ctx, action: AuditAction, details: Record<string, unknown>) =>
  recordAudit(ctx.db, { action, actorId: ctx.scope.personId, establishmentId: ctx.scope.establishmentId, ip: ctx.ip, details });

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const byClass = z.object({ id: z.uuid() });
const byPerson = byClass.extend({ personId: z.uuid() });
const bySlot = z.object({ slotId: z.uuid() });
const occurrence = z.object({ lessonId: z.uuid(), plannedOn: z.iso.date() });
const permissions = z.object({ microphone: z.boolean(), camera: z.boolean(), screenShare: z.boolean() });
const rollMark = z.discriminatedUnion("status", [
  z.object({ studentId: z.uuid(), status: z.enum(["present", "absent"]) }),
  z.object({ studentId: z.uuid(), status: z.literal("late"), minutesLate: z.int().min(1).max(240) }),
]);
const schedule = z.object({
  audience: z.object({ kind: z.enum(["class", "group", "space"]), id: z.uuid() }),
  title: z.string().trim().min(1).max(120),
  on: z.iso.date(),
  startsAt: time,
  endsAt: time,
});
const slotRun = z.object({ on: z.iso.date(), from: time, to: time, minutes: z.int().min(5).max(60) });

const host = <S extends z.ZodType<{ id: string }>>(schema: S) => objectProcedure(schema, "virtualClass.host", (i) => (i as { id: string }).id);
const member = objectProcedure(byClass, "virtualClass.join", (i) => i.id);

function configured() {
  const config = livekitConfig();
  if (!config) throw new DomainError("virtualClasses.errors.notConfigured");
  return config;
}

function controls() {
  const found = livekitControls();
  if (!found) throw new DomainError("virtualClasses.errors.notConfigured");
  return found;
}

/** Classes virtuelles: remote lessons and scheduled classes in LiveKit rooms, their attendance, and video meetings. */
export const virtualClassesRouter = router({
  configured: establishmentProcedure.query(() => ({ configured: livekitConfig() !== null })),

  upcoming: establishmentProcedure.query(({ ctx }) => upcomingClasses(ctx.db, ctx.scope)),

  /** The team spaces the person may schedule a class for (classes and groups come from the timetable's choices). */
  teams: establishmentProcedure.query(({ ctx }) => schedulableTeams(ctx.db, ctx.scope)),

  /** The virtual class of a remote lesson occurrence (made on first opening): where its join button leads. */
  ofOccurrence: objectProcedure(occurrence, "virtualClass.occurrence", (i) => occurrenceKey(i.lessonId, i.plannedOn)).mutation(
    async ({ ctx, input }) => ({ id: await virtualClassOfOccurrence(ctx.db, ctx.scope.establishmentId, input.lessonId, input.plannedOn) }),
  ),

  room: member.query(async ({ ctx, input }) => {
    const session = await loadSession(ctx.db, input.id);
    return {
      title: session.title,
      audience: session.audience.name,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      opensAt: opensAt(session.startsAt),
      state: roomState(session, new Date()),
      cancelled: session.occurrence === null && session.withdrawn,
      host: isHost(session, ctx.scope.personId),
      hosts: await hostNames(ctx.db, session),
      pupils: session.pupils,
      attendanceConfirmedAt: session.attendanceConfirmedAt,
      rollCall: session.occurrence !== null,
      configured: livekitConfig() !== null,
    };
  }),

  /**
   * A short-lived LiveKit token, issued only to a member of the class while its room is open to them; a page reloaded
   * with its person's hand raised says when it was, so that they come back with it raised.
   */
  token: objectProcedure(byClass.extend({ handRaisedAt: z.iso.datetime().optional() }), "virtualClass.join", (i) => i.id).mutation(({ ctx, input }) =>
    joinToken(ctx.db, configured(), input.id, ctx.scope.personId, new Date(), input.handRaisedAt ? new Date(input.handRaisedAt) : undefined),
  ),

  /** Raises or lowers one's own hand in the live room. */
  hand: objectProcedure(byClass.extend({ raised: z.boolean() }), "virtualClass.join", (i) => i.id).mutation(({ ctx, input }) =>
    setHand(ctx.db, controls(), input.id, ctx.scope.personId, input.raised),
  ),

  /** The host lowers someone's hand (they were given the floor, or it was raised long ago). */
  lowerHand: host(byPerson).mutation(({ ctx, input }) => setHand(ctx.db, controls(), input.id, input.personId, false)),

  /** Opens the room to its pupils; those waiting in the lobby are told through the live channel and come in at once. */
  start: host(byClass).mutation(async ({ ctx, input }) => {
    if (!(await startClass(ctx.db, input.id))) return;
    const attendeeIds = await attendeesOf(ctx.db, input.id);
    await ctx.bus.publish("virtualClass.started", { establishmentId: ctx.scope.establishmentId, virtualClassId: input.id, attendeeIds });
  }),

  setPermissions: host(byClass.extend({ pupils: permissions })).mutation(({ ctx, input }) =>
    setPupilPermissions(ctx.db, livekitControls(), input.id, input.pupils),
  ),

  allowScreenShare: host(byPerson.extend({ allowed: z.boolean() })).mutation(({ ctx, input }) =>
    allowScreenShare(ctx.db, controls(), input.id, input.personId, input.allowed),
  ),

  mute: host(byPerson).mutation(({ ctx, input }) => muteParticipant(ctx.db, controls(), input.id, input.personId)),

  remove: host(byPerson).mutation(async ({ ctx, input }) => {
    await removeParticipant(ctx.db, controls(), input.id, input.personId);
    await audit(ctx, "virtualClass.participantRemoved", input);
  }),

  end: host(byClass).mutation(async ({ ctx, input }) => {
    await endClass(ctx.db, livekitControls(), input.id);
    await audit(ctx, "virtualClass.ended", input);
  }),

  attendance: host(byClass).query(({ ctx, input }) => attendanceOf(ctx.db, input.id).then(({ pupils }) => pupils)),

  confirmAttendance: host(byClass.extend({ marks: z.array(rollMark).max(200) })).mutation(async ({ ctx, input }) => {
    const saved = await confirmAttendance(ctx.db, input.id, ctx.scope.personId, input.marks);
    for (const absence of saved.created) {
      await ctx.bus.publish("absence.recorded", { establishmentId: ctx.scope.establishmentId, absenceId: absence.id, studentId: absence.studentId, kind: absence.kind });
    }
    await audit(ctx, "virtualClass.attendanceConfirmed", { id: input.id, created: saved.created.length, removed: saved.removed });
    return { created: saved.created.length, removed: saved.removed };
  }),

  /** Moves or renames a scheduled class not yet begun (its teacher); its calendar event follows. */
  reschedule: host(byClass.extend(schedule.omit({ audience: true }).shape)).mutation(async ({ ctx, input }) => {
    await rescheduleClass(ctx.db, input.id, input);
    await audit(ctx, "virtualClass.rescheduled", input);
  }),

  /** Calls off a scheduled class not yet begun (its teacher): the room stays closed, the calendar event goes. */
  cancel: host(byClass).mutation(async ({ ctx, input }) => {
    await cancelClass(ctx.db, input.id);
    await audit(ctx, "virtualClass.cancelled", input);
  }),

  schedule: objectProcedure(schedule, "virtualClass.schedule", (i) => `${i.audience.kind}/${i.audience.id}`).mutation(async ({ ctx, input }) => {
    const created = await scheduleClass(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, input);
    await audit(ctx, "virtualClass.scheduled", { id: created.id, ...input });
    await ctx.bus.publish("virtualClass.scheduled", { establishmentId: ctx.scope.establishmentId, virtualClassId: created.id });
    return created;
  }),

  /** One click: the class's lessons of the week go remote (a teacher's own lessons only, unless vie scolaire). */
  switchWeek: objectProcedure(z.object({ classId: z.uuid(), week: z.iso.date().optional() }), "class.remoteWeek", (i) => i.classId).mutation(
    async ({ ctx, input }) => {
      const onlyOwn = hasRole(ctx.scope, ...DAY_CHANGE_ROLES) ? null : ctx.scope.personId;
      const week = input.week ?? isoDate(new Date());
      const switched = await switchWeekRemote(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, input.classId, week, onlyOwn);
      for (const { occurrence, saved } of switched) {
        await audit(ctx, "timetable.occurrence.changed", { ...occurrence, remote: true, wholeWeek: true });
        await publishLessonChange(ctx.bus, ctx.scope.establishmentId, occurrence, saved);
      }
      return { switched: switched.length };
    },
  ),

  mySlots: roleProcedure("teacher").query(({ ctx }) => teacherSlots(ctx.db, ctx.scope)),

  publishSlots: roleProcedure("teacher")
    .input(slotRun)
    .mutation(async ({ ctx, input }) => {
      const published = await publishSlots(ctx.db, ctx.scope.establishmentId, ctx.scope.personId, input);
      await audit(ctx, "virtualClass.slotsPublished", { ...input, ...published });
      return published;
    }),

  withdrawSlot: objectProcedure(bySlot, "meetingSlot.own", (i) => i.slotId).mutation(({ ctx, input }) => withdrawSlot(ctx.db, input.slotId)),

  bookableSlots: roleProcedure("guardian").query(({ ctx }) => guardianSlots(ctx.db, ctx.scope)),

  book: objectProcedure(bySlot.extend({ studentId: z.uuid() }), "meetingSlot.book", (i) => `${i.slotId}/${i.studentId}`).mutation(
    ({ ctx, input }) => bookSlot(ctx.db, ctx.scope, input.slotId, input.studentId),
  ),

  cancelBooking: objectProcedure(bySlot, "meetingSlot.join", (i) => i.slotId).mutation(({ ctx, input }) => cancelBooking(ctx.db, input.slotId)),

  meeting: objectProcedure(bySlot, "meetingSlot.join", (i) => i.slotId).query(async ({ ctx, input }) => ({
    ...(await meetingOf(ctx.db, input.slotId)),
    configured: livekitConfig() !== null,
  })),

  meetingToken: objectProcedure(bySlot, "meetingSlot.join", (i) => i.slotId).mutation(({ ctx, input }) =>
    meetingToken(ctx.db, configured(), input.slotId, ctx.scope.personId),
  ),
});
