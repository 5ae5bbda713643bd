import { and, asc, eq } from "drizzle-orm";
import { classes, people, profiles, rooms, subjects, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/**
 * What a timetable is made of in one establishment, by name: subjects, classes, groups, teachers and rooms. The
 * pickers of the pages, the checks of a lesson and the CSV import all read them from here.
 */
export interface References {
  subjects: { id: string; code: string; name: string }[];
  classes: { id: string; name: string; level: string }[];
  groups: { id: string; name: string }[];
  teachers: { id: string; login: string; firstName: string; lastName: string }[];
  rooms: { id: string; name: string }[];
}

export async function loadReferences(db: Db, establishmentId: string): Promise<References> {
  const [subjectRows, classRows, groupRows, teacherRows, roomRows] = await Promise.all([
    db
      .select({ id: subjects.id, code: subjects.code, name: subjects.name })
      .from(subjects)
      .where(eq(subjects.establishmentId, establishmentId))
      .orderBy(asc(subjects.name)),
    db
      .select({ id: classes.id, name: classes.name, level: classes.level })
      .from(classes)
      .where(eq(classes.establishmentId, establishmentId))
      .orderBy(asc(classes.level), asc(classes.name)),
    db
      .select({ id: teachingGroups.id, name: teachingGroups.name })
      .from(teachingGroups)
      .where(eq(teachingGroups.establishmentId, establishmentId))
      .orderBy(asc(teachingGroups.name)),
    establishmentTeachers(db, establishmentId),
    db
      .select({ id: rooms.id, name: rooms.name })
      .from(rooms)
      .where(eq(rooms.establishmentId, establishmentId))
      .orderBy(asc(rooms.name)),
  ]);
  return { subjects: subjectRows, classes: classRows, groups: groupRows, teachers: teacherRows, rooms: roomRows };
}

/** The teachers of an establishment (those holding a teacher profile there), by name. */
export function establishmentTeachers(db: Db, establishmentId: string) {
  return db
    .select({ id: people.id, login: people.login, firstName: people.firstName, lastName: people.lastName })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .where(and(eq(profiles.establishmentId, establishmentId), eq(profiles.role, "teacher")))
    .orderBy(asc(people.lastName), asc(people.firstName));
}
