import { getTableColumns, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
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

/** The rows a seed generates before writing them, table by table, with their ids chosen in advance. */
export interface SeedRows {
  establishments: (typeof establishments.$inferInsert)[];
  schoolYears: (typeof schoolYears.$inferInsert)[];
  periods: (typeof periods.$inferInsert)[];
  people: (typeof people.$inferInsert)[];
  profiles: (typeof profiles.$inferInsert)[];
  guardianships: (typeof guardianships.$inferInsert)[];
  classes: (typeof classes.$inferInsert)[];
  teachingGroups: (typeof teachingGroups.$inferInsert)[];
  subjects: (typeof subjects.$inferInsert)[];
  classEnrolments: (typeof classEnrolments.$inferInsert)[];
  groupMemberships: (typeof groupMemberships.$inferInsert)[];
  teachingAssignments: (typeof teachingAssignments.$inferInsert)[];
}

export function emptyRows(): SeedRows {
  return {
    establishments: [],
    schoolYears: [],
    periods: [],
    people: [],
    profiles: [],
    guardianships: [],
    classes: [],
    teachingGroups: [],
    subjects: [],
    classEnrolments: [],
    groupMemberships: [],
    teachingAssignments: [],
  };
}

export function countRows(rows: SeedRows): number {
  return Object.values(rows).reduce((total: number, list: unknown[]) => total + list.length, 0);
}

const ROWS_PER_INSERT = 1_000;

/**
 * Inserts rows a thousand at a time, each chunk sent as ONE JSON parameter that PostgreSQL expands with
 * json_populate_recordset: no bind-parameter limit, and an order of magnitude less work in JavaScript than
 * drizzle's multi-row VALUES (which binds and maps every value). A column no row sets gets its default; one that
 * only some rows set is null in the others.
 */
export async function insertInChunks<T extends PgTable>(db: Db, table: T, values: T["$inferInsert"][]): Promise<void> {
  if (values.length === 0) return;
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const keys = [...new Set(values.flatMap((row) => Object.keys(row)))];
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key].name)),
    sql`, `,
  );
  for (let start = 0; start < values.length; start += ROWS_PER_INSERT) {
    const chunk = values.slice(start, start + ROWS_PER_INSERT).map((row: Record<string, unknown>) => {
      const record: Record<string, unknown> = {};
      for (const key of keys) record[columns[key].name] = row[key];
      return record;
    });
    const records = sql`json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)`;
    await db.execute(sql`insert into ${table} (${names}) select ${names} from ${records}`);
  }
}

/** Writes the rows in foreign-key order. Call it inside a transaction to get all or nothing. */
export async function insertRows(db: Db, rows: SeedRows): Promise<void> {
  await insertInChunks(db, establishments, rows.establishments);
  await insertInChunks(db, schoolYears, rows.schoolYears);
  await insertInChunks(db, periods, rows.periods);
  await insertInChunks(db, people, rows.people);
  await insertInChunks(db, profiles, rows.profiles);
  await insertInChunks(db, guardianships, rows.guardianships);
  await insertInChunks(db, classes, rows.classes);
  await insertInChunks(db, teachingGroups, rows.teachingGroups);
  await insertInChunks(db, subjects, rows.subjects);
  await insertInChunks(db, classEnrolments, rows.classEnrolments);
  await insertInChunks(db, groupMemberships, rows.groupMemberships);
  await insertInChunks(db, teachingAssignments, rows.teachingAssignments);
}

/** How many of each were generated. A person with several profiles counts once as a person, once per kind. */
export interface SeedSummary {
  establishments: number;
  people: number;
  pupils: number;
  guardians: number;
  teachers: number;
  /** direction, vie scolaire (cpe), secrétariat, agents and admins */
  staff: number;
  classes: number;
}

export function summariseRows(rows: SeedRows): SeedSummary {
  const holders = (roles: string[]) =>
    new Set(rows.profiles.filter((profile) => roles.includes(profile.role)).map((profile) => profile.personId)).size;
  return {
    establishments: rows.establishments.length,
    people: rows.people.length,
    pupils: holders(["student"]),
    guardians: holders(["guardian"]),
    teachers: holders(["teacher"]),
    staff: holders(["direction", "cpe", "secretariat", "agent", "admin"]),
    classes: rows.classes.length,
  };
}

export function addSummaries(a: SeedSummary, b: SeedSummary): SeedSummary {
  return {
    establishments: a.establishments + b.establishments,
    people: a.people + b.people,
    pupils: a.pupils + b.pupils,
    guardians: a.guardians + b.guardians,
    teachers: a.teachers + b.teachers,
    staff: a.staff + b.staff,
    classes: a.classes + b.classes,
  };
}
