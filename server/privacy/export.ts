import { and, eq, getTableName, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { strToU8, zipSync } from "fflate";
import { people, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { type EstablishmentPath, establishmentPaths } from "./establishment-paths";
import { personReferences } from "./person-references";

/** Columns never exported, even to their owner: secrets that would let someone else sign in as them. */
const SECRET_COLUMN = /hash|token|secret/i;

/** Tables about the installation, not about a school: in one's own export, never in an establishment's. */
const INSTALLATION_TABLES = new Set(["installation_admins", "login_throttles"]);

function redacted(name: string, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(([key]) => !SECRET_COLUMN.test(key) && !(name === "sessions" && key === "id")),
  );
}

/** Rows whose chain of references ends on the establishment: `column in (select key from … where establishment_id = X)`. */
function leadsTo(db: Db, path: EstablishmentPath, establishmentId: string): SQL {
  const [hop, ...rest] = path;
  if (rest.length === 0) return eq(hop.column, establishmentId);
  return inArray(hop.column, db.select({ key: hop.targetColumn }).from(hop.target).where(leadsTo(db, rest, establishmentId)));
}

/** The person a column names (if any) has a profile in the establishment. */
function knownIn(db: Db, column: PgColumn, establishmentId: string): SQL {
  const known = db.select({ personId: profiles.personId }).from(profiles).where(eq(profiles.establishmentId, establishmentId));
  return or(isNull(column), inArray(column, known))!;
}

/** Which of a table's rows about the person an establishment holds, or `null` if none of them. */
function heldBy(db: Db, name: string, personColumns: PgColumn[], establishmentId: string): SQL | null | undefined {
  if (INSTALLATION_TABLES.has(name)) return null;
  if (name === getTableName(people)) return undefined;
  const path = establishmentPaths().get(name);
  if (path) return leadsTo(db, path, establishmentId);
  // A link between people (a guardianship): held where everyone it links is known.
  return and(...personColumns.map((column) => knownIn(db, column, establishmentId)));
}

/**
 * Everything Préau holds about a person (right of access, RGPD art. 15): every row of every table that names them,
 * as one JSON file per table in a ZIP, with a manifest. Secrets (password and code hashes, session ids) are left out.
 *
 * With `establishmentId` (a request made to one school's administrator), only what that establishment holds: rows
 * that lead to it through their references, the person's identity, and their links to people it also knows. What
 * another establishment holds about the same person is not this one's to hand out.
 */
export async function exportPersonData(db: Db, personId: string, options: { establishmentId?: string; now?: Date } = {}): Promise<Uint8Array> {
  const { establishmentId, now = new Date() } = options;
  const files: Record<string, Uint8Array> = {};
  const manifest: Record<string, number> = {};
  for (const { table, name, personColumns } of personReferences()) {
    const scope = establishmentId ? heldBy(db, name, personColumns, establishmentId) : undefined;
    if (scope === null) continue;
    const rows = (await db
      .select()
      .from(table)
      .where(and(or(...personColumns.map((column) => eq(column, personId))), scope))) as Record<string, unknown>[];
    if (rows.length === 0) continue;
    manifest[name] = rows.length;
    files[`${name}.json`] = strToU8(JSON.stringify(rows.map((row) => redacted(name, row)), null, 2));
  }
  const header = { personId, ...(establishmentId ? { establishmentId } : {}), exportedAt: now.toISOString() };
  files["manifest.json"] = strToU8(JSON.stringify({ ...header, tables: manifest }, null, 2));
  return zipSync(files, { level: 6 });
}
