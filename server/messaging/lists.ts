import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { classEnrolments, classes, groupMemberships, guardianships, people, profiles, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { hasRole, type Scope } from "@/server/policy/scope";
import { communicationRules } from "./settings";

/** Role-based lists of a class: "Parents de 4eB", "Élèves de 4eB", "Équipe pédagogique de 4eB". */
export const LIST_KINDS = ["guardians", "pupils", "team"] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Staff who address any class's lists. */
const LIST_STAFF = ["direction", "cpe", "secretariat"] as const;

/** A list is named by "<kind>:<classId>". */
export function parseListKey(key: string): { kind: ListKind; classId: string } | null {
  const [kind, classId] = key.split(":");
  if (!LIST_KINDS.includes(kind as ListKind) || !/^[0-9a-f-]{36}$/i.test(classId ?? "")) return null;
  return { kind: kind as ListKind, classId };
}

/** Lists sent to families or pupils make a broadcast: a reply reaches the sender only. */
export const isBroadcastList = (kind: ListKind) => kind !== "team";

/** Whether this person may write to this list (the access policy's "messaging.list"). */
export async function mayAddressList(db: Db, scope: Scope, key: string): Promise<boolean> {
  const list = parseListKey(key);
  if (!list) return false;
  const [found] = await db
    .select({ id: classes.id })
    .from(classes)
    .where(and(eq(classes.id, list.classId), eq(classes.establishmentId, scope.establishmentId)));
  if (!found) return false;
  if (hasRole(scope, ...LIST_STAFF) || (hasRole(scope, "teacher") && scope.taughtClassIds.has(list.classId))) return true;
  return (
    list.kind === "pupils" &&
    hasRole(scope, "student") &&
    scope.classIds.has(list.classId) &&
    (await communicationRules(db, scope.establishmentId)).studentsToClassmates
  );
}

/** The lists this person may write to, class by class. */
export async function availableLists(db: Db, scope: Scope): Promise<{ key: string; kind: ListKind; className: string }[]> {
  const whole = hasRole(scope, ...LIST_STAFF);
  const taught = hasRole(scope, "teacher") ? [...scope.taughtClassIds] : [];
  const rules = await communicationRules(db, scope.establishmentId);
  const own = hasRole(scope, "student") && rules.studentsToClassmates ? [...scope.classIds] : [];
  const visible = whole ? null : [...new Set([...taught, ...own])];
  if (visible?.length === 0) return [];
  const rows = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(and(eq(classes.establishmentId, scope.establishmentId), visible ? inArray(classes.id, visible) : undefined))
    .orderBy(asc(classes.level), asc(classes.name));
  return rows.flatMap((c) => {
    const kinds: readonly ListKind[] = whole || taught.includes(c.id) ? LIST_KINDS : ["pupils"];
    return kinds.map((kind) => ({ key: `${kind}:${c.id}`, kind, className: c.name }));
  });
}

/** The people a list stands for today: guardians who receive the school's information, pupils, or teachers of the class. */
export async function listMembers(db: Db, establishmentId: string, key: string): Promise<string[]> {
  const list = parseListKey(key);
  if (!list) return [];
  const pupils = db.select({ id: classEnrolments.studentId }).from(classEnrolments).where(eq(classEnrolments.classId, list.classId));
  const withProfile = (role: "guardian" | "student" | "teacher") =>
    sql`exists (select 1 from profiles p where p.person_id = people.id and p.establishment_id = ${establishmentId} and p.role = ${role})`;
  if (list.kind === "pupils") {
    const rows = await db.select({ id: people.id }).from(people).where(and(inArray(people.id, pupils), withProfile("student")));
    return rows.map((r) => r.id);
  }
  if (list.kind === "guardians") {
    const rows = await db
      .selectDistinct({ id: guardianships.guardianId })
      .from(guardianships)
      .innerJoin(profiles, and(eq(profiles.personId, guardianships.guardianId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "guardian")))
      .where(and(inArray(guardianships.studentId, pupils), eq(guardianships.receivesInformation, true)));
    return rows.map((r) => r.id);
  }
  const groups = db.select({ id: groupMemberships.groupId }).from(groupMemberships).where(inArray(groupMemberships.studentId, pupils));
  const rows = await db
    .selectDistinct({ id: teachingAssignments.teacherId })
    .from(teachingAssignments)
    .where(
      and(
        eq(teachingAssignments.establishmentId, establishmentId),
        sql`(${teachingAssignments.classId} = ${list.classId} or ${inArray(teachingAssignments.groupId, groups)})`,
      ),
    );
  return rows.map((r) => r.id);
}
