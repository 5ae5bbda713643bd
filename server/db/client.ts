import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";

export type Schema = typeof schema;
/** The database handle every service takes first: PGlite and PostgreSQL behind the same type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** The PostgreSQL URL it was opened with (absent for PGlite). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; without it, PGlite. */
  url?: string;
  /** PGlite's data folder; without it, an in-memory database. */
  dataDir?: string;
  /** A PGlite data folder dumped as a tarball (dumpDataDir): the in-memory database starts as a copy of it. */
  image?: Blob;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: options.poolSize ?? 10, onnotice: () => {} });
    return {
      db: drizzlePostgres({ client, schema }) as unknown as Db,
      kind: "postgres",
      url: options.url,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = options.image
    ? new PGlite({ loadDataDir: options.image })
    : new PGlite(options.dataDir ? path.resolve(options.dataDir) : undefined);
  await client.waitReady;
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

const GLOBAL_KEY = Symbol.for("preau.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: Promise<Database> };

/**
 * The process-wide database. It lives on globalThis so that the launcher and the code Next.js bundles share one
 * PGlite instance (PGlite allows a single process per data folder).
 */
export function processDatabase(open: () => Promise<Database>): Promise<Database> {
  const store = globalThis as GlobalWithDatabase;
  store[GLOBAL_KEY] ??= open();
  return store[GLOBAL_KEY];
}
