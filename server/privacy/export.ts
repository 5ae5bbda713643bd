import { eq, getTableName, is, or } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { strToU8, zipSync } from "fflate";
import * as schema from "@/drizzle/schema";
import { people } from "@/drizzle/schema";
import type { Db } from "@/server/db";

/** Columns never exported, even to their owner: secrets that would let someone else sign in as them. */
const SECRET_COLUMN = /hash|token|secret/i;

/** Every table with a column pointing at a person, found from the schema: a new domain's tables are exported without a change here. */
function tablesAboutPeople() {
  return (Object.values(schema) as unknown[])
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
}

function redacted(name: string, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(([key]) => !SECRET_COLUMN.test(key) && !(name === "sessions" && key === "id")),
  );
}

/**
 * Everything Préau holds about a person (right of access, RGPD art. 15): every row of every table that names them,
 * as one JSON file per table in a ZIP, with a manifest. Secrets (password and code hashes, session ids) are left out.
 */
export async function exportPersonData(db: Db, personId: string, now = new Date()): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const manifest: Record<string, number> = {};
  for (const { table, name, personColumns } of tablesAboutPeople()) {
    const rows = (await db
      .select()
      .from(table)
      .where(or(...personColumns.map((column) => eq(column, personId))))) as Record<string, unknown>[];
    if (rows.length === 0) continue;
    manifest[name] = rows.length;
    files[`${name}.json`] = strToU8(JSON.stringify(rows.map((row) => redacted(name, row)), null, 2));
  }
  files["manifest.json"] = strToU8(JSON.stringify({ personId, exportedAt: now.toISOString(), tables: manifest }, null, 2));
  return zipSync(files, { level: 6 });
}
