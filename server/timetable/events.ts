import { and, asc, eq, gt, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import {
  classes,
  people,
  profiles,
  schoolEventAudiences,
  schoolEvents,
  schoolEventKind,
  teachingGroups,
} from "@/drizzle/schema";
import { addDays, schoolInstant, schoolTime } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { Role } from "@/server/policy/roles";

/**
 * Non-lesson events of the calendar (outings, detentions, holidays, meetings, exams). An event concerns the whole
 * establishment, or the classes, groups and persons of its audience: a pupil's detention reaches that pupil only (and
 * whoever may see their week), never their class. An event narrowed to some profiles (a teachers' meeting) reaches
 * only the people of those profiles within that audience.
 */
export type SchoolEventKind = (typeof schoolEventKind.enumValues)[number];

/** Whose events: those of any of these classes, groups or persons, and the whole establishment's. */
export interface EventReach {
  classIds?: readonly string[];
  groupIds?: readonly string[];
  personIds?: readonly string[];
  /** the profiles the week is seen through: an event narrowed to other profiles is left out; unset, none is */
  profiles?: readonly Role[];
}

export interface SchoolEvent {
  id: string;
  kind: SchoolEventKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  wholeEstablishment: boolean;
  /** the profiles it is narrowed to; empty, everyone of its audience */
  roles: Role[];
}

/** An event as a day of a week shows it: all day, or from/to a time of that day (Paris). */
export interface DayEvent extends SchoolEvent {
  allDay: boolean;
  /** "HH:MM" when it starts that day, null when it started before */
  from: string | null;
  /** "HH:MM" when it ends that day, null when it goes on after */
  to: string | null;
}

const eventColumns = {
  id: schoolEvents.id,
  kind: schoolEvents.kind,
  title: schoolEvents.title,
  startsAt: schoolEvents.startsAt,
  endsAt: schoolEvents.endsAt,
  location: schoolEvents.location,
  wholeEstablishment: schoolEvents.wholeEstablishment,
  roles: schoolEvents.roles,
};

/** Whether an event is for one of these profiles: it names none of them only when narrowed to others. */
function forProfiles(profiles: readonly Role[]): SQL {
  if (profiles.length === 0) return sql`cardinality(${schoolEvents.roles}) = 0`;
  const named = sql.join(
    profiles.map((profile) => sql`${profile}`),
    sql`, `,
  );
  return sql`(cardinality(${schoolEvents.roles}) = 0 or ${schoolEvents.roles} && array[${named}]::role[])`;
}

/** The events of the reach that take place (even partly) on the days from `from` to `to`. */
export async function eventsBetween(
  db: Db,
  establishmentId: string,
  reach: EventReach,
  from: string,
  to: string,
): Promise<SchoolEvent[]> {
  const audience: SQL[] = [];
  if (reach.classIds?.length) audience.push(inArray(schoolEventAudiences.classId, [...reach.classIds]));
  if (reach.groupIds?.length) audience.push(inArray(schoolEventAudiences.groupId, [...reach.groupIds]));
  if (reach.personIds?.length) audience.push(inArray(schoolEventAudiences.personId, [...reach.personIds]));
  const concerned = audience.length
    ? or(
        eq(schoolEvents.wholeEstablishment, true),
        sql`${schoolEvents.id} in (select ${schoolEventAudiences.eventId} from ${schoolEventAudiences} where ${or(...audience)})`,
      )
    : eq(schoolEvents.wholeEstablishment, true);
  return db
    .select(eventColumns)
    .from(schoolEvents)
    .where(
      and(
        eq(schoolEvents.establishmentId, establishmentId),
        lt(schoolEvents.startsAt, schoolInstant(addDays(to, 1), "00:00")),
        gt(schoolEvents.endsAt, schoolInstant(from, "00:00")),
        concerned,
        reach.profiles ? forProfiles(reach.profiles) : undefined,
      ),
    )
    .orderBy(asc(schoolEvents.startsAt));
}

/** How an event shows on a day, or null when it does not take place that day. */
export function onDay(event: SchoolEvent, day: string): DayEvent | null {
  const dayStarts = schoolInstant(day, "00:00");
  const dayEnds = schoolInstant(addDays(day, 1), "00:00");
  if (event.startsAt >= dayEnds || event.endsAt <= dayStarts) return null;
  const from = event.startsAt > dayStarts ? schoolTime(event.startsAt) : null;
  const to = event.endsAt < dayEnds ? schoolTime(event.endsAt) : null;
  return { ...event, allDay: from === null && to === null, from, to };
}


export interface EventDraft {
  kind: SchoolEventKind;
  title: string;
  location: string | null;
  startsOn: string;
  /** null: all day, from the start of startsOn to the end of endsOn */
  startsAt: string | null;
  endsOn: string;
  endsAt: string | null;
  wholeEstablishment: boolean;
  /** the profiles it is narrowed to; empty, everyone of its audience */
  roles: Role[];
  classIds: string[];
  groupIds: string[];
  personIds: string[];
}

/** Schedules an event for the whole establishment or its audience, each checked to belong to the establishment. */
export async function createEvent(db: Db, establishmentId: string, createdBy: string, draft: EventDraft) {
  const allDay = draft.startsAt === null || draft.endsAt === null;
  const startsAt = schoolInstant(draft.startsOn, allDay ? "00:00" : draft.startsAt!);
  const endsAt = allDay ? schoolInstant(addDays(draft.endsOn, 1), "00:00") : schoolInstant(draft.endsOn, draft.endsAt!);
  if (endsAt <= startsAt) throw new DomainError("timetable.errors.eventEndsBeforeStart");
  const audience = draft.wholeEstablishment ? { classIds: [], groupIds: [], personIds: [] } : draft;
  const count = audience.classIds.length + audience.groupIds.length + audience.personIds.length;
  if (!draft.wholeEstablishment && count === 0) throw new DomainError("timetable.errors.eventWithoutAudience");
  if (!(await audienceInEstablishment(db, establishmentId, audience))) throw new DomainError("timetable.errors.unknownAudience");

  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(schoolEvents)
      .values({
        establishmentId,
        kind: draft.kind,
        title: draft.title,
        location: draft.location,
        startsAt,
        endsAt,
        wholeEstablishment: draft.wholeEstablishment,
        roles: [...new Set(draft.roles)],
        createdBy,
      })
      .returning({ id: schoolEvents.id });
    const rows = [
      ...[...new Set(audience.classIds)].map((classId) => ({ eventId: event.id, classId })),
      ...[...new Set(audience.groupIds)].map((groupId) => ({ eventId: event.id, groupId })),
      ...[...new Set(audience.personIds)].map((personId) => ({ eventId: event.id, personId })),
    ];
    if (rows.length) await tx.insert(schoolEventAudiences).values(rows);
    return event;
  });
}

