import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import type { Database } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle", "migrations");

/** An arbitrary constant: the advisory lock that serialises migrations when several instances start at once. */
const MIGRATION_LOCK = 4_207_311;

/** Applies the generated SQL migrations under drizzle/migrations, once, whatever the number of instances. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (!database.url) {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  // A session-level advisory lock belongs to one connection: take it, migrate and release it on the same one.
  const client = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client }), config);
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
