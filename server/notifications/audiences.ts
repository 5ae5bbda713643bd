import { and, eq, inArray, or } from "drizzle-orm";
import { classEnrolments, groupMemberships, guardianships, lessons, people, profiles, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";

export interface PupilWithFamily {
  personId: string;
  /** The pupil the notification is about (their first name goes into its text). */
  pupilName: string;
}

/** Pupils and the guardians who receive the school's information about them: who hears about a pupil's school life. */
export async function pupilsAndFamilies(db: Db, establishmentId: string, studentIds: string[]): Promise<PupilWithFamily[]> {
  if (studentIds.length === 0) return [];
  const pupils = await db
    .select({ id: people.id, firstName: people.firstName })
    .from(people)
    .innerJoin(profiles, and(eq(profiles.personId, people.id), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "student")))
    .where(inArray(people.id, studentIds));
  const families = await db
    .select({ guardianId: guardianships.guardianId, studentId: guardianships.studentId })
    .from(guardianships)
    .innerJoin(profiles, and(eq(profiles.personId, guardianships.guardianId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "guardian")))
    .where(and(inArray(guardianships.studentId, pupils.map((p) => p.id)), eq(guardianships.receivesInformation, true)));
  const names = new Map(pupils.map((p) => [p.id, p.firstName]));
  return [
    ...pupils.map((p) => ({ personId: p.id, pupilName: p.firstName })),
    ...families.map((f) => ({ personId: f.guardianId, pupilName: names.get(f.studentId) ?? "" })),
  ];
}

/** The pupils of a space: a class space's are its class's; a team's are its members who are pupils of the establishment. */
export async function pupilsOfSpace(db: Db, establishmentId: string, spaceId: string): Promise<string[]> {
  const [space] = await db.select({ kind: spaces.kind, classId: spaces.classId }).from(spaces).where(eq(spaces.id, spaceId));
  if (!space) return [];
  const rows =
    space.kind === "class" && space.classId
      ? await db.select({ id: classEnrolments.studentId }).from(classEnrolments).where(eq(classEnrolments.classId, space.classId))
      : await db
          .select({ id: spaceMembers.personId })
          .from(spaceMembers)
          .innerJoin(profiles, and(eq(profiles.personId, spaceMembers.personId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "student")))
          .where(eq(spaceMembers.spaceId, spaceId));
  return rows.map((row) => row.id);
}

/** The pupils of a teaching group (groupe). */
export async function pupilsOfGroup(db: Db, groupId: string): Promise<string[]> {
  const rows = await db.select({ id: groupMemberships.studentId }).from(groupMemberships).where(eq(groupMemberships.groupId, groupId));
  return rows.map((row) => row.id);
}

/** The pupils a lesson is taught to: its class's, or its group's. */
export async function pupilsOfLesson(db: Db, lessonId: string): Promise<string[]> {
  const [lesson] = await db.select({ classId: lessons.classId, groupId: lessons.groupId }).from(lessons).where(eq(lessons.id, lessonId));
  return lesson ? pupilsOfAudience(db, lesson) : [];
}

/** The pupils of a class, or of a teaching group. */
export async function pupilsOfAudience(db: Db, audience: { classId: string | null; groupId: string | null }): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(
      or(
        audience.classId
          ? inArray(people.id, db.select({ id: classEnrolments.studentId }).from(classEnrolments).where(eq(classEnrolments.classId, audience.classId)))
          : undefined,
        audience.groupId
          ? inArray(people.id, db.select({ id: groupMemberships.studentId }).from(groupMemberships).where(eq(groupMemberships.groupId, audience.groupId)))
          : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

/** Everyone who belongs to a team or group-work space, whatever their role in it. */
export async function membersOfSpace(db: Db, spaceId: string): Promise<string[]> {
  const rows = await db.select({ id: spaceMembers.personId }).from(spaceMembers).where(eq(spaceMembers.spaceId, spaceId));
  return rows.map((row) => row.id);
}
