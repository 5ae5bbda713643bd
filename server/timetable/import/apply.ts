import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { lessons, lessonTeachers, rooms } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { addDays, timeOfDay } from "@/server/calendar/days";
import { DomainError } from "@/server/domain-error";
import { carryOccurrencesOver } from "../carry-over";
import { type UpcomingChange, withUpcomingChanges } from "../upcoming-changes";
import { type ImportOptions, type ImportPlan, planImport } from "./plan";

export interface ImportResult {
  created: number;
  deleted: number;
  ended: number;
  roomsCreated: number;
}

/**
 * Writes a timetable file in one transaction: the plan is made again inside it (so that nothing changed in between),
 * and a single error anywhere writes nothing at all. Returns, with its counts, what it changed in the coming days of
 * the file's classes and groups, to be told to their pupils and families.
 */
export async function applyImport(
  db: Db,
  establishmentId: string,
  text: string,
  options: ImportOptions,
  now = new Date(),
): Promise<ImportResult & { changes: UpcomingChange[] }> {
  return db.transaction(async (tx) => {
    const plan = await planImport(tx, establishmentId, text, options, now);
    if (plan.fileError || plan.errorCount > 0 || !plan.schoolYearId) throw new DomainError("timetable.import.errors.notApplied");
    const schoolYearId = plan.schoolYearId;

    // the classes and groups of the file: their coming days are compared before and after, to tell their families
    const reach = {
      establishmentId,
      classIds: plan.lines.flatMap((line) => (line.lesson?.classId ? [line.lesson.classId] : [])),
      groupIds: plan.lines.flatMap((line) => (line.lesson?.groupId ? [line.lesson.groupId] : [])),
    };
    const { result, changes } = await withUpcomingChanges(tx, reach, () => write(tx, establishmentId, schoolYearId, plan), { now });
    return { ...result, changes };
  });
}

/** Creates the plan's rooms and lessons, and takes away the lessons it replaces (what they had planned passes on). */
async function write(tx: Db, establishmentId: string, schoolYearId: string, plan: ImportPlan): Promise<ImportResult> {
  const createdRooms = plan.newRooms.length
    ? await tx
        .insert(rooms)
        .values(plan.newRooms.map((name) => ({ establishmentId, name })))
        .returning({ id: rooms.id, name: rooms.name })
    : [];
  const roomIdOf = (lesson: { roomId: string | null; newRoom: string | null }) =>
    lesson.newRoom ? createdRooms.find((room) => room.name === lesson.newRoom)!.id : lesson.roomId;

  const { deleted, ended } = plan.replaced;
  const planned = plan.lines.map((line) => ({ ...line.lesson!, id: randomUUID() }));
  if (planned.length) {
    await tx.insert(lessons).values(
      planned.map((lesson) => ({
        id: lesson.id,
        establishmentId,
        schoolYearId,
        subjectId: lesson.subjectId,
        classId: lesson.classId,
        groupId: lesson.groupId,
        roomId: roomIdOf(lesson),
        weekday: lesson.weekday,
        startsAt: lesson.startsAt,
        endsAt: lesson.endsAt,
        weeks: lesson.weeks,
        validFrom: lesson.validFrom,
        validUntil: lesson.validUntil,
      })),
    );
  }
  const teacherRows = planned.flatMap((lesson) => [...new Set(lesson.teacherIds)].map((teacherId) => ({ lessonId: lesson.id, teacherId })));
  if (teacherRows.length) await tx.insert(lessonTeachers).values(teacherRows);

  // what was planned for the days a replaced lesson no longer covers passes to the lesson of the file that takes over
  const replacedIds = [...deleted, ...ended.map((lesson) => lesson.id)];
  const replacedRows = replacedIds.length ? await tx.select().from(lessons).where(inArray(lessons.id, replacedIds)) : [];
  for (const old of replacedRows) {
    const successor = successorOf(old, planned);
    const from = ended.find((lesson) => lesson.id === old.id);
    if (successor) await carryOccurrencesOver(tx, { lessonId: old.id, day: from ? addDays(from.until, 1) : old.validFrom }, successor.id);
  }
  if (deleted.length) await tx.delete(lessons).where(inArray(lessons.id, deleted));
  for (const { id, until } of ended) await tx.update(lessons).set({ validUntil: until }).where(eq(lessons.id, id));
  return { created: planned.length, deleted: deleted.length, ended: ended.length, roomsCreated: createdRooms.length };
}

/** The lesson of the file that takes over from one it replaces: the same subject for the same class or group, on the same day and time if it can. */
function successorOf<Planned extends { subjectId: string; classId: string | null; groupId: string | null; weekday: number; startsAt: string }>(
  old: typeof lessons.$inferSelect,
  planned: Planned[],
): Planned | undefined {
  const same = planned.filter((p) => p.subjectId === old.subjectId && p.classId === old.classId && p.groupId === old.groupId);
  const onItsDay = same.filter((p) => p.weekday === old.weekday);
  return onItsDay.find((p) => p.startsAt === timeOfDay(old.startsAt)) ?? onItsDay[0] ?? same[0];
}
