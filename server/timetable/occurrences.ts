import { and, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import {
  classes,
  lessonChanges,
  lessons,
  lessonTeachers,
  people,
  rooms,
  schoolWeeks,
  subjects,
  teachingGroups,
} from "@/drizzle/schema";
import { daysFrom, isoWeekday, mondayOf, timeOfDay } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { holidayDays } from "./holidays";

/**
 * Lesson occurrences: the recurring lessons of the timetable laid out on real days, with week A / week B, holidays
 * and one-off changes applied. Every view of a week (timetable, cahier de textes, roll call, calendar feed, home
 * widgets) reads its lessons through here, so that they all agree on what happens when.
 */

export interface Named {
  id: string;
  name: string;
}

export interface Occurrence {
  lessonId: string;
  /** the day the lesson was planned on: with lessonId, it names the occurrence (cahier de textes, roll call) */
  plannedOn: string;
  /** where it actually happens (moved lessons differ) */
  on: string;
  startsAt: string;
  endsAt: string;
  subject: Named & { code: string };
  /** the class or the group it is taught to */
  audience: Named & { kind: "class" | "group" };
  teachers: Named[];
  room: Named | null;
  change: OccurrenceChange | null;
}

export interface OccurrenceChange {
  cancelled: boolean;
  substitute: Named | null;
  /** moved to another day or time */
  moved: boolean;
  roomChanged: boolean;
  remote: boolean;
  exam: boolean;
  note: string | null;
}

/** Whose lessons: any of these classes, groups, teachers (including the lessons they substitute in) or rooms. */
export interface LessonFilter {
  establishmentId: string;
  classIds?: readonly string[];
  groupIds?: readonly string[];
  teacherIds?: readonly string[];
  roomIds?: readonly string[];
  lessonIds?: readonly string[];
}

interface LessonRow {
  id: string;
  schoolYearId: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
  weeks: "every" | "A" | "B";
  validFrom: string;
  validUntil: string;
  subject: Named & { code: string };
  audience: Named & { kind: "class" | "group" };
  room: Named | null;
  teachers: Named[];
}

type ChangeRow = typeof lessonChanges.$inferSelect;

/** The occurrences of the lessons matching the filter that take place from `from` to `to` (days, included). */
export async function occurrencesBetween(db: Db, filter: LessonFilter, from: string, to: string): Promise<Occurrence[]> {
  const lessonRows = await loadLessons(db, filter, from, to);
  if (lessonRows.length === 0) return [];
  const ids = lessonRows.map((lesson) => lesson.id);
  const changes = await loadChanges(db, ids, from, to);
  // a lesson moved into the range was planned outside it: its week (A/B) and holidays are those of that day
  const plannedDays = [from, to, ...changes.map((change) => change.onDate)].sort();
  const [first, last] = [plannedDays[0], plannedDays[plannedDays.length - 1]];
  const [weeks, holidays, roomNames, substitutes] = await Promise.all([
    loadWeekPatterns(db, [...new Set(lessonRows.map((lesson) => lesson.schoolYearId))], first, last),
    holidayDays(db, filter.establishmentId, first, last),
    loadRoomNames(db, filter.establishmentId),
    loadSubstituteNames(db, filter, from, to),
  ]);
  const changeOf = new Map(changes.map((change) => [`${change.lessonId}/${change.onDate}`, change]));
  const occurrences: Occurrence[] = [];
  const inRange = (day: string) => from <= day && day <= to;
  const rangeDays = daysFrom(from, to);

  for (const lesson of lessonRows) {
    // the days it was planned on: those of the range, and those outside it from which a change moved it in
    const planned = new Set(rangeDays);
    for (const change of changes) if (change.lessonId === lesson.id) planned.add(change.onDate);
    for (const day of planned) {
      if (!isPlanned(lesson, day, weeks, holidays)) continue;
      const change = changeOf.get(`${lesson.id}/${day}`) ?? null;
      const occurrence = applyChange(lesson, day, change, roomNames, substitutes);
      if (inRange(occurrence.on) && matches(occurrence, filter)) occurrences.push(occurrence);
    }
  }
  return occurrences.sort(
    (a, b) => a.on.localeCompare(b.on) || a.startsAt.localeCompare(b.startsAt) || a.plannedOn.localeCompare(b.plannedOn),
  );
}

/** The one occurrence of a lesson planned on a day, or null when the lesson does not take place that day. */
export async function occurrenceOf(db: Db, establishmentId: string, lessonId: string, plannedOn: string) {
  const found = await occurrencesBetween(db, { establishmentId, lessonIds: [lessonId] }, plannedOn, plannedOn);
  const planned = found.find((o) => o.plannedOn === plannedOn);
  if (planned) return planned;
  // moved away: look where it went, within the school year's reach
  const [change] = await db
    .select()
    .from(lessonChanges)
    .where(and(eq(lessonChanges.lessonId, lessonId), eq(lessonChanges.onDate, plannedOn)));
  if (!change?.movedToDate) return null;
  const moved = await occurrencesBetween(db, { establishmentId, lessonIds: [lessonId] }, change.movedToDate, change.movedToDate);
  return moved.find((o) => o.plannedOn === plannedOn) ?? null;
}

function isPlanned(lesson: LessonRow, day: string, weeks: Map<string, "A" | "B">, holidays: Set<string>): boolean {
  if (isoWeekday(day) !== lesson.weekday || day < lesson.validFrom || day > lesson.validUntil) return false;
  if (holidays.has(day)) return false;
  if (lesson.weeks === "every") return true;
  return weeks.get(`${lesson.schoolYearId}/${mondayOf(day)}`) === lesson.weeks;
}

function applyChange(
  lesson: LessonRow,
  day: string,
  change: ChangeRow | null,
  roomNames: Map<string, string>,
  substitutes: Map<string, string>,
): Occurrence {
  const base = {
    lessonId: lesson.id,
    plannedOn: day,
    on: day,
    startsAt: lesson.startsAt,
    endsAt: lesson.endsAt,
    subject: lesson.subject,
    audience: lesson.audience,
    teachers: lesson.teachers,
    room: lesson.room,
    change: null,
  };
  if (!change) return base;
  const movedRoom = change.movedRoomId ? { id: change.movedRoomId, name: roomNames.get(change.movedRoomId) ?? "" } : null;
  const moved =
    (change.movedToDate !== null && change.movedToDate !== day) ||
    (change.movedStartsAt !== null && timeOfDay(change.movedStartsAt) !== lesson.startsAt);
  return {
    ...base,
    on: change.movedToDate ?? day,
    startsAt: change.movedStartsAt ? timeOfDay(change.movedStartsAt) : lesson.startsAt,
    endsAt: change.movedEndsAt ? timeOfDay(change.movedEndsAt) : lesson.endsAt,
    room: movedRoom ?? lesson.room,
    change: {
      cancelled: change.cancelled,
      substitute: change.substituteTeacherId
        ? { id: change.substituteTeacherId, name: substitutes.get(change.substituteTeacherId) ?? "" }
        : null,
      moved,
      roomChanged: movedRoom !== null && movedRoom.id !== lesson.room?.id,
      remote: change.remote,
      exam: change.exam,
      note: change.note,
    },
  };
}

/**
 * Whether an occurrence, as it happens, is one the filter asks for. A teacher's week holds their own lessons, those
 * they substitute in, and their own lessons given to a substitute (marked as such); a room's week holds what takes
 * place in the room after room changes.
 */
function matches(o: Occurrence, filter: LessonFilter): boolean {
  const teacherIds = filter.teacherIds ?? [];
  return (
    (o.audience.kind === "class" && (filter.classIds ?? []).includes(o.audience.id)) ||
    (o.audience.kind === "group" && (filter.groupIds ?? []).includes(o.audience.id)) ||
    o.teachers.some((teacher) => teacherIds.includes(teacher.id)) ||
    (o.change?.substitute != null && teacherIds.includes(o.change.substitute.id)) ||
    (o.room !== null && (filter.roomIds ?? []).includes(o.room.id)) ||
    (filter.lessonIds ?? []).includes(o.lessonId)
  );
}

/** Changes whose day (planned or moved to) falls in the range. */
function changedWithin(from: string, to: string) {
  return or(
    and(gte(lessonChanges.onDate, from), lte(lessonChanges.onDate, to)),
    and(gte(lessonChanges.movedToDate, from), lte(lessonChanges.movedToDate, to)),
  );
}

async function loadLessons(db: Db, filter: LessonFilter, from: string, to: string): Promise<LessonRow[]> {
  const reach: SQL[] = [];
  if (filter.classIds?.length) reach.push(inArray(lessons.classId, [...filter.classIds]));
  if (filter.groupIds?.length) reach.push(inArray(lessons.groupId, [...filter.groupIds]));
  if (filter.roomIds?.length) {
    reach.push(inArray(lessons.roomId, [...filter.roomIds]));
    reach.push(
      sql`${lessons.id} in (select ${lessonChanges.lessonId} from ${lessonChanges} where ${and(inArray(lessonChanges.movedRoomId, [...filter.roomIds]), changedWithin(from, to))})`,
    );
  }
  if (filter.teacherIds?.length) {
    reach.push(
      sql`${lessons.id} in (select ${lessonTeachers.lessonId} from ${lessonTeachers} where ${inArray(lessonTeachers.teacherId, [...filter.teacherIds])})`,
    );
    reach.push(
      sql`${lessons.id} in (select ${lessonChanges.lessonId} from ${lessonChanges} where ${and(inArray(lessonChanges.substituteTeacherId, [...filter.teacherIds]), changedWithin(from, to))})`,
    );
  }
  if (filter.lessonIds?.length) reach.push(inArray(lessons.id, [...filter.lessonIds]));
  if (reach.length === 0) return [];

  // a lesson planned before the range may have been moved into it: the changes decide, the validity is checked per day
  const rows = await db
    .select({
      id: lessons.id,
      schoolYearId: lessons.schoolYearId,
      weekday: lessons.weekday,
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
      weeks: lessons.weeks,
      validFrom: lessons.validFrom,
      validUntil: lessons.validUntil,
      subjectId: subjects.id,
      subjectCode: subjects.code,
      subjectName: subjects.name,
      classId: classes.id,
      className: classes.name,
      groupId: teachingGroups.id,
      groupName: teachingGroups.name,
      roomId: rooms.id,
      roomName: rooms.name,
      teachers: sql<Named[]>`coalesce((
        select json_agg(json_build_object('id', ${people.id}, 'name', ${people.firstName} || ' ' || ${people.lastName}) order by ${people.lastName})
        from ${lessonTeachers} join ${people} on ${people.id} = ${lessonTeachers.teacherId}
        where ${lessonTeachers.lessonId} = ${lessons.id}), '[]'::json)`,
    })
    .from(lessons)
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(classes, eq(classes.id, lessons.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, lessons.groupId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .where(and(eq(lessons.establishmentId, filter.establishmentId), or(...reach), lte(lessons.validFrom, to)));

  return rows.map((row) => ({
    id: row.id,
    schoolYearId: row.schoolYearId,
    weekday: row.weekday,
    startsAt: timeOfDay(row.startsAt),
    endsAt: timeOfDay(row.endsAt),
    weeks: row.weeks,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    subject: { id: row.subjectId, code: row.subjectCode, name: row.subjectName },
    audience: row.classId
      ? { kind: "class", id: row.classId, name: row.className ?? "" }
      : { kind: "group", id: row.groupId ?? "", name: row.groupName ?? "" },
    room: row.roomId ? { id: row.roomId, name: row.roomName ?? "" } : null,
    teachers: row.teachers,
  }));
}

/** The changes of the lessons planned in the range, or moved into it. */
function loadChanges(db: Db, lessonIds: string[], from: string, to: string) {
  return db
    .select()
    .from(lessonChanges)
    .where(
      and(inArray(lessonChanges.lessonId, lessonIds), changedWithin(from, to)),
    );
}

async function loadWeekPatterns(db: Db, schoolYearIds: string[], from: string, to: string) {
  const rows = await db
    .select()
    .from(schoolWeeks)
    .where(
      and(
        inArray(schoolWeeks.schoolYearId, schoolYearIds),
        gte(schoolWeeks.monday, mondayOf(from)),
        lte(schoolWeeks.monday, to),
      ),
    );
  return new Map(rows.map((row) => [`${row.schoolYearId}/${row.monday}`, row.pattern as "A" | "B"]));
}

async function loadRoomNames(db: Db, establishmentId: string) {
  const rows = await db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(eq(rooms.establishmentId, establishmentId));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function loadSubstituteNames(db: Db, filter: LessonFilter, from: string, to: string) {
  const rows = await db
    .selectDistinct({ id: people.id, firstName: people.firstName, lastName: people.lastName })
    .from(lessonChanges)
    .innerJoin(people, eq(people.id, lessonChanges.substituteTeacherId))
    .innerJoin(lessons, eq(lessons.id, lessonChanges.lessonId))
    .where(
      and(eq(lessons.establishmentId, filter.establishmentId), changedWithin(from, to)),
    );
  return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
}
