import { and, eq, notInArray, type SQL } from "drizzle-orm";
import { classEnrolments, classes, groupMemberships, lessons, lessonTeachers, subjects, teachingGroups } from "@/drizzle/schema";
import { timeOfDay } from "@/server/calendar/days";
import type { Db } from "@/server/db";

/**
 * Double booking of the weekly timetable: two lessons clash when they share a weekday and overlapping times, on weeks
 * that can coincide (every week meets A and B; A never meets B), between overlapping validity dates, and they need
 * the same teacher, the same room, or the same pupils (the same class or group, or a class and a group, or two groups,
 * that have pupils in common).
 */
export interface Slot {
  weekday: number;
  startsAt: string;
  endsAt: string;
  weeks: "every" | "A" | "B";
  validFrom: string;
  validUntil: string;
  teacherIds: readonly string[];
  classId: string | null;
  groupId: string | null;
  roomId: string | null;
}

export type Clash = "teacher" | "class" | "group" | "pupils" | "room";

/** Which pupils each class and group of the establishment has: a class and a group clash through them. */
export type PupilSets = Map<string, ReadonlySet<string>>;

export function clashBetween(a: Slot, b: Slot, pupils: PupilSets): Clash | null {
  if (a.weekday !== b.weekday || a.startsAt >= b.endsAt || b.startsAt >= a.endsAt) return null;
  if (a.weeks !== "every" && b.weeks !== "every" && a.weeks !== b.weeks) return null;
  if (a.validFrom > b.validUntil || b.validFrom > a.validUntil) return null;
  if (a.teacherIds.some((id) => b.teacherIds.includes(id))) return "teacher";
  if (a.classId && a.classId === b.classId) return "class";
  if (a.groupId && a.groupId === b.groupId) return "group";
  if (a.roomId && a.roomId === b.roomId) return "room";
  if (sharePupils(pupils.get(a.classId ?? a.groupId ?? ""), pupils.get(b.classId ?? b.groupId ?? ""))) return "pupils";
  return null;
}

function sharePupils(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (!a || !b) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const pupil of small) if (large.has(pupil)) return true;
  return false;
}

/** The pupils of every class and group of the establishment, by class or group id. */
export async function loadPupilSets(db: Db, establishmentId: string): Promise<PupilSets> {
  const [classRows, groupRows] = await Promise.all([
    db
      .select({ audienceId: classEnrolments.classId, pupilId: classEnrolments.studentId })
      .from(classEnrolments)
      .innerJoin(classes, eq(classes.id, classEnrolments.classId))
      .where(eq(classes.establishmentId, establishmentId)),
    db
      .select({ audienceId: groupMemberships.groupId, pupilId: groupMemberships.studentId })
      .from(groupMemberships)
      .innerJoin(teachingGroups, eq(teachingGroups.id, groupMemberships.groupId))
      .where(eq(teachingGroups.establishmentId, establishmentId)),
  ]);
  const sets: Map<string, Set<string>> = new Map();
  for (const row of [...classRows, ...groupRows]) {
    const set = sets.get(row.audienceId) ?? new Set<string>();
    set.add(row.pupilId);
    sets.set(row.audienceId, set);
  }
  return sets;
}

export interface SavedSlot extends Slot {
  id: string;
  subjectCode: string;
}

/** The establishment's weekly lessons of a school year as slots, but those listed (being changed or replaced). */
export async function loadSlots(
  db: Db,
  establishmentId: string,
  schoolYearId: string,
  except: readonly string[] = [],
): Promise<SavedSlot[]> {
  const where: SQL[] = [eq(lessons.establishmentId, establishmentId), eq(lessons.schoolYearId, schoolYearId)];
  if (except.length) where.push(notInArray(lessons.id, [...except]));
  const rows = await db
    .select({
      id: lessons.id,
      weekday: lessons.weekday,
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
      weeks: lessons.weeks,
      validFrom: lessons.validFrom,
      validUntil: lessons.validUntil,
      classId: lessons.classId,
      groupId: lessons.groupId,
      roomId: lessons.roomId,
      subjectCode: subjects.code,
    })
    .from(lessons)
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(and(...where));
  if (rows.length === 0) return [];
  const teacherRows = await db
    .select({ lessonId: lessonTeachers.lessonId, teacherId: lessonTeachers.teacherId })
    .from(lessonTeachers)
    .innerJoin(lessons, eq(lessons.id, lessonTeachers.lessonId))
    .where(and(...where));
  const teachersOf = new Map<string, string[]>();
  for (const { lessonId, teacherId } of teacherRows) teachersOf.set(lessonId, [...(teachersOf.get(lessonId) ?? []), teacherId]);
  return rows.map((row) => ({
    ...row,
    startsAt: timeOfDay(row.startsAt),
    endsAt: timeOfDay(row.endsAt),
    teacherIds: teachersOf.get(row.id) ?? [],
  }));
}
