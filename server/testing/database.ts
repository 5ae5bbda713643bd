import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { copyOfTemplate } from "./pglite-template";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database created on the
 * PostgreSQL server of DATABASE_URL (and dropped at close), so the same suite runs on both.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const copy = copyOfTemplate();
    const database = await openDatabase({ dataDir: copy?.dataDir });
    if (!copy) {
      await migrate(database);
      return database;
    }
    return {
      ...database,
      async close() {
        await database.close();
        copy.remove();
      },
    };
  }
  const name = `preau_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
