import { getTableName, is } from "drizzle-orm";
import { getTableConfig, type PgColumn, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/drizzle/schema";
import { people } from "@/drizzle/schema";

export interface PersonReferences {
  table: PgTable;
  name: string;
  /** the table's columns naming a person (for `people` itself, its id) */
  personColumns: PgColumn[];
}

let cached: PersonReferences[] | undefined;

/**
 * Every table with a column pointing at a person, found from the schema's foreign keys: what a person's data export
 * gathers and what merging two accounts moves, so that a new domain's tables are covered without a change there.
 */
export function personReferences(): PersonReferences[] {
  cached ??= (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table);
      const personColumns = config.foreignKeys
        .map((fk) => fk.reference())
        .filter((ref) => getTableName(ref.foreignTable) === getTableName(people) && ref.foreignColumns[0]?.name === "id")
        .map((ref) => ref.columns[0]);
      if (getTableName(table) === getTableName(people)) personColumns.push(config.columns.find((c) => c.name === "id")!);
      return { table, name: config.name, personColumns };
    })
    .filter((entry) => entry.personColumns.length > 0);
  return cached;
}
