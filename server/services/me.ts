import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import {
  classEnrolments,
  classes,
  establishments,
  people,
  profiles,
  sessions,
  teachingGroups,
} from "@/drizzle/schema";
import type { Locale } from "@/app/i18n/locales";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy/roles";
import type { Scope } from "@/server/policy/scope";
import { teacherAssignments } from "./assignments";
import { currentSchoolYear } from "./school-year";

/** Who am I: identity, every establishment where I hold profiles (with the roles), and the active one. */
export async function whoAmI(db: Db, personId: string, activeEstablishmentId: string | null) {
  const [person] = await db
    .select({
      id: people.id,
      login: people.login,
      firstName: people.firstName,
      lastName: people.lastName,
      preferredLanguage: people.preferredLanguage,
    })
    .from(people)
    .where(eq(people.id, personId));
  const rows = await db
    .select({
      id: establishments.id,
      uai: establishments.uai,
      name: establishments.name,
      kind: establishments.kind,
      role: profiles.role,
    })
    .from(profiles)
    .innerJoin(establishments, eq(establishments.id, profiles.establishmentId))
    .where(eq(profiles.personId, personId))
    .orderBy(asc(establishments.name));
  const byId = new Map<string, { id: string; uai: string; name: string; kind: string; roles: Role[] }>();
  for (const { role, ...establishment } of rows) {
    const entry = byId.get(establishment.id) ?? { ...establishment, roles: [] };
    entry.roles.push(role);
    byId.set(establishment.id, entry);
  }
  const schoolYear = activeEstablishmentId ? await currentSchoolYear(db, activeEstablishmentId) : null;
  return {
    person,
    establishments: [...byId.values()],
    activeEstablishmentId,
    schoolYear: schoolYear && { label: schoolYear.label, current: schoolYear.current },
  };
}

/** A guardian's children in the active establishment, with their class. */
export async function myChildren(db: Db, scope: Scope) {
  if (scope.childIds.size === 0) return [];
  return db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      classId: classes.id,
      className: classes.name,
      classLevel: classes.level,
    })
    .from(people)
    .leftJoin(classEnrolments, eq(classEnrolments.studentId, people.id))
    .leftJoin(classes, and(eq(classes.id, classEnrolments.classId), eq(classes.establishmentId, scope.establishmentId)))
    .where(inArray(people.id, [...scope.childIds]))
    .orderBy(asc(people.firstName));
}

/** The classes and groups I attend (pupil) and the ones I teach, with the subject (teacher). */
export async function myClasses(db: Db, scope: Scope) {
  const attendedClasses = scope.classIds.size
    ? await db
        .select({ id: classes.id, name: classes.name, level: classes.level })
        .from(classes)
        .where(inArray(classes.id, [...scope.classIds]))
    : [];
  const attendedGroups = scope.groupIds.size
    ? await db
        .select({ id: teachingGroups.id, name: teachingGroups.name })
        .from(teachingGroups)
        .where(inArray(teachingGroups.id, [...scope.groupIds]))
        .orderBy(asc(teachingGroups.name))
    : [];
  const taught = scope.roles.has("teacher") ? await teacherAssignments(db, scope) : [];
  return { attendedClasses, attendedGroups, taught };
}

export async function setPreferredLanguage(db: Db, personId: string, language: Locale) {
  await db.update(people).set({ preferredLanguage: language }).where(eq(people.id, personId));
}

/** My open sessions (devices), oldest first. Session ids are secrets: they never leave the server. */
export async function mySessions(db: Db, personId: string, currentSessionId: string, now = new Date()) {
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
  return rows.map(({ id, ...session }) => ({ ...session, current: id === currentSessionId }));
}
