import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { classes, lessons, lessonTeachers, people, rooms, schoolYears, subjects, teachingGroups } from "@/drizzle/schema";
import { addDays, isoDate, timeOfDay } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { type Clash, clashBetween, loadPupilSets, loadSlots, type Slot } from "./conflicts";
import { loadReferences } from "./references";
import { assertChangesStillApply, carryOccurrencesOver } from "./carry-over";
import { hasWeekOf } from "./school-weeks";

/**
 * The weekly lessons of the timetable (cours hebdomadaires), as the direction builds them: checked against the
 * establishment's subjects, classes, groups, teachers and rooms, and against double booking.
 */
export interface LessonDraft extends Slot {
  subjectId: string;
}

/** The message a clash is refused with, in the catalogue. */
export const CLASH_ERRORS: Record<Clash, string> = {
  teacher: "timetable.errors.teacherBusy",
  class: "timetable.errors.classBusy",
  group: "timetable.errors.groupBusy",
  pupils: "timetable.errors.pupilsBusy",
  room: "timetable.errors.roomBusy",
};

/** The school year of the establishment a lesson's validity fits in. */
export async function schoolYearCovering(db: Db, establishmentId: string, from: string, until: string) {
  const [year] = await db
    .select({ id: schoolYears.id, startsOn: schoolYears.startsOn, endsOn: schoolYears.endsOn })
    .from(schoolYears)
    .where(
      and(eq(schoolYears.establishmentId, establishmentId), lte(schoolYears.startsOn, from), gte(schoolYears.endsOn, until)),
    );
  return year;
}

async function checkDraft(db: Db, establishmentId: string, draft: LessonDraft, lessonId?: string): Promise<string> {
  if ((draft.classId === null) === (draft.groupId === null)) throw new DomainError("timetable.errors.classOrGroup");
  if (draft.startsAt >= draft.endsAt) throw new DomainError("timetable.errors.endsBeforeStart");
  if (draft.validFrom > draft.validUntil) throw new DomainError("timetable.errors.validity");
  const refs = await loadReferences(db, establishmentId);
  const known = (list: { id: string }[], id: string | null) => id === null || list.some((item) => item.id === id);
  if (!known(refs.subjects, draft.subjectId)) throw new DomainError("timetable.errors.unknownSubject");
  if (!known(refs.classes, draft.classId) || !known(refs.groups, draft.groupId)) {
    throw new DomainError("timetable.errors.unknownAudience");
  }
  if (!known(refs.rooms, draft.roomId)) throw new DomainError("timetable.errors.unknownRoom");
  if (!draft.teacherIds.every((id) => known(refs.teachers, id))) throw new DomainError("timetable.errors.unknownTeacher");
  const year = await schoolYearCovering(db, establishmentId, draft.validFrom, draft.validUntil);
  if (!year) throw new DomainError("timetable.errors.outsideSchoolYear");
  // a lesson of week A or B with no such week in its dates would never take place: say so rather than lose it
  if (draft.weeks !== "every" && !(await hasWeekOf(db, year.id, { ...draft, weeks: draft.weeks }))) {
    throw new DomainError("timetable.errors.noWeekOfLetter");
  }

  const [others, pupils] = await Promise.all([
    loadSlots(db, establishmentId, year.id, lessonId ? [lessonId] : []),
    loadPupilSets(db, establishmentId),
  ]);
  for (const other of others) {
    const clash = clashBetween(draft, other, pupils);
    if (clash) throw new DomainError(CLASH_ERRORS[clash]);
  }
  return year.id;
}

function lessonRow(draft: LessonDraft) {
  return {
    subjectId: draft.subjectId,
    classId: draft.classId,
    groupId: draft.groupId,
    roomId: draft.roomId,
    weekday: draft.weekday,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    weeks: draft.weeks,
    validFrom: draft.validFrom,
    validUntil: draft.validUntil,
  };
}

export async function createLesson(db: Db, establishmentId: string, draft: LessonDraft): Promise<{ id: string }> {
  const schoolYearId = await checkDraft(db, establishmentId, draft);
  return db.transaction(async (tx) => {
    const [lesson] = await tx
      .insert(lessons)
      .values({ establishmentId, schoolYearId, ...lessonRow(draft) })
      .returning({ id: lessons.id });
    const teacherIds = [...new Set(draft.teacherIds)];
    if (teacherIds.length) await tx.insert(lessonTeachers).values(teacherIds.map((teacherId) => ({ lessonId: lesson.id, teacherId })));
    return lesson;
  });
}

/**
 * Edits a weekly lesson. One that has already taken place keeps its past (the days it was taught, its cahier de
 * textes, roll calls and absences): it ends the day before and a new lesson, as edited, takes over from today (or
 * from the first day the edit gives, if later), with what was already planned for its occurrences from then on.
 * Only a change of its last day edits it in place. Resolves to the lesson that carries the timetable on.
 */
