import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { eq, inArray } from "drizzle-orm";
import ical, { ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { people } from "@/drizzle/schema";
import { addDays, isoDate, mondayOf, SCHOOL_TIME_ZONE } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { serverTranslator } from "@/server/i18n/translate";
import { can } from "@/server/policy/policy";
import { loadScope, type Scope } from "@/server/policy/scope";
import type { SchoolEvent } from "./events";
import { feedOwner } from "./feed";
import type { Occurrence } from "./occurrences";
import { timetableBetween, type WeekOwner } from "./week";

/**
 * The iCalendar file behind a feed URL: the person's lessons (a guardian's: each child's, named by first name) and
 * events from two weeks back to eight weeks ahead, in Paris time, cancelled lessons as STATUS:CANCELLED. It holds
 * only what the person may see in the app today: every timetable it includes is asked of the policy again.
 */
const WEEKS_BACK = 2;
const WEEKS_AHEAD = 8;

interface Source {
  owner: WeekOwner;
  /** the child's first name, on a guardian's feed */
  label: string | null;
}

async function sourcesOf(db: Db, scope: Scope): Promise<Source[]> {
  const candidates: Source[] = [];
  if (scope.roles.has("student")) candidates.push({ owner: { kind: "student", id: scope.personId }, label: null });
  if (scope.roles.has("teacher")) candidates.push({ owner: { kind: "teacher", id: scope.personId }, label: null });
  if (scope.childIds.size) {
    const children = await db
      .select({ id: people.id, firstName: people.firstName })
      .from(people)
      .where(inArray(people.id, [...scope.childIds]))
      .orderBy(people.firstName);
    for (const child of children) candidates.push({ owner: { kind: "student", id: child.id }, label: child.firstName });
  }
  const allowed = await Promise.all(candidates.map((source) => can(db, scope, `timetable.${source.owner.kind}`, source.owner.id)));
  return candidates.filter((_, index) => allowed[index]);
}

/** The calendar a feed token opens, or null when the token is unknown or its owner may no longer use it. */
export async function feedCalendar(db: Db, token: string, now = new Date()): Promise<string | null> {
  const feed = await feedOwner(db, token, now);
  if (!feed) return null;
  const [person] = await db
    .select({ status: people.status, firstName: people.firstName, lastName: people.lastName, language: people.preferredLanguage })
    .from(people)
    .where(eq(people.id, feed.personId));
  if (!person || person.status === "disabled") return null;
  const scope = await loadScope(db, feed.personId, feed.establishmentId);
  if (scope.roles.size === 0) return null;

  const t = serverTranslator(person.language);
  const from = addDays(mondayOf(isoDate(now)), -7 * WEEKS_BACK);
  const to = addDays(mondayOf(isoDate(now)), 7 * (WEEKS_AHEAD + 1) - 1);
  const calendar = ical({
    name: t("timetable.feed.calendarName", { name: `${person.firstName} ${person.lastName}` }),
    prodId: { company: "Préau", product: "emploi-du-temps", language: person.language.toUpperCase() },
    timezone: { name: null, generator: getVtimezoneComponent },
    ttl: 60 * 60,
  });
  const seenEvents = new Set<string>();
  for (const source of await sourcesOf(db, scope)) {
    const { occurrences, events } = await timetableBetween(db, scope, source.owner, from, to);
    const suffix = source.label ? `.${source.owner.id}` : "";
    const prefix = source.label ? `${source.label} · ` : "";
    for (const occurrence of occurrences) {
      calendar.createEvent({
        id: `lesson.${occurrence.lessonId}.${occurrence.plannedOn}${suffix}@preau`,
        start: parisTime(occurrence.on, occurrence.startsAt),
        end: parisTime(occurrence.on, occurrence.endsAt),
        timezone: SCHOOL_TIME_ZONE,
        summary: prefix + (occurrence.change?.cancelled ? t("timetable.feed.cancelledSummary", { subject: occurrence.subject.name }) : occurrence.subject.name),
        location: occurrence.room?.name ?? null,
        description: describe(occurrence, t),
        status: occurrence.change?.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    for (const event of events) {
      // a whole-school event reaches every child: once is enough
      const shared = event.wholeEstablishment;
      if (shared && seenEvents.has(event.id)) continue;
      seenEvents.add(event.id);
      calendar.createEvent({
        id: `event.${event.id}${shared ? "" : suffix}@preau`,
        ...eventTimes(event),
        summary: (shared ? "" : prefix) + event.title,
        location: event.location,
        status: ICalEventStatus.CONFIRMED,
      });
    }
  }
  return calendar.toString();
}

function parisTime(day: string, time: string): DateTime {
  return DateTime.fromISO(`${day}T${time}`, { zone: SCHOOL_TIME_ZONE });
}

/** Holidays and other whole days are all-day entries; anything else keeps its times. */
function eventTimes(event: SchoolEvent) {
  const start = DateTime.fromJSDate(event.startsAt, { zone: SCHOOL_TIME_ZONE });
  const end = DateTime.fromJSDate(event.endsAt, { zone: SCHOOL_TIME_ZONE });
  const wholeDays = start.equals(start.startOf("day")) && end.equals(end.startOf("day"));
  return wholeDays ? { start: start.toISODate()!, end: end.toISODate()!, allDay: true } : { start, end, timezone: SCHOOL_TIME_ZONE };
}

function describe(occurrence: Occurrence, t: ReturnType<typeof serverTranslator>): string {
  const change = occurrence.change;
  const lines = [
    occurrence.audience.name,
    occurrence.teachers.map((teacher) => teacher.name).join(", "),
    change?.cancelled ? t("timetable.changes.cancelled") : null,
    change?.substitute ? t("timetable.changes.substitute", { name: change.substitute.name }) : null,
    change?.moved ? t("timetable.changes.moved") : null,
    change?.roomChanged ? t("timetable.changes.roomChanged") : null,
    change?.remote ? t("timetable.changes.remote") : null,
    change?.exam ? t("timetable.changes.exam") : null,
    change?.note ?? null,
  ];
  return lines.filter(Boolean).join("\n");
}
