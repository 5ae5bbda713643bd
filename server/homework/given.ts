import { and, asc, count, eq, ne, or, sql } from "drizzle-orm";
import { assignments, homework, homeworkDone, lessons } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { isBlank, type RichDoc } from "@/server/rich-text/rich-text";
import { audiencePupils } from "@/server/services/audiences";
import { type Occurrence, occurrenceOf } from "@/server/timetable/occurrences";
import { requireHeldOccurrence } from "./occurrence";

/** The latest a homework may be due: a school term ahead, so that a typo in the year is caught. */
export const MAX_DUE_DAYS = 92;

export interface HomeworkFields {
  dueOn: string;
  instructions: RichDoc;
  estimatedMinutes: number | null;
  handIn: boolean;
}

/** The day a homework given in a lesson may be due: not before the lesson (wherever it moved), not too far ahead. */
export function checkDueOn(lesson: { plannedOn: string; on: string }, dueOn: string): void {
  const lessonDay = lesson.on > lesson.plannedOn ? lesson.on : lesson.plannedOn;
  if (dueOn < lessonDay) throw new DomainError("homework.errors.dueBeforeLesson");
  if (dueOn > addDays(lessonDay, MAX_DUE_DAYS)) throw new DomainError("homework.errors.dueTooFar");
}

function checkFields(lesson: { plannedOn: string; on: string }, fields: HomeworkFields) {
  checkDueOn(lesson, fields.dueOn);
  if (isBlank(fields.instructions)) throw new DomainError("homework.errors.noInstructions");
}

/** Gives homework in a lesson occurrence (a real one, not cancelled) to the lesson's class or group. */
export async function giveHomework(
  db: Db,
  given: HomeworkFields & { establishmentId: string; lessonId: string; plannedOn: string; authorId: string },
) {
  const occurrence = await requireHeldOccurrence(db, given.establishmentId, given.lessonId, given.plannedOn);
  checkFields(occurrence, given);
  const [created] = await db
    .insert(homework)
    .values({
      establishmentId: given.establishmentId,
      lessonId: given.lessonId,
      givenOn: given.plannedOn,
      dueOn: given.dueOn,
      instructions: given.instructions,
      estimatedMinutes: given.estimatedMinutes,
      handIn: given.handIn,
      authorId: given.authorId,
    })
    .returning({ id: homework.id, establishmentId: homework.establishmentId, lessonId: homework.lessonId, dueOn: homework.dueOn });
  return created;
}

/** Changes a homework; the due date rules are those of the lesson it was given in. */
export async function updateHomework(db: Db, homeworkId: string, fields: HomeworkFields) {
  const [current] = await db.select().from(homework).where(eq(homework.id, homeworkId));
  // The lesson may have changed since (moved, or no longer in the timetable): its planned day still bounds the due date.
  const occurrence = (await occurrenceOf(db, current.establishmentId, current.lessonId, current.givenOn)) ?? {
    plannedOn: current.givenOn,
    on: current.givenOn,
  };
  checkFields(occurrence, fields);
  const [updated] = await db
    .update(homework)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(homework.id, homeworkId))
    .returning({ id: homework.id, establishmentId: homework.establishmentId, lessonId: homework.lessonId, dueOn: homework.dueOn });
  return updated;
}

export async function deleteHomework(db: Db, homeworkId: string) {
  await db.delete(homework).where(eq(homework.id, homeworkId));
}

/**
 * The homework of a lesson occurrence, for its teacher: what was given in it, and what earlier sessions of the subject
 * set for that day. A teacher sees how many pupils ticked each one done, never who (a tick is the pupil's own note),
 * and the assignment to hand in set for it, if one was (the first, should there be several).
 */
export async function occurrenceHomework(
  db: Db,
  occurrence: Pick<Occurrence, "lessonId" | "plannedOn" | "on" | "audience" | "subject">,
) {
  const columns = {
    id: homework.id,
    givenOn: homework.givenOn,
    dueOn: homework.dueOn,
    instructions: homework.instructions,
    estimatedMinutes: homework.estimatedMinutes,
    handIn: homework.handIn,
    authorId: homework.authorId,
    doneCount: count(homeworkDone.studentId),
    assignmentId: sql<string | null>`(select ${assignments.id} from ${assignments} where ${assignments.homeworkId} = ${homework.id} order by ${assignments.createdAt} limit 1)`,
  };
  const query = (where: ReturnType<typeof and>) =>
    db
      .select(columns)
      .from(homework)
      .innerJoin(lessons, eq(lessons.id, homework.lessonId))
      .leftJoin(homeworkDone, eq(homeworkDone.homeworkId, homework.id))
      .where(where)
      .groupBy(homework.id)
      .orderBy(asc(homework.dueOn), asc(homework.createdAt));
  const audience = occurrence.audience.kind === "class" ? { classId: occurrence.audience.id } : { groupId: occurrence.audience.id };
  const [given, dueToday, pupils] = await Promise.all([
    query(and(eq(homework.lessonId, occurrence.lessonId), eq(homework.givenOn, occurrence.plannedOn))),
    query(
      and(
        eq(lessons.subjectId, occurrence.subject.id),
        audience.classId ? eq(lessons.classId, audience.classId) : eq(lessons.groupId, occurrence.audience.id),
        eq(homework.dueOn, occurrence.on),
        or(ne(homework.lessonId, occurrence.lessonId), ne(homework.givenOn, occurrence.plannedOn)),
      ),
    ),
    audiencePupils(db, audience),
  ]);
  const shaped = (rows: typeof given) => rows.map((row) => ({ ...row, instructions: row.instructions as RichDoc }));
  return { given: shaped(given), dueToday: shaped(dueToday), pupilCount: pupils.length };
}