export async function updateLesson(db: Db, establishmentId: string, lessonId: string, draft: LessonDraft, now = new Date()): Promise<{ id: string }> {
  const today = isoDate(now);
  const [[current], taughtBy] = await Promise.all([
    db.select().from(lessons).where(eq(lessons.id, lessonId)),
    db.select({ id: lessonTeachers.teacherId }).from(lessonTeachers).where(eq(lessonTeachers.lessonId, lessonId)),
  ]);
  const teacherIds = [...new Set(draft.teacherIds)];
  const carriesOn =
    current.validFrom < today && draft.validUntil >= today && !onlyItsEndChanges(current, taughtBy.map((t) => t.id), draft);
  const takesOverOn = draft.validFrom > today ? draft.validFrom : today;
  const edited = carriesOn ? { ...draft, validFrom: takesOverOn } : draft;
  const schoolYearId = await checkDraft(db, establishmentId, edited, lessonId);
  return db.transaction(async (tx) => {
    let id = lessonId;
    if (carriesOn) {
      await tx
        .update(lessons)
        .set({ validUntil: sql`least(${lessons.validUntil}, ${addDays(takesOverOn, -1)}::date)` })
        .where(eq(lessons.id, lessonId));
      [{ id }] = await tx.insert(lessons).values({ establishmentId, schoolYearId, ...lessonRow(edited) }).returning({ id: lessons.id });
      await carryOccurrencesOver(tx, { lessonId, day: takesOverOn }, id);
    } else {
      await tx.update(lessons).set({ schoolYearId, ...lessonRow(edited) }).where(eq(lessons.id, lessonId));
      await tx.delete(lessonTeachers).where(eq(lessonTeachers.lessonId, lessonId));
    }
    if (teacherIds.length) await tx.insert(lessonTeachers).values(teacherIds.map((teacherId) => ({ lessonId: id, teacherId })));
    await assertChangesStillApply(tx, establishmentId, id, today);
    return { id };
  });
}

/** Whether an edit only moves a lesson's last day, which leaves its past as it was. */
function onlyItsEndChanges(current: typeof lessons.$inferSelect, teacherIds: string[], draft: LessonDraft): boolean {
  const was: LessonDraft = { ...current, startsAt: timeOfDay(current.startsAt), endsAt: timeOfDay(current.endsAt), teacherIds };
  const allButTheEnd = (lesson: LessonDraft) =>
    JSON.stringify({ ...lessonRow(lesson), validUntil: null, teacherIds: [...new Set(lesson.teacherIds)].sort() });
  return allButTheEnd(was) === allButTheEnd(draft);
}

/**
 * Removes a lesson from the timetable. A lesson that has already taken place keeps its past (cahier de textes, roll
 * calls and absences point to it): it only stops, yesterday being its last day. One that has not started is deleted.
 */
export async function removeLesson(db: Db, lessonId: string, now = new Date()): Promise<"ended" | "deleted"> {
  const today = isoDate(now);
  const [lesson] = await db.select({ validFrom: lessons.validFrom }).from(lessons).where(eq(lessons.id, lessonId));
  if (lesson && lesson.validFrom < today) {
    await db
      .update(lessons)
      .set({ validUntil: sql`least(${lessons.validUntil}, ${addDays(today, -1)}::date)` })
      .where(eq(lessons.id, lessonId));
    return "ended";
  }
  await db.delete(lessons).where(eq(lessons.id, lessonId));
  return "deleted";
}

/** The weekly lessons of a class or a group (or all of the establishment), for the timetable's management page. */
export async function weeklyLessons(db: Db, establishmentId: string, audience: { classId?: string; groupId?: string }) {
  const where = [eq(lessons.establishmentId, establishmentId)];
  if (audience.classId) where.push(eq(lessons.classId, audience.classId));
  if (audience.groupId) where.push(eq(lessons.groupId, audience.groupId));
  const rows = await db
    .select({
      id: lessons.id,
      subjectId: subjects.id,
      subject: subjects.name,
      subjectCode: subjects.code,
      classId: lessons.classId,
      className: classes.name,
      groupId: lessons.groupId,
      groupName: teachingGroups.name,
      roomId: lessons.roomId,
      roomName: rooms.name,
      weekday: lessons.weekday,
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
      weeks: lessons.weeks,
      validFrom: lessons.validFrom,
      validUntil: lessons.validUntil,
      teachers: sql<{ id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', ${people.id}, 'name', ${people.firstName} || ' ' || ${people.lastName}) order by ${people.lastName})
        from ${lessonTeachers} join ${people} on ${people.id} = ${lessonTeachers.teacherId}
        where ${lessonTeachers.lessonId} = ${lessons.id}), '[]'::json)`,
    })
    .from(lessons)
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(classes, eq(classes.id, lessons.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, lessons.groupId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .where(and(...where))
    .orderBy(asc(lessons.weekday), asc(lessons.startsAt), asc(subjects.name));
  return rows.map((row) => ({ ...row, startsAt: timeOfDay(row.startsAt), endsAt: timeOfDay(row.endsAt) }));
}
