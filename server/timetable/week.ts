import { and, eq } from "drizzle-orm";
import { schoolWeeks, schoolYears, teachingAssignments } from "@/drizzle/schema";
import { addDays, daysFrom, isoDate, mondayOf, schoolTime } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { type Role, SCHOOL_RECORD_ROLES } from "@/server/policy/roles";
import { hasRole, type Scope } from "@/server/policy/scope";
import { pupilAudiences } from "@/server/services/audiences";
import { type DayEvent, type EventReach, eventsBetween, onDay } from "./events";
import { type LessonFilter, type Occurrence, occurrencesBetween } from "./occurrences";

/**
 * A week of the timetable (emploi du temps) as one person, class, group, teacher or room lives it: the lessons of
 * each day with their changes, and the events that concern it, as seen by whoever looks (an event narrowed to some
 * profiles shows only to them). Who may ask for which week is the policy's business (timetable.student, .class, ...);
 * this only knows what belongs to the week.
 */
export type WeekOwner =
  | { kind: "student"; id: string }
  | { kind: "class"; id: string }
  | { kind: "group"; id: string }
  | { kind: "teacher"; id: string }
  | { kind: "room"; id: string };

export interface TimetableDay {
  date: string;
  occurrences: Occurrence[];
  events: DayEvent[];
}

export interface TimetableWeek {
  monday: string;
  /** semaine A / semaine B, when the school alternates */
  label: "A" | "B" | null;
  days: TimetableDay[];
}

/** Whose lessons and whose events make the owner's week. A class's week never shows one pupil's events. */
async function reachOf(db: Db, establishmentId: string, owner: WeekOwner): Promise<{ lessons: LessonFilter; events: EventReach }> {
  switch (owner.kind) {
    case "student": {
      const { classIds, groupIds } = await pupilAudiences(db, establishmentId, [owner.id]);
      return { lessons: { establishmentId, classIds, groupIds }, events: { classIds, groupIds, personIds: [owner.id] } };
    }
    case "class":
      return { lessons: { establishmentId, classIds: [owner.id] }, events: { classIds: [owner.id] } };
    case "group":
      return { lessons: { establishmentId, groupIds: [owner.id] }, events: { groupIds: [owner.id] } };
    case "teacher": {
      // an outing of a class they teach concerns them too; a pupil's detention does not
      const taught = await db
        .select({ classId: teachingAssignments.classId, groupId: teachingAssignments.groupId })
        .from(teachingAssignments)
        .where(and(eq(teachingAssignments.teacherId, owner.id), eq(teachingAssignments.establishmentId, establishmentId)));
      return {
        lessons: { establishmentId, teacherIds: [owner.id] },
        events: {
          personIds: [owner.id],
          classIds: taught.flatMap((t) => (t.classId ? [t.classId] : [])),
          groupIds: taught.flatMap((t) => (t.groupId ? [t.groupId] : [])),
        },
      };
    }
    case "room":
      return { lessons: { establishmentId, roomIds: [owner.id] }, events: {} };
  }
}

/**
 * The profiles through which the viewer sees the owner's week, which pick the events narrowed to some profiles: a
 * guardian sees a child's week as a guardian; anyone else sees a pupil's week as that pupil does, a teacher's as a
 * teacher; a class's or group's week as its pupil or its teacher, and whole by the staff who follow every class.
 */
export function profilesOfView(viewer: Scope, owner: WeekOwner): readonly Role[] | undefined {
  switch (owner.kind) {
    case "student":
      return viewer.childIds.has(owner.id) ? ["guardian"] : ["student"];
    case "teacher":
      return ["teacher"];
    case "class":
    case "group": {
      if (hasRole(viewer, ...SCHOOL_RECORD_ROLES)) return undefined;
      const [attended, taught] = owner.kind === "class" ? [viewer.classIds, viewer.taughtClassIds] : [viewer.groupIds, viewer.taughtGroupIds];
      return [...(attended.has(owner.id) ? (["student"] as const) : []), ...(taught.has(owner.id) ? (["teacher"] as const) : [])];
    }
    case "room":
      return undefined;
  }
}

/** The lessons and events of an owner from one day to another, both included, as the viewer sees them. */
export async function timetableBetween(db: Db, viewer: Scope, owner: WeekOwner, from: string, to: string) {
  const { establishmentId } = viewer;
  const reach = await reachOf(db, establishmentId, owner);
  const [occurrences, events] = await Promise.all([
    occurrencesBetween(db, reach.lessons, from, to),
    eventsBetween(db, establishmentId, { ...reach.events, profiles: profilesOfView(viewer, owner) }, from, to),
  ]);
  return { occurrences, events };
}

/** The week (Monday to Saturday, and Sunday when something happens then) holding `day`. */
export async function timetableWeek(db: Db, viewer: Scope, owner: WeekOwner, day: string): Promise<TimetableWeek> {
  const monday = mondayOf(day);
  const sunday = addDays(monday, 6);
  const [{ occurrences, events }, label] = await Promise.all([
    timetableBetween(db, viewer, owner, monday, sunday),
    weekLabel(db, viewer.establishmentId, monday),
  ]);
  const days = daysFrom(monday, sunday).map((date) => ({
    date,
    occurrences: occurrences.filter((o) => o.on === date),
    events: events.flatMap((event) => onDay(event, date) ?? []),
  }));
  const sundayIsEmpty = days[6].occurrences.length === 0 && days[6].events.every((e) => e.allDay);
  return { monday, label, days: sundayIsEmpty ? days.slice(0, 6) : days };
}

/** Whether the week starting on that Monday is a week A or a week B of the establishment's school year. */
export async function weekLabel(db: Db, establishmentId: string, monday: string): Promise<"A" | "B" | null> {
  const [row] = await db
    .select({ pattern: schoolWeeks.pattern })
    .from(schoolWeeks)
    .innerJoin(schoolYears, eq(schoolYears.id, schoolWeeks.schoolYearId))
    .where(and(eq(schoolYears.establishmentId, establishmentId), eq(schoolWeeks.monday, monday)));
  return row?.pattern === "A" || row?.pattern === "B" ? row.pattern : null;
}

/**
 * The next lessons of a person, from now: their own as a pupil or a teacher, or a child's for their guardian (for the
 * home page). Lessons already over today are left out; cancelled ones stay, flagged, so that nobody comes for nothing.
 */
export async function nextLessons(db: Db, scope: Scope, personId: string, now = new Date(), limit = 5): Promise<Occurrence[]> {
  const owner: WeekOwner | null =
    personId === scope.personId && scope.roles.has("student")
      ? { kind: "student", id: personId }
      : personId === scope.personId && scope.roles.has("teacher")
        ? { kind: "teacher", id: personId }
        : scope.childIds.has(personId)
          ? { kind: "student", id: personId }
          : null;
  if (!owner) return [];
  const today = isoDate(now);
  const time = schoolTime(now);
  const reach = await reachOf(db, scope.establishmentId, owner);
  const occurrences = await occurrencesBetween(db, reach.lessons, today, addDays(today, 13));
  return occurrences.filter((o) => o.on > today || o.endsAt > time).slice(0, limit);
}
