import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { classEnrolments, groupMemberships, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { hasRole, type Scope } from "@/server/policy/scope";

export const SPACES_PAGE_SIZE = 20;
export type SpaceSort = "name" | "recent";

/**
 * The classes whose space the person belongs to: the ones they teach (or teach a group of their pupils in), and the
 * ones they attend or their children attend.
 */
async function classIdsOf(db: Db, scope: Scope): Promise<{ taught: string[]; all: string[] }> {
  const [ofGroups, ofChildren] = await Promise.all([
    scope.taughtGroupIds.size
      ? db
          .selectDistinct({ classId: classEnrolments.classId })
          .from(classEnrolments)
          .innerJoin(groupMemberships, eq(groupMemberships.studentId, classEnrolments.studentId))
          .where(inArray(groupMemberships.groupId, [...scope.taughtGroupIds]))
      : [],
    scope.childIds.size
      ? db.selectDistinct({ classId: classEnrolments.classId }).from(classEnrolments).where(inArray(classEnrolments.studentId, [...scope.childIds]))
      : [],
  ]);
  const taught = new Set([...scope.taughtClassIds, ...ofGroups.map((row) => row.classId)]);
  const all = new Set([...taught, ...scope.classIds, ...ofChildren.map((row) => row.classId)]);
  return { taught: [...taught], all: [...all] };
}

/**
 * "Mes espaces": the spaces of the person's classes (their children's for families; every class's for the
 * direction), the teams they are a member of, and the group-work teams of the classes they teach. Filtered in SQL,
 * a page at a time; the archived ones are listed apart, and counted for the way to them.
 */
export async function mySpaces(db: Db, scope: Scope, query: { page: number; sort: SpaceSort; archived: boolean }) {
  const { taught, all: classIds } = await classIdsOf(db, scope);
  const teacherClassIds = hasRole(scope, "teacher") ? taught : [];
  const memberOf = db.select({ id: spaceMembers.spaceId }).from(spaceMembers).where(eq(spaceMembers.personId, scope.personId));
  const ways: SQL[] = [inArray(spaces.id, memberOf)];
  if (hasRole(scope, "direction")) ways.push(eq(spaces.kind, "class"));
  else if (classIds.length) ways.push(and(eq(spaces.kind, "class"), inArray(spaces.classId, classIds))!);
  if (teacherClassIds.length) ways.push(and(eq(spaces.kind, "groupWork"), inArray(spaces.classId, teacherClassIds))!);
  const mine = and(eq(spaces.establishmentId, scope.establishmentId), or(...ways));
  const archived = sql`${spaces.archivedAt} is not null`;
  const listed = query.archived ? archived : sql`not (${archived})`;
  const order = query.sort === "name" ? [asc(spaces.name)] : [desc(spaces.createdAt), asc(spaces.name)];
  const [rows, [counts]] = await Promise.all([
    db
      .select({ id: spaces.id, kind: spaces.kind, name: spaces.name, description: spaces.description })
      .from(spaces)
      .where(and(mine, listed))
      .orderBy(...order, asc(spaces.id))
      .limit(SPACES_PAGE_SIZE)
      .offset((query.page - 1) * SPACES_PAGE_SIZE),
    db
      .select({
        total: sql<number>`count(*) filter (where ${listed})`.mapWith(Number),
        archived: sql<number>`count(*) filter (where ${archived})`.mapWith(Number),
      })
      .from(spaces)
      .where(mine),
  ]);
  return { spaces: rows, total: counts.total, archivedTotal: counts.archived, page: query.page, pageSize: SPACES_PAGE_SIZE };
}

/** A space's card: its name, kind, class and parent, as its page header shows it. */
export async function spaceCard(db: Db, spaceId: string) {
  const [space] = await db
    .select({
      id: spaces.id,
      kind: spaces.kind,
      name: spaces.name,
      description: spaces.description,
      classId: spaces.classId,
      parentSpaceId: spaces.parentSpaceId,
      archived: sql<boolean>`${spaces.archivedAt} is not null`,
    })
    .from(spaces)
    .where(eq(spaces.id, spaceId));
  return space;
}
