import { SCHOOL_RECORD_ROLES } from "@/server/policy/roles";
import { hasRole, type Scope } from "@/server/policy/scope";
import { myChildren } from "@/server/services/me";
import type { Db } from "@/server/db";
import { loadReferences } from "./references";

/**
 * Whose timetable a person may pick on the timetable page: their own (pupil, teacher), their children's (guardian),
 * the classes and groups they teach, and for vie scolaire, direction and secrétariat every class, group, teacher and
 * room of the establishment. Each pick is still asked of the policy when its week is read.
 */
export async function timetableChoices(db: Db, scope: Scope) {
  const [children, refs] = await Promise.all([myChildren(db, scope), loadReferences(db, scope.establishmentId)]);
  const wholeSchool = hasRole(scope, ...SCHOOL_RECORD_ROLES);
  const teaches = scope.roles.has("teacher");
  return {
    student: scope.roles.has("student") ? scope.personId : null,
    teacher: teaches ? scope.personId : null,
    children: children.map((child) => ({ id: child.id, firstName: child.firstName, className: child.className })),
    classes: refs.classes.filter((c) => wholeSchool || scope.taughtClassIds.has(c.id)),
    groups: refs.groups.filter((g) => wholeSchool || scope.taughtGroupIds.has(g.id)),
    teachers: wholeSchool ? refs.teachers.map((t) => ({ id: t.id, name: `${t.lastName} ${t.firstName}` })) : [],
    rooms: wholeSchool ? refs.rooms : [],
  };
}
