import { and, asc, eq, gte, inArray, isNull, or, type SQL } from "drizzle-orm";
import { classes, spaceMembers, spaces, teachingGroups, virtualClasses } from "@/drizzle/schema";
import { addDays, isoDate, schoolInstant, schoolTime } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { hasRole, type Scope } from "@/server/policy/scope";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { opensAt } from "./window";

/**
 * A person's coming virtual classes, over two weeks: the remote lessons of their timetable (read through the
 * timetable's occurrences, as every week view) and the classes scheduled for their classes, groups and team spaces,
 * or by them.
 */
export interface UpcomingClass {
  /** where to go to enter it */
  href: string;
  title: string;
  audience: string;
  startsAt: Date;
  endsAt: Date;
  opensAt: Date;
  hosting: boolean;
  /** a class a teacher scheduled (not a remote lesson): its id and day, and whether it may still be moved or called off */
  scheduled?: { id: string; on: string; startsAt: string; endsAt: string; changeable: boolean };
}

export const UPCOMING_DAYS = 14;

export async function upcomingClasses(db: Db, scope: Scope, now = new Date()): Promise<UpcomingClass[]> {
  const pupil = hasRole(scope, "student");
  const teacher = hasRole(scope, "teacher");
  const from = isoDate(now);
  const to = addDays(from, UPCOMING_DAYS - 1);
  const occurrences =
    pupil || teacher
      ? await occurrencesBetween(
          db,
          {
            establishmentId: scope.establishmentId,
            classIds: pupil ? [...scope.classIds] : [],
            groupIds: pupil ? [...scope.groupIds] : [],
            teacherIds: teacher ? [scope.personId] : [],
          },
          from,
          to,
        )
      : [];
  const lessons = occurrences
    .filter((o) => o.change?.remote && !o.change.cancelled)
    .map((o): UpcomingClass => {
      const startsAt = schoolInstant(o.on, o.startsAt);
      const hostIds = o.change?.substitute ? [o.change.substitute.id] : o.teachers.map((t) => t.id);
      return {
        href: `/classes-virtuelles/cours/${o.lessonId}/${o.plannedOn}`,
        title: o.subject.name,
        audience: o.audience.name,
        startsAt,
        endsAt: schoolInstant(o.on, o.endsAt),
        opensAt: opensAt(startsAt),
        hosting: hostIds.includes(scope.personId),
      };
    });

  const teams = db.select({ id: spaceMembers.spaceId }).from(spaceMembers).where(eq(spaceMembers.personId, scope.personId));
  const mine: SQL[] = [eq(virtualClasses.hostId, scope.personId), inArray(virtualClasses.spaceId, teams)];
  if (pupil && scope.classIds.size) mine.push(inArray(virtualClasses.classId, [...scope.classIds]));
  if (pupil && scope.groupIds.size) mine.push(inArray(virtualClasses.groupId, [...scope.groupIds]));
  const scheduled = await db
    .select({
      id: virtualClasses.id,
      title: virtualClasses.title,
      className: classes.name,
      groupName: teachingGroups.name,
      spaceName: spaces.name,
      hostId: virtualClasses.hostId,
      startsAt: virtualClasses.startsAt,
      endsAt: virtualClasses.endsAt,
      startedAt: virtualClasses.startedAt,
    })
    .from(virtualClasses)
    .leftJoin(classes, eq(classes.id, virtualClasses.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, virtualClasses.groupId))
    .leftJoin(spaces, eq(spaces.id, virtualClasses.spaceId))
    .where(
      and(
        eq(virtualClasses.establishmentId, scope.establishmentId),
        gte(virtualClasses.endsAt, now),
        isNull(virtualClasses.cancelledAt),
        or(...mine),
      ),
    )
    .orderBy(asc(virtualClasses.startsAt))
    .limit(50);
  return [
    ...lessons.filter((l) => l.endsAt > now),
    ...scheduled
      .filter((row) => row.startsAt! < schoolInstant(addDays(to, 1), "00:00"))
      .map((row) => ({
        href: `/classes-virtuelles/${row.id}`,
        title: row.title ?? "",
        audience: row.className ?? row.groupName ?? row.spaceName ?? "",
        startsAt: row.startsAt!,
        endsAt: row.endsAt!,
        opensAt: opensAt(row.startsAt!),
        hosting: row.hostId === scope.personId,
        scheduled: {
          id: row.id,
          on: isoDate(row.startsAt!),
          startsAt: schoolTime(row.startsAt!),
          endsAt: schoolTime(row.endsAt!),
          changeable: row.startedAt === null,
        },
      })),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
