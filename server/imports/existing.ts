import { and, eq, inArray, ne, sql } from "drizzle-orm";
import {
  classEnrolments,
  classes,
  groupMemberships,
  guardianships,
  importIdentities,
  people,
  profiles,
  scheduledErasures,
  subjects,
  teachingAssignments,
  teachingGroups,
} from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Role } from "@/server/policy/roles";

export interface ExistingPerson {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  status: "pending" | "active" | "disabled";
  hasPassword: boolean;
  /** disabled by an earlier import as a leaver, their erasure scheduled */
  leaver: boolean;
  roles: Set<Role>;
  /** how many profiles the person holds in other establishments */
  elsewhere: number;
}

/** Class and group names are compared without case, accents or spaces: "4e B" is "4eB". */
export function compactName(name: string): string {
  return name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/\s+/g, "");
}

/** What an import compares its files with: the establishment's people, the year's classes and groups, and their links. */
export async function loadExisting(db: Db, establishmentId: string, schoolYearId: string) {
  const [identityRows, profileRows, classRows, groupRows, subjectRows] = await Promise.all([
    db.select().from(importIdentities).where(eq(importIdentities.establishmentId, establishmentId)),
    db.select({ personId: profiles.personId, role: profiles.role }).from(profiles).where(eq(profiles.establishmentId, establishmentId)),
    db.select({ id: classes.id, name: classes.name }).from(classes).where(eq(classes.schoolYearId, schoolYearId)),
    db.select({ id: teachingGroups.id, name: teachingGroups.name }).from(teachingGroups).where(eq(teachingGroups.schoolYearId, schoolYearId)),
    db.select({ id: subjects.id, code: subjects.code, name: subjects.name }).from(subjects).where(eq(subjects.establishmentId, establishmentId)),
  ]);
  const personIds = [...new Set([...profileRows.map((p) => p.personId), ...identityRows.map((i) => i.personId)])];
  const classIds = classRows.map((c) => c.id);
  const groupIds = groupRows.map((g) => g.id);
  const [personRows, elsewhereRows, erasureRows, enrolmentRows, membershipRows, guardianRows, assignmentRows] = personIds.length
    ? await Promise.all([
        db.select().from(people).where(inArray(people.id, personIds)),
        db
          .select({ personId: profiles.personId, count: sql<number>`count(*)::int` })
          .from(profiles)
          .where(and(inArray(profiles.personId, personIds), ne(profiles.establishmentId, establishmentId)))
          .groupBy(profiles.personId),
        db.select({ personId: scheduledErasures.personId }).from(scheduledErasures).where(inArray(scheduledErasures.personId, personIds)),
        classIds.length ? db.select().from(classEnrolments).where(inArray(classEnrolments.classId, classIds)) : [],
        groupIds.length ? db.select().from(groupMemberships).where(inArray(groupMemberships.groupId, groupIds)) : [],
        db.select().from(guardianships).where(inArray(guardianships.guardianId, personIds)),
        db
          .select()
          .from(teachingAssignments)
          .where(eq(teachingAssignments.establishmentId, establishmentId)),
      ])
    : [[], [], [], [], [], [], []];

  const elsewhere = new Map(elsewhereRows.map((r) => [r.personId, r.count]));
  const leavers = new Set(erasureRows.map((r) => r.personId));
  const persons = new Map<string, ExistingPerson>(
    personRows.map((p) => [
      p.id,
      {
        id: p.id,
        login: p.login,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        status: p.status,
        hasPassword: p.passwordHash !== null,
        leaver: leavers.has(p.id),
        roles: new Set<Role>(),
        elsewhere: elsewhere.get(p.id) ?? 0,
      },
    ]),
  );
  for (const { personId, role } of profileRows) persons.get(personId)?.roles.add(role);

  const group = <T, K>(rows: T[], keyOf: (row: T) => K, valueOf: (row: T) => string) => {
    const map = new Map<K, Set<string>>();
    for (const row of rows) (map.get(keyOf(row)) ?? map.set(keyOf(row), new Set()).get(keyOf(row))!).add(valueOf(row));
    return map;
  };
  const students = new Set(profileRows.filter((p) => p.role === "student").map((p) => p.personId));
  return {
    identities: new Map(identityRows.map((i) => [i.externalId, i.personId])),
    persons,
    classes: new Map(classRows.map((c) => [compactName(c.name), c])),
    groups: new Map(groupRows.map((g) => [compactName(g.name), g])),
    subjects: subjectRows,
    classOf: group(enrolmentRows, (r) => r.studentId, (r) => r.classId),
    groupsOf: group(membershipRows, (r) => r.studentId, (r) => r.groupId),
    /** a guardian's links to pupils of this establishment */
    childrenOf: linksByGuardian(guardianRows.filter((g) => students.has(g.studentId))),
    assignments: new Set(
      assignmentRows.map((a) => assignmentKey(a.teacherId, a.subjectId, a.classId, a.groupId)),
    ),
  };
}

function linksByGuardian<T extends { guardianId: string; studentId: string }>(rows: T[]) {
  const map = new Map<string, Map<string, T>>();
  for (const row of rows) (map.get(row.guardianId) ?? map.set(row.guardianId, new Map()).get(row.guardianId)!).set(row.studentId, row);
  return map;
}

export type Existing = Awaited<ReturnType<typeof loadExisting>>;

export function assignmentKey(teacherId: string, subjectId: string, classId: string | null, groupId: string | null) {
  return `${teacherId}|${subjectId}|${classId ?? ""}|${groupId ?? ""}`;
}
