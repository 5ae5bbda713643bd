import { and, inArray, type SQL, sql } from "drizzle-orm";
import { people } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { STAFF_ROLES } from "@/server/policy/roles";
import { hasRole, type Scope } from "@/server/policy/scope";
import { communicationRules, type CommunicationRules } from "./settings";

/** A shared inbox: the équipe de direction's (its members: direction) or vie scolaire's (its members: CPE). */
export type Inbox = "direction" | "vie_scolaire";
export const INBOX_MEMBER_ROLE = { direction: "direction", vie_scolaire: "cpe" } as const satisfies Record<Inbox, string>;

/** Who writes to anyone of the establishment: teachers and every staff role. */
const WRITES_TO_ANYONE = ["teacher", ...STAFF_ROLES, "admin"] as const;

const ids = (values: Iterable<string>) => sql.join([...values].map((v) => sql`${v}::uuid`), sql`, `);

/**
 * The communication rules as one SQL condition on `people.id` (the recipient picker and every send use it, so that
 * who appears in the picker is exactly who may be written to). Disabled accounts and the person themself are out.
 */
export function reachableCondition(scope: Scope, rules: CommunicationRules): SQL {
  const e = scope.establishmentId;
  const hasProfile = (role: string) =>
    sql`exists (select 1 from profiles p where p.person_id = people.id and p.establishment_id = ${e} and p.role = ${role})`;
  const ways: SQL[] = [];
  if (hasRole(scope, ...WRITES_TO_ANYONE)) {
    ways.push(sql`exists (select 1 from profiles p where p.person_id = people.id and p.establishment_id = ${e})`);
  }
  if (hasRole(scope, "student")) {
    const classIds = [...scope.classIds];
    const groupIds = [...scope.groupIds];
    if (rules.studentsToTeachers && classIds.length + groupIds.length > 0) {
      ways.push(sql`(${hasProfile("teacher")} and exists (select 1 from teaching_assignments ta where ta.teacher_id = people.id
        and ta.establishment_id = ${e} and (${classIds.length ? sql`ta.class_id in (${ids(classIds)})` : sql`false`}
        or ${groupIds.length ? sql`ta.group_id in (${ids(groupIds)})` : sql`false`})))`);
    }
    if (rules.studentsToClassmates && classIds.length) {
      ways.push(sql`(${hasProfile("student")} and exists (select 1 from class_enrolments ce where ce.student_id = people.id
        and ce.class_id in (${ids(classIds)})))`);
    }
    if (rules.studentsToVieScolaire) ways.push(hasProfile("cpe"));
    if (rules.studentsToDirection) ways.push(hasProfile("direction"));
  }
  if (hasRole(scope, "guardian")) {
    const children = [...scope.childIds];
    if (rules.guardiansToTeachers && children.length) {
      ways.push(sql`(${hasProfile("teacher")} and exists (select 1 from teaching_assignments ta where ta.teacher_id = people.id
        and ta.establishment_id = ${e} and (
          ta.class_id in (select ce.class_id from class_enrolments ce where ce.student_id in (${ids(children)}))
          or ta.group_id in (select gm.group_id from group_memberships gm where gm.student_id in (${ids(children)})))))`);
    }
    if (rules.guardiansToVieScolaire) ways.push(hasProfile("cpe"));
    if (rules.guardiansToDirection) ways.push(hasProfile("direction"));
  }
  if (ways.length === 0) return sql`false`;
  return sql`(people.id <> ${scope.personId} and people.status <> 'disabled' and (${sql.join(ways, sql` or `)}))`;
}

/** Whether the person of this scope may write to the shared inbox. Its own members do not write to it. */
export function mayWriteToInbox(scope: Scope, rules: CommunicationRules, inbox: Inbox): boolean {
  if (hasRole(scope, INBOX_MEMBER_ROLE[inbox])) return false;
  if (hasRole(scope, ...WRITES_TO_ANYONE)) return true;
  const byStudent = inbox === "direction" ? rules.studentsToDirection : rules.studentsToVieScolaire;
  const byGuardian = inbox === "direction" ? rules.guardiansToDirection : rules.guardiansToVieScolaire;
  return (hasRole(scope, "student") && byStudent) || (hasRole(scope, "guardian") && byGuardian);
}

/** The people among `personIds` whom the person of this scope may write to, under the establishment's rules. */
export async function reachableAmong(db: Db, scope: Scope, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rules = await communicationRules(db, scope.establishmentId);
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...personIds]), reachableCondition(scope, rules)));
  return new Set(rows.map((r) => r.id));
}
