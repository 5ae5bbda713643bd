import { and, asc, eq, inArray, or, type SQL } from "drizzle-orm";
import { classes, homework, lessons, people, subjects, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { audiencePupils, pupilAudiences } from "@/server/services/audiences";

export interface WorkloadItem {
  id: string;
  subject: string;
  /** the class or group it was given to: a group's homework weighs on some of the class's pupils only */
  audience: string;
  author: string | null;
  estimatedMinutes: number | null;
  handIn: boolean;
  /** given by the teacher who is looking */
  mine: boolean;
}

export interface DayWorkload {
  day: string;
  items: WorkloadItem[];
  totalMinutes: number;
}

/**
 * What the pupils of a class or group already have to do for each of the given days, whoever gave it: homework for
 * the class itself and for every group any of its pupils attends (language groups gather several classes), so that a
 * teacher does not overload a day. Minutes add up the estimates given; homework without one counts for nothing.
 */
export async function audienceWorkload(
  db: Db,
  establishmentId: string,
  audience: { classId?: string | null; groupId?: string | null },
  days: readonly string[],
  viewerId: string,
): Promise<DayWorkload[]> {
  if (days.length === 0) return [];
  const pupils = await audiencePupils(db, audience);
  const reach = await pupilAudiences(db, establishmentId, pupils.map((p) => p.id));
  const classIds = new Set([...reach.classIds, ...(audience.classId ? [audience.classId] : [])]);
  const groupIds = new Set([...reach.groupIds, ...(audience.groupId ? [audience.groupId] : [])]);
  const audiences: SQL[] = [];
  if (classIds.size) audiences.push(inArray(lessons.classId, [...classIds]));
  if (groupIds.size) audiences.push(inArray(lessons.groupId, [...groupIds]));

  const rows = await db
    .select({
      id: homework.id,
      dueOn: homework.dueOn,
      subject: subjects.name,
      className: classes.name,
      groupName: teachingGroups.name,
      authorId: homework.authorId,
      authorFirstName: people.firstName,
      authorLastName: people.lastName,
      estimatedMinutes: homework.estimatedMinutes,
      handIn: homework.handIn,
    })
    .from(homework)
    .innerJoin(lessons, eq(lessons.id, homework.lessonId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .leftJoin(classes, eq(classes.id, lessons.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, lessons.groupId))
    .leftJoin(people, eq(people.id, homework.authorId))
    .where(and(eq(homework.establishmentId, establishmentId), inArray(homework.dueOn, [...days]), or(...audiences)))
    .orderBy(asc(homework.dueOn), asc(subjects.name), asc(homework.createdAt));

  return [...new Set(days)].sort().map((day) => {
    const items = rows
      .filter((row) => row.dueOn === day)
      .map((row) => ({
        id: row.id,
        subject: row.subject,
        audience: row.className ?? row.groupName ?? "",
        author: row.authorFirstName ? `${row.authorFirstName} ${row.authorLastName}` : null,
        estimatedMinutes: row.estimatedMinutes,
        handIn: row.handIn,
        mine: row.authorId === viewerId,
      }));
    return { day, items, totalMinutes: items.reduce((total, item) => total + (item.estimatedMinutes ?? 0), 0) };
  });
}
