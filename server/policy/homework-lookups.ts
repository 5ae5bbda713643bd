import { eq } from "drizzle-orm";
import { homework, lessons } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { parseOccurrenceKey } from "@/server/timetable/occurrence-key";
import { lessonTarget, substitutesLesson, teachesLesson } from "./lookups";
import type { Scope } from "./scope";

/** Facts about lessons and homework the cahier de textes rules need; each is one or two indexed queries. */

/** Whether the person teaches the occurrence: one of the lesson's teachers, or its substitute that day. */
export async function teachesOccurrence(db: Db, scope: Scope, key: string): Promise<boolean> {
  const occurrence = parseOccurrenceKey(key);
  if (!occurrence) return false;
  if (await teachesLesson(db, scope, occurrence.lessonId)) return true;
  const lesson = await lessonTarget(db, occurrence.lessonId);
  return (
    lesson?.establishmentId === scope.establishmentId &&
    (await substitutesLesson(db, scope, occurrence.lessonId, occurrence.plannedOn))
  );
}

/** The homework's establishment, lesson, author and audience, or undefined when there is no such homework. */
export async function homeworkTarget(db: Db, homeworkId: string) {
  const [row] = await db
    .select({
      establishmentId: homework.establishmentId,
      lessonId: homework.lessonId,
      authorId: homework.authorId,
      classId: lessons.classId,
      groupId: lessons.groupId,
    })
    .from(homework)
    .innerJoin(lessons, eq(lessons.id, homework.lessonId))
    .where(eq(homework.id, homeworkId));
  return row;
}

/** Whether the person wrote the homework, or teaches the lesson it was given in, in this establishment. */
export async function editsHomework(db: Db, scope: Scope, homeworkId: string): Promise<boolean> {
  const target = await homeworkTarget(db, homeworkId);
  if (!target || target.establishmentId !== scope.establishmentId) return false;
  return target.authorId === scope.personId || (await teachesLesson(db, scope, target.lessonId));
}

/** Whether the homework was given to a class or group the person attends as a pupil. */
export async function homeworkForPupil(db: Db, scope: Scope, homeworkId: string): Promise<boolean> {
  const target = await homeworkTarget(db, homeworkId);
  if (!target || target.establishmentId !== scope.establishmentId) return false;
  return target.classId ? scope.classIds.has(target.classId) : scope.groupIds.has(target.groupId ?? "");
}

