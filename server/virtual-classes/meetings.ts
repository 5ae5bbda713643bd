import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { meetingSlots, people, teachingAssignments } from "@/drizzle/schema";
import { schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { LivekitConfig } from "@/server/integrations/livekit/config";
import { issueToken } from "@/server/integrations/livekit/tokens";
import type { Scope } from "@/server/policy/scope";
import { pupilAudiences } from "@/server/services/audiences";
import { displayName } from "./join";
import { newRoomName } from "./session";
import { childrenTaughtBy } from "./targets";
import { opensAt } from "./window";

/**
 * Parent–teacher meetings by video (rendez-vous parents–professeurs). A teacher publishes a run of slots; a guardian
 * books one about a child the teacher teaches; at that time both, and only they, enter the slot's private room.
 */
export const MAX_SLOTS_PER_RUN = 16;

export interface SlotRun {
  on: string;
  from: string;
  to: string;
  minutes: number;
}

/** Cuts the run into slots of `minutes` and publishes those the teacher does not have yet. */
export async function publishSlots(db: Db, establishmentId: string, teacherId: string, run: SlotRun, now = new Date()) {
  const from = schoolInstant(run.on, run.from);
  const to = schoolInstant(run.on, run.to);
  if (to <= from) throw new DomainError("virtualClasses.errors.endsBeforeStart");
  if (from <= now) throw new DomainError("virtualClasses.errors.inThePast");
  const count = Math.floor((to.getTime() - from.getTime()) / (run.minutes * 60_000));
  if (count < 1) throw new DomainError("virtualClasses.errors.runTooShort");
  if (count > MAX_SLOTS_PER_RUN) throw new DomainError("virtualClasses.errors.tooManySlots");
  const rows = Array.from({ length: count }, (_, index) => ({
    establishmentId,
    teacherId,
    startsAt: new Date(from.getTime() + index * run.minutes * 60_000),
    minutes: run.minutes,
    roomName: newRoomName(),
  }));
  const created = await db.insert(meetingSlots).values(rows).onConflictDoNothing().returning({ id: meetingSlots.id });
  return { created: created.length };
}

export async function withdrawSlot(db: Db, slotId: string) {
  await db.delete(meetingSlots).where(eq(meetingSlots.id, slotId));
}

/** Books a free slot for one of the guardian's children; two guardians racing for it: the first one gets it. */
export async function bookSlot(db: Db, scope: Scope, slotId: string, studentId: string, now = new Date()) {
  const [slot] = await db.select().from(meetingSlots).where(eq(meetingSlots.id, slotId));
  if (!slot || slot.startsAt <= now) throw new DomainError("virtualClasses.errors.slotPast");
  if (!(await childrenTaughtBy(db, scope, slot.teacherId)).includes(studentId)) throw new DomainError("virtualClasses.errors.notTaught");
  const booked = await db
    .update(meetingSlots)
    .set({ guardianId: scope.personId, studentId, bookedAt: now })
    .where(and(eq(meetingSlots.id, slotId), isNull(meetingSlots.guardianId)))
    .returning({ id: meetingSlots.id });
  if (booked.length === 0) throw new DomainError("virtualClasses.errors.slotTaken");
}

/** Frees the slot again (the guardian who booked it, or the teacher). */
export async function cancelBooking(db: Db, slotId: string) {
  await db.update(meetingSlots).set({ guardianId: null, studentId: null, bookedAt: null }).where(eq(meetingSlots.id, slotId));
}

const guardian = alias(people, "guardian");
const pupil = alias(people, "pupil");
const teacher = alias(people, "teacher");

const slotColumns = {
  id: meetingSlots.id,
  startsAt: meetingSlots.startsAt,
  minutes: meetingSlots.minutes,
  teacherId: meetingSlots.teacherId,
  teacherName: sql<string>`${teacher.firstName} || ' ' || ${teacher.lastName}`,
  guardianId: meetingSlots.guardianId,
  guardianName: sql<string | null>`${guardian.firstName} || ' ' || ${guardian.lastName}`,
  studentName: sql<string | null>`${pupil.firstName} || ' ' || ${pupil.lastName}`,
};

function slotsWhere(db: Db, where: ReturnType<typeof and>) {
  return db
    .select(slotColumns)
    .from(meetingSlots)
    .innerJoin(teacher, eq(teacher.id, meetingSlots.teacherId))
    .leftJoin(guardian, eq(guardian.id, meetingSlots.guardianId))
    .leftJoin(pupil, eq(pupil.id, meetingSlots.studentId))
    .where(where)
    .orderBy(asc(meetingSlots.startsAt))
    .limit(200);
}

/** The slots a teacher published that are not over, booked or not. */
export function teacherSlots(db: Db, scope: Scope, now = new Date()) {
  return slotsWhere(
    db,
    and(
      eq(meetingSlots.teacherId, scope.personId),
      eq(meetingSlots.establishmentId, scope.establishmentId),
      gt(sql`${meetingSlots.startsAt} + make_interval(mins => ${meetingSlots.minutes})`, sql`${now.toISOString()}::timestamptz`),
    ),
  );
}

/** What a guardian may book (the free slots of their children's teachers) and what they booked, not over. */
export async function guardianSlots(db: Db, scope: Scope, now = new Date()) {
  const { classIds, groupIds } = await pupilAudiences(db, scope.establishmentId, [...scope.childIds]);
  const reach = [
    ...(classIds.length ? [inArray(teachingAssignments.classId, classIds)] : []),
    ...(groupIds.length ? [inArray(teachingAssignments.groupId, groupIds)] : []),
  ];
  const teachers = reach.length
    ? sql`${meetingSlots.teacherId} in (select ${teachingAssignments.teacherId} from ${teachingAssignments} where ${or(...reach)})`
    : sql`false`;
  const slots = await slotsWhere(
    db,
    and(
      eq(meetingSlots.establishmentId, scope.establishmentId),
      gt(sql`${meetingSlots.startsAt} + make_interval(mins => ${meetingSlots.minutes})`, sql`${now.toISOString()}::timestamptz`),
      or(eq(meetingSlots.guardianId, scope.personId), and(isNull(meetingSlots.guardianId), teachers, gt(meetingSlots.startsAt, now))),
    ),
  );
  // whom each free slot may be booked about: the children its teacher teaches
  const teacherIds = [...new Set(slots.filter((slot) => !slot.guardianId).map((slot) => slot.teacherId))];
  const taught = new Map(await Promise.all(teacherIds.map(async (id) => [id, await childrenTaughtBy(db, scope, id)] as const)));
  return slots.map((slot) => ({ ...slot, children: taught.get(slot.teacherId) ?? [] }));
}

export type MeetingState = "early" | "open" | "ended" | "unbooked";

export function meetingState(slot: { startsAt: Date; minutes: number; guardianId: string | null }, now: Date): MeetingState {
  if (!slot.guardianId) return "unbooked";
  if (now < opensAt(slot.startsAt)) return "early";
  return now.getTime() >= slot.startsAt.getTime() + slot.minutes * 60_000 ? "ended" : "open";
}

/** The meeting's state and who is in it, for its page. */
export async function meetingOf(db: Db, slotId: string, now = new Date()) {
  const [slot] = await slotsWhere(db, and(eq(meetingSlots.id, slotId)));
  if (!slot) throw new DomainError("virtualClasses.errors.notFound");
  return { ...slot, state: meetingState(slot, now) };
}

/** A token for the teacher or the guardian of a booked meeting, while it is open. */
export async function meetingToken(db: Db, config: LivekitConfig, slotId: string, personId: string, now = new Date()) {
  const [slot] = await db.select().from(meetingSlots).where(eq(meetingSlots.id, slotId));
  if (!slot) throw new DomainError("virtualClasses.errors.notFound");
  const state = meetingState(slot, now);
  if (state === "unbooked") throw new DomainError("virtualClasses.errors.slotNotBooked");
  if (state === "early") throw new DomainError("virtualClasses.errors.tooEarly");
  if (state === "ended") throw new DomainError("virtualClasses.errors.ended");
  const token = await issueToken(config, { identity: personId, name: await displayName(db, personId), room: slot.roomName, profile: { kind: "meeting" } });
  return { url: config.url, token, host: false };
}
