import {
  classEnrolments,
  classes,
  establishments,
  groupMemberships,
  guardianships,
  people,
  periods,
  profiles,
  schoolYears,
  subjects,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db/client";

/** The seeded tables read back whole, with lookups, for the seed tests to check. */
export async function loadSnapshot(db: Db) {
  const tables = {
    establishments: await db.select().from(establishments),
    schoolYears: await db.select().from(schoolYears),
    periods: await db.select().from(periods),
    people: await db.select().from(people),
    profiles: await db.select().from(profiles),
    guardianships: await db.select().from(guardianships),
    classes: await db.select().from(classes),
    enrolments: await db.select().from(classEnrolments),
    groups: await db.select().from(teachingGroups),
    memberships: await db.select().from(groupMemberships),
    subjects: await db.select().from(subjects),
    assignments: await db.select().from(teachingAssignments),
  };
  const personByLogin = new Map(tables.people.map((person) => [person.login, person]));
  const classById = new Map(tables.classes.map((item) => [item.id, item]));
  return {
    ...tables,
    person(login: string) {
      const found = personByLogin.get(login);
      if (!found) throw new Error(`No person ${login}`);
      return found;
    },
    establishment(uai: string) {
      const found = tables.establishments.find((item) => item.uai === uai);
      if (!found) throw new Error(`No establishment ${uai}`);
      return found;
    },
    classOf: (personId: string) =>
      tables.enrolments.filter((row) => row.studentId === personId).map((row) => classById.get(row.classId)),
    roster: (classId: string) =>
      tables.enrolments.filter((row) => row.classId === classId).map((row) => row.studentId),
    rolesOf: (personId: string, establishmentId: string) =>
      tables.profiles
        .filter((profile) => profile.personId === personId && profile.establishmentId === establishmentId)
        .map((profile) => profile.role)
        .sort(),
    guardiansOf: (studentId: string) => tables.guardianships.filter((row) => row.studentId === studentId),
    childrenOf: (guardianId: string) => tables.guardianships.filter((row) => row.guardianId === guardianId),
  };
}

export type Snapshot = Awaited<ReturnType<typeof loadSnapshot>>;
