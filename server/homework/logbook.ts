import { and, desc, eq, gte, lte } from "drizzle-orm";
import { classes, homework, lessonLogs, lessons, people, subjects, teachingGroups } from "@/drizzle/schema";
import { timeOfDay } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import type { RichDoc } from "@/server/rich-text/rich-text";
import { audiencePupils, pupilAudiences } from "@/server/services/audiences";
import { lessonsOfAudiences } from "./pupil";

type Audiences = { classIds: readonly string[]; groupIds: readonly string[] };

export interface LogbookEntry {
  lessonId: string;
  /** the day the lesson was planned on */
  date: string;
  startsAt: string;
  subject: { name: string; code: string };
  audience: string;
  teacher: string | null;
  /** what was done in class, or null when only homework was written */
  log: RichDoc | null;
  given: { id: string; dueOn: string; instructions: RichDoc; estimatedMinutes: number | null; handIn: boolean }[];
}

/**
 * The cahier de textes of some classes and groups between two days: for each lesson occurrence with something
 * written, what was done and the homework given, newest first.
 */
export async function logbookEntries(db: Db, establishmentId: string, audiences: Audiences, range: { from: string; to: string }) {
  const reach = lessonsOfAudiences(audiences);
  if (!reach) return [];
  const lessonColumns = {
    lessonId: lessons.id,
    startsAt: lessons.startsAt,
    subjectName: subjects.name,
    subjectCode: subjects.code,
    className: classes.name,
    groupName: teachingGroups.name,
    firstName: people.firstName,
    lastName: people.lastName,
  };
  const [logs, given] = await Promise.all([
    db
      .select({ ...lessonColumns, date: lessonLogs.onDate, content: lessonLogs.content })
      .from(lessonLogs)
      .innerJoin(lessons, eq(lessons.id, lessonLogs.lessonId))
      .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
      .leftJoin(classes, eq(classes.id, lessons.classId))
      .leftJoin(teachingGroups, eq(teachingGroups.id, lessons.groupId))
      .leftJoin(people, eq(people.id, lessonLogs.authorId))
      .where(and(eq(lessons.establishmentId, establishmentId), gte(lessonLogs.onDate, range.from), lte(lessonLogs.onDate, range.to), reach)),
    db
      .select({
        ...lessonColumns,
        date: homework.givenOn,
        id: homework.id,
        dueOn: homework.dueOn,
        instructions: homework.instructions,
        estimatedMinutes: homework.estimatedMinutes,
        handIn: homework.handIn,
      })
      .from(homework)
      .innerJoin(lessons, eq(lessons.id, homework.lessonId))
      .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
      .leftJoin(classes, eq(classes.id, lessons.classId))
      .leftJoin(teachingGroups, eq(teachingGroups.id, lessons.groupId))
      .leftJoin(people, eq(people.id, homework.authorId))
      .where(and(eq(homework.establishmentId, establishmentId), gte(homework.givenOn, range.from), lte(homework.givenOn, range.to), reach))
      .orderBy(desc(homework.createdAt)),
  ]);

  const entries = new Map<string, LogbookEntry>();
  const entryOf = (row: (typeof logs)[number] | (typeof given)[number]) => {
    const key = `${row.lessonId}/${row.date}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        lessonId: row.lessonId,
        date: row.date,
        startsAt: timeOfDay(row.startsAt),
        subject: { name: row.subjectName, code: row.subjectCode },
        audience: row.className ?? row.groupName ?? "",
        teacher: row.firstName ? `${row.firstName} ${row.lastName}` : null,
        log: null,
        given: [],
      };
      entries.set(key, entry);
    }
    return entry;
  };
  for (const row of logs) entryOf(row).log = row.content as RichDoc;
  for (const row of given) {
    const { id, dueOn, estimatedMinutes, handIn } = row;
    entryOf(row).given.push({ id, dueOn, instructions: row.instructions as RichDoc, estimatedMinutes, handIn });
  }
  return [...entries.values()].sort((a, b) => b.date.localeCompare(a.date) || b.startsAt.localeCompare(a.startsAt));
}

/** A pupil's cahier de textes: the entries of their classes' and groups' lessons. */
export async function pupilLogbook(db: Db, establishmentId: string, studentId: string, range: { from: string; to: string }) {
  return logbookEntries(db, establishmentId, await pupilAudiences(db, establishmentId, [studentId]), range);
}

/** A class's cahier de textes: its own lessons and those of the groups its pupils attend. */
export async function classLogbook(db: Db, establishmentId: string, classId: string, range: { from: string; to: string }) {
  const pupils = await audiencePupils(db, { classId });
  const reach = await pupilAudiences(db, establishmentId, pupils.map((p) => p.id));
  const [theClass] = await db.select({ name: classes.name }).from(classes).where(eq(classes.id, classId));
  const entries = await logbookEntries(db, establishmentId, { classIds: [classId], groupIds: reach.groupIds }, range);
  return { className: theClass.name, entries };
}
