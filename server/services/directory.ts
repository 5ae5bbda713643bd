import { and, asc, count, eq, inArray } from "drizzle-orm";
import {
  classEnrolments,
  classes,
  groupMemberships,
  guardianships,
  people,
  profiles,
  subjects,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { classListScope } from "@/server/policy/policy";
import type { Scope } from "@/server/policy/scope";

const personName = { id: people.id, firstName: people.firstName, lastName: people.lastName };

/** The classes a person may list (annuaire), with their number of pupils; filtered in SQL by their scope. */
export async function listClasses(db: Db, scope: Scope) {
  const linked = [...scope.classIds, ...scope.taughtClassIds];
  if (scope.childIds.size) {
    const rows = await db
      .select({ classId: classEnrolments.classId })
      .from(classEnrolments)
      .where(inArray(classEnrolments.studentId, [...scope.childIds]));
    linked.push(...rows.map((r) => r.classId));
  }
  const wholeSchool = classListScope(scope) === "establishment";
  if (!wholeSchool && linked.length === 0) return [];
  const visibility = wholeSchool
    ? eq(classes.establishmentId, scope.establishmentId)
    : and(eq(classes.establishmentId, scope.establishmentId), inArray(classes.id, linked));
  return db
    .select({ id: classes.id, name: classes.name, level: classes.level, pupils: count(classEnrolments.studentId) })
    .from(classes)
    .leftJoin(classEnrolments, eq(classEnrolments.classId, classes.id))
    .where(visibility)
    .groupBy(classes.id)
    .orderBy(asc(classes.level), asc(classes.name));
}

/** A class's pupils and teaching team (équipe pédagogique), with the professeur principal. */
export async function classRoster(db: Db, classId: string) {
  const [klass] = await db
    .select({ id: classes.id, name: classes.name, level: classes.level })
    .from(classes)
    .where(eq(classes.id, classId));
  const pupils = await db
    .select(personName)
    .from(classEnrolments)
    .innerJoin(people, eq(people.id, classEnrolments.studentId))
    .where(eq(classEnrolments.classId, classId))
    .orderBy(asc(people.lastName), asc(people.firstName));
  const teachers = await db
    .select({ ...personName, subject: subjects.name, isLeadTeacher: teachingAssignments.isLeadTeacher })
    .from(teachingAssignments)
    .innerJoin(people, eq(people.id, teachingAssignments.teacherId))
    .innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
    .where(eq(teachingAssignments.classId, classId))
    .orderBy(asc(subjects.name), asc(people.lastName));
  return { class: klass, pupils, teachers };
}

/** A pupil's card (fiche élève): identity, class and groups in the establishment, guardians and their contacts. */
export async function studentCard(db: Db, studentId: string, establishmentId: string) {
  const [pupil] = await db
    .select(personName)
    .from(people)
    .innerJoin(profiles, and(eq(profiles.personId, people.id), eq(profiles.role, "student")))
    .where(and(eq(people.id, studentId), eq(profiles.establishmentId, establishmentId)));
  if (!pupil) return null;
  const [klass] = await db
    .select({ id: classes.id, name: classes.name, level: classes.level })
    .from(classEnrolments)
    .innerJoin(classes, eq(classes.id, classEnrolments.classId))
    .where(and(eq(classEnrolments.studentId, studentId), eq(classes.establishmentId, establishmentId)));
  const groups = await db
    .select({ id: teachingGroups.id, name: teachingGroups.name })
    .from(groupMemberships)
    .innerJoin(teachingGroups, eq(teachingGroups.id, groupMemberships.groupId))
    .where(and(eq(groupMemberships.studentId, studentId), eq(teachingGroups.establishmentId, establishmentId)))
    .orderBy(asc(teachingGroups.name));
  const guardians = await db
    .select({
      ...personName,
      email: people.email,
      phone: people.phone,
      relationship: guardianships.relationship,
      receivesInformation: guardianships.receivesInformation,
    })
    .from(guardianships)
    .innerJoin(people, eq(people.id, guardianships.guardianId))
    .where(eq(guardianships.studentId, studentId))
    .orderBy(asc(people.lastName), asc(people.firstName));
  return { ...pupil, class: klass ?? null, groups, guardians };
}

/** Headcounts of the establishment, for the staff's home. */
export async function establishmentOverview(db: Db, establishmentId: string) {
  const roleCounts = await db
    .select({ role: profiles.role, count: count() })
    .from(profiles)
    .where(eq(profiles.establishmentId, establishmentId))
    .groupBy(profiles.role);
  const [classCount] = await db
    .select({ count: count() })
    .from(classes)
    .where(eq(classes.establishmentId, establishmentId));
  const byRole = Object.fromEntries(roleCounts.map((r) => [r.role, r.count]));
  return { pupils: byRole.student ?? 0, teachers: byRole.teacher ?? 0, classes: classCount?.count ?? 0 };
}