async function audienceInEstablishment(db: Db, establishmentId: string, audience: Pick<EventDraft, "classIds" | "groupIds" | "personIds">) {
  const distinct = (ids: string[]) => [...new Set(ids)];
  const [classIds, groupIds, personIds] = [distinct(audience.classIds), distinct(audience.groupIds), distinct(audience.personIds)];
  const [classRows, groupRows, personRows] = await Promise.all([
    classIds.length
      ? db.select({ id: classes.id }).from(classes).where(and(inArray(classes.id, classIds), eq(classes.establishmentId, establishmentId)))
      : [],
    groupIds.length
      ? db
          .select({ id: teachingGroups.id })
          .from(teachingGroups)
          .where(and(inArray(teachingGroups.id, groupIds), eq(teachingGroups.establishmentId, establishmentId)))
      : [],
    personIds.length
      ? db
          .selectDistinct({ id: profiles.personId })
          .from(profiles)
          .where(and(inArray(profiles.personId, personIds), eq(profiles.establishmentId, establishmentId)))
      : [],
  ]);
  return classRows.length === classIds.length && groupRows.length === groupIds.length && personRows.length === personIds.length;
}

export async function deleteEvent(db: Db, eventId: string): Promise<void> {
  await db.delete(schoolEvents).where(eq(schoolEvents.id, eventId));
}

/** The establishment's events from a day on, with who they concern, for the management page. */
export async function upcomingEvents(db: Db, establishmentId: string, from: string, limit = 50) {
  const events = await db
    .select(eventColumns)
    .from(schoolEvents)
    .where(and(eq(schoolEvents.establishmentId, establishmentId), gt(schoolEvents.endsAt, schoolInstant(from, "00:00"))))
    .orderBy(asc(schoolEvents.startsAt))
    .limit(limit);
  if (events.length === 0) return [];
  const audiences = await db
    .select({
      eventId: schoolEventAudiences.eventId,
      name: sql<string>`coalesce(${classes.name}, ${teachingGroups.name}, ${people.firstName} || ' ' || ${people.lastName})`,
    })
    .from(schoolEventAudiences)
    .leftJoin(classes, eq(classes.id, schoolEventAudiences.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, schoolEventAudiences.groupId))
    .leftJoin(people, eq(people.id, schoolEventAudiences.personId))
    .where(inArray(schoolEventAudiences.eventId, events.map((e) => e.id)))
    .orderBy(asc(sql`2`));
  return events.map((event) => ({
    ...event,
    audience: audiences.filter((a) => a.eventId === event.id).map((a) => a.name),
  }));
}
