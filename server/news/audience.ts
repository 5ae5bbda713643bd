import { and, eq, inArray } from "drizzle-orm";
import { announcementClasses, announcements, classEnrolments, guardianships, profiles, role, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy/roles";
import { NEWS_ROLES } from "./announcements";

/**
 * Everyone an announcement is for, all at once (to tell them): the same rule as the feed applies person by person
 * (announcements.ts, `isFor`), read set-wise. A profile the announcement names (or any, when it names none) must
 * reach one of its classes, or the announcement names no class: a pupil through their class, a guardian through a
 * child's, a teacher through a class they teach; those who publish reach every class. Its author is not told.
 */
export async function announcementAudience(db: Db, announcementId: string): Promise<string[]> {
  const [announcement] = await db
    .select({ establishmentId: announcements.establishmentId, roles: announcements.roles, authorId: announcements.authorId })
    .from(announcements)
    .where(eq(announcements.id, announcementId));
  if (!announcement) return [];
  const { establishmentId } = announcement;
  const classIds = (await db.select({ id: announcementClasses.classId }).from(announcementClasses).where(eq(announcementClasses.announcementId, announcementId))).map(
    (row) => row.id,
  );
  const withProfile = (r: Role) => and(eq(profiles.establishmentId, establishmentId), eq(profiles.role, r));
  const pupilsOfClasses = db.select({ id: classEnrolments.studentId }).from(classEnrolments).where(inArray(classEnrolments.classId, classIds));

  const reached = async (r: Role): Promise<{ id: string }[]> => {
    const everyone = db.select({ id: profiles.personId }).from(profiles).where(withProfile(r));
    if ((NEWS_ROLES as readonly Role[]).includes(r) || classIds.length === 0) return everyone;
    if (r === "student") return db.select({ id: profiles.personId }).from(profiles).where(and(withProfile(r), inArray(profiles.personId, pupilsOfClasses)));
    if (r === "teacher") {
      const teachers = db
        .select({ id: teachingAssignments.teacherId })
        .from(teachingAssignments)
        .where(and(eq(teachingAssignments.establishmentId, establishmentId), inArray(teachingAssignments.classId, classIds)));
      return db.select({ id: profiles.personId }).from(profiles).where(and(withProfile(r), inArray(profiles.personId, teachers)));
    }
    if (r === "guardian") {
      const pupilsHere = db.select({ id: profiles.personId }).from(profiles).where(and(withProfile("student"), inArray(profiles.personId, pupilsOfClasses)));
      const families = db.select({ id: guardianships.guardianId }).from(guardianships).where(inArray(guardianships.studentId, pupilsHere));
      return db.select({ id: profiles.personId }).from(profiles).where(and(withProfile(r), inArray(profiles.personId, families)));
    }
    return [];
  };

  const named = announcement.roles.length ? announcement.roles : role.enumValues;
  const audience = new Set<string>();
  for (const r of named) for (const { id } of await reached(r)) audience.add(id);
  if (announcement.authorId) audience.delete(announcement.authorId);
  return [...audience];
}
