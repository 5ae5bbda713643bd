import { getTableName, is } from "drizzle-orm";
import { getTableConfig, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/drizzle/schema";
import { establishments, people } from "@/drizzle/schema";

/** One reference followed: `column` of a table points at `targetColumn` of `target`. */
export interface Hop {
  column: PgColumn;
  target: PgTable;
  targetColumn: PgColumn;
}

/** The references that lead from a table's rows to the establishment they belong to, the last one ending on it. */
export type EstablishmentPath = Hop[];

const ESTABLISHMENTS = getTableName(establishments);
/** Following a reference to a person says nothing of which school a row belongs to: people are installation-wide. */
const PEOPLE = getTableName(people);

function referencesOf(table: PgTable): Hop[] {
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => getTableName(ref.foreignTable) !== PEOPLE)
    .map((ref) => ({ column: ref.columns[0], target: ref.foreignTable, targetColumn: ref.foreignColumns[0] }));
}

/** The shortest chain of references from `table` to the establishments, if there is one. */
function shortestPath(table: PgTable): EstablishmentPath | undefined {
  const seen = new Set([getTableName(table)]);
  let frontier: { table: PgTable; path: Hop[] }[] = [{ table, path: [] }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { table: from, path } of frontier) {
      for (const hop of referencesOf(from)) {
        const name = getTableName(hop.target);
        if (name === ESTABLISHMENTS) return [...path, hop];
        if (seen.has(name)) continue;
        seen.add(name);
        next.push({ table: hop.target, path: [...path, hop] });
      }
    }
    frontier = next;
  }
  return undefined;
}

let cached: Map<string, EstablishmentPath> | undefined;

/**
 * For every table of the schema that belongs to a school, how its rows lead to their establishment: directly
 * (absences.establishment_id), or through what they reference (marks → evaluations → establishment). Read from the
 * schema's foreign keys, so a new domain's tables are covered without a change here.
 */
export function establishmentPaths(): Map<string, EstablishmentPath> {
  cached ??= new Map(
    (Object.values(schema) as unknown[])
      .filter((value): value is PgTable => is(value, PgTable))
      .flatMap((table) => {
        const path = shortestPath(table);
        return path ? [[getTableName(table), path] as const] : [];
      }),
  );
  return cached;
}
