import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { imageOf, type TemplateKind, templateOf, urlOf } from "./templates";

/**
 * A fresh, migrated database for one test file, with the demo school in it when `demo` is set: in-memory PGlite by
 * default, or a new database created on the PostgreSQL server of DATABASE_URL (and dropped at close), so the same
 * suite runs on both. Under vitest it starts as a copy of the run's template (./templates); elsewhere it is built here.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const kind: TemplateKind = options.demo ? "demo" : "empty";
  const template = templateOf(kind);
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await databaseOnServer(serverUrl, template) : await databaseInMemory(template);
  if (!template) {
    await migrate(database);
    if (options.demo) await (await import("@/server/seed/demo")).seedDemo(database.db);
  }
  return database;
}

function databaseInMemory(template: string | null): Promise<Database> {
  return openDatabase(template ? { image: imageOf(template) } : {});
}

async function databaseOnServer(serverUrl: string, template: string | null): Promise<Database> {
  const name = `preau_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const database = await openDatabase({ url: urlOf(serverUrl, name), poolSize: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
