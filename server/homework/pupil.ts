import { and, asc, eq, gte, inArray, lte, or, type SQL, sql } from "drizzle-orm";
import { homework, homeworkDone, lessons, people, subjects } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import type { RichDoc } from "@/server/rich-text/rich-text";
import { pupilAudiences } from "@/server/services/audiences";

/** Lessons given to any of these classes or groups (a pupil's, or a class's and its groups'). */
export function lessonsOfAudiences(audiences: { classIds: readonly string[]; groupIds: readonly string[] }): SQL | null {
  const reach: SQL[] = [];
  if (audiences.classIds.length) reach.push(inArray(lessons.classId, [...audiences.classIds]));
  if (audiences.groupIds.length) reach.push(inArray(lessons.groupId, [...audiences.groupIds]));
  return reach.length ? (or(...reach) ?? null) : null;
}

export interface PupilHomework {
  id: string;
  givenOn: string;
  dueOn: string;
  subject: { name: string; code: string };
  teacher: string | null;
  instructions: RichDoc;
  estimatedMinutes: number | null;
  handIn: boolean;
  /** whether the pupil ticked it done; null when the reader may not see ticks (anyone but the pupil and family) */
  done: boolean | null;
}

/**
 * A pupil's homework due from one day to another (both included), for their classes and groups, by due day. The
 * ticks are private: only asked for when the reader is the pupil or one of their guardians.
 */
export async function pupilHomework(
  db: Db,
  establishmentId: string,
  studentId: string,
  range: { from: string; to: string },
  withTicks: boolean,
): Promise<PupilHomework[]> {
  const reach = lessonsOfAudiences(await pupilAudiences(db, establishmentId, [studentId]));
  if (!reach) return [];
  const rows = await db
    .select({
      id: homework.id,
      givenOn: homework.givenOn,
      dueOn: homework.dueOn,
      subjectName: subjects.name,
      subjectCode: subjects.code,
      firstName: people.firstName,
      lastName: people.lastName,
      instructions: homework.instructions,
      estimatedMinutes: homework.estimatedMinutes,
      handIn: homework.handIn,
      done: sql<boolean>`exists (select 1 from ${homeworkDone} where ${homeworkDone.homeworkId} = ${homework.id} and ${homeworkDone.studentId} = ${studentId})`,
    })
    .from(homework)
    .innerJoin(lessons, eq(lessons.id, homework.lessonId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(people, eq(people.id, homework.authorId))
    .where(and(eq(homework.establishmentId, establishmentId), gte(homework.dueOn, range.from), lte(homework.dueOn, range.to), reach))
    .orderBy(asc(homework.dueOn), asc(subjects.name), asc(homework.createdAt));
  return rows.map((row) => ({
    id: row.id,
    givenOn: row.givenOn,
    dueOn: row.dueOn,
    subject: { name: row.subjectName, code: row.subjectCode },
    teacher: row.firstName ? `${row.firstName} ${row.lastName}` : null,
    instructions: row.instructions as RichDoc,
    estimatedMinutes: row.estimatedMinutes,
    handIn: row.handIn,
    done: withTicks ? row.done : null,
  }));
}

/**
 * For the home page widget: a pupil's homework due in the `days` days from `fromDay`, by day, with their ticks.
 * Call it only for the pupil or their guardians (student.homework, reader being the pupil or family).
 */
export async function homeworkDueSoon(db: Db, establishmentId: string, studentId: string, fromDay: string, days: number) {
  const due = await pupilHomework(db, establishmentId, studentId, { from: fromDay, to: addDays(fromDay, days - 1) }, true);
  const byDay: { day: string; homework: PupilHomework[] }[] = [];
  for (const item of due) {
    const last = byDay.at(-1);
    if (last?.day === item.dueOn) last.homework.push(item);
    else byDay.push({ day: item.dueOn, homework: [item] });
  }
  return byDay;
}

/** A pupil ticks a homework done, or unticks it; ticking twice changes nothing. */
export async function setHomeworkDone(db: Db, homeworkId: string, studentId: string, done: boolean) {
  if (done) {
    await db.insert(homeworkDone).values({ homeworkId, studentId }).onConflictDoNothing();
  } else {
    await db.delete(homeworkDone).where(and(eq(homeworkDone.homeworkId, homeworkId), eq(homeworkDone.studentId, studentId)));
  }
  return { done };
}
