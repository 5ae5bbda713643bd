import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { schoolEvents, spaceMembers, spaces, virtualClasses } from "@/drizzle/schema";
import { schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DEFAULT_LOCALE } from "@/app/i18n/locales";
import { DomainError } from "@/server/domain-error";
import { serverTranslator } from "@/server/i18n/translate";
import { membersOfSpace } from "@/server/notifications/audiences";
import { hasRole, type Scope } from "@/server/policy/scope";
import { createEvent } from "@/server/timetable/events";
import { occurrenceOf } from "@/server/timetable/occurrences";
import { type AudienceKind, newRoomName } from "./session";
import { HOST_ROLES } from "./targets";

/** Virtual classes come to be in two ways: a remote lesson occurrence, or a class a teacher schedules. */

/**
 * The virtual class of a remote lesson occurrence, made the first time someone opens it: the timetable stays the
 * one place that says which lessons are remote, and the class row only holds the room and what happens in it.
 */
export async function virtualClassOfOccurrence(db: Db, establishmentId: string, lessonId: string, plannedOn: string): Promise<string> {
  const occurrence = await occurrenceOf(db, establishmentId, lessonId, plannedOn);
  if (!occurrence || occurrence.change?.cancelled) throw new DomainError("virtualClasses.errors.notFound");
  if (!occurrence.change?.remote) throw new DomainError("virtualClasses.errors.notRemote");
  await db.insert(virtualClasses).values({ establishmentId, roomName: newRoomName(), lessonId, plannedOn }).onConflictDoNothing();
  const [row] = await db
    .select({ id: virtualClasses.id })
    .from(virtualClasses)
    .where(and(eq(virtualClasses.lessonId, lessonId), eq(virtualClasses.plannedOn, plannedOn)));
  return row.id;
}

export interface ScheduleDraft {
  audience: { kind: AudienceKind; id: string };
  title: string;
  on: string;
  startsAt: string;
  endsAt: string;
}

/** The team spaces the person may schedule a class for: those they own or write in, not archived (the policy's rule as a list). */
export async function schedulableTeams(db: Db, scope: Scope): Promise<{ id: string; name: string }[]> {
  if (!hasRole(scope, ...HOST_ROLES)) return [];
  return db
    .select({ id: spaces.id, name: spaces.name })
    .from(spaces)
    .innerJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.personId, scope.personId)))
    .where(
      and(
        eq(spaces.establishmentId, scope.establishmentId),
        eq(spaces.kind, "team"),
        isNull(spaces.archivedAt),
        inArray(spaceMembers.role, ["owner", "contributor"]),
      ),
    )
    .orderBy(asc(spaces.name));
}

/** Checks a scheduled class's times: in order, and not over yet. */
function scheduledTimes(draft: Pick<ScheduleDraft, "on" | "startsAt" | "endsAt">, now: Date) {
  const startsAt = schoolInstant(draft.on, draft.startsAt);
  const endsAt = schoolInstant(draft.on, draft.endsAt);
  if (endsAt <= startsAt) throw new DomainError("virtualClasses.errors.endsBeforeStart");
  if (endsAt <= now) throw new DomainError("virtualClasses.errors.inThePast");
  return { startsAt, endsAt };
}

/**
 * A virtual class outside the timetable (a revision session, a class council with pupils' delegates, a club's
 * meeting...). It is also put in the calendar of its class or group as an event, so that pupils and families see it in
 * their week; a team space's event is its members' (those of the day it is scheduled).
 */
export async function scheduleClass(db: Db, establishmentId: string, hostId: string, draft: ScheduleDraft, now = new Date()) {
  const { startsAt, endsAt } = scheduledTimes(draft, now);
  const { kind, id } = draft.audience;
  const event = await createEvent(db, establishmentId, hostId, {
    kind: "other",
    title: draft.title.trim(),
    location: serverTranslator(DEFAULT_LOCALE)("virtualClasses.eventLocation"),
    startsOn: draft.on,
    startsAt: draft.startsAt,
    endsOn: draft.on,
    endsAt: draft.endsAt,
    wholeEstablishment: false,
    roles: [],
    classIds: kind === "class" ? [id] : [],
    groupIds: kind === "group" ? [id] : [],
    personIds: kind === "space" ? await membersOfSpace(db, id) : [],
  });
  const [row] = await db
    .insert(virtualClasses)
    .values({
      establishmentId,
      roomName: newRoomName(),
      classId: kind === "class" ? id : null,
      groupId: kind === "group" ? id : null,
      spaceId: kind === "space" ? id : null,
      title: draft.title.trim(),
      hostId,
      startsAt,
      endsAt,
      eventId: event.id,
    })
    .returning({ id: virtualClasses.id });
  return row;
}

/** A scheduled class its teacher may still change: not a remote lesson (the timetable says those), not begun, not called off. */
async function changeableClass(db: Db, virtualClassId: string, now: Date) {
  const [row] = await db.select().from(virtualClasses).where(eq(virtualClasses.id, virtualClassId));
  if (!row || row.lessonId) throw new DomainError("virtualClasses.errors.notScheduled");
  if (row.cancelledAt) throw new DomainError("virtualClasses.errors.cancelled");
  if (row.startedAt || row.endedAt || row.endsAt! <= now) throw new DomainError("virtualClasses.errors.alreadyHeld");
  return row;
}

/** Moves a scheduled class, or renames it, with its calendar event; its audience and its room stay. */
export async function rescheduleClass(db: Db, virtualClassId: string, draft: Omit<ScheduleDraft, "audience">, now = new Date()): Promise<void> {
  const row = await changeableClass(db, virtualClassId, now);
  const { startsAt, endsAt } = scheduledTimes(draft, now);
  const title = draft.title.trim();
  await db.transaction(async (tx) => {
    await tx.update(virtualClasses).set({ title, startsAt, endsAt }).where(eq(virtualClasses.id, row.id));
    if (row.eventId) await tx.update(schoolEvents).set({ title, startsAt, endsAt }).where(eq(schoolEvents.id, row.eventId));
  });
}

/** Calls a scheduled class off: its room stays closed to everyone and it leaves its audience's calendar. */
export async function cancelClass(db: Db, virtualClassId: string, now = new Date()): Promise<void> {
  const row = await changeableClass(db, virtualClassId, now);
  await db.transaction(async (tx) => {
    await tx.update(virtualClasses).set({ cancelledAt: now, eventId: null }).where(eq(virtualClasses.id, row.id));
    if (row.eventId) await tx.delete(schoolEvents).where(eq(schoolEvents.id, row.eventId));
  });
}
