import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { Database } from "@/server/db/client";
import { TEST_ENV } from "./test-env";

/**
 * The databases every test file of a run starts from, built once by vitest's global setup instead of once per file:
 * one migrated and empty, one with the demo school seeded. On PGlite they are images of a data folder (tarballs) from
 * which each file starts an in-memory database; on the PostgreSQL server of DATABASE_URL they are databases that each
 * file clones with `create database … template`.
 */
export type TemplateKind = "empty" | "demo";

const ENV_OF: Record<TemplateKind, string> = { empty: "PREAU_TEST_TEMPLATE_EMPTY", demo: "PREAU_TEST_TEMPLATE_DEMO" };

/** The template of that kind in this run: a PGlite image file or a PostgreSQL database name; null outside vitest. */
export function templateOf(kind: TemplateKind): string | null {
  const template = process.env[ENV_OF[kind]];
  if (!template) return null;
  return process.env.DATABASE_URL || existsSync(template) ? template : null;
}

/** A PGlite image file, to start an in-memory database from. */
export function imageOf(template: string): Blob {
  return new Blob([readFileSync(template)]);
}

/** vitest global setup: builds both templates, and removes them at the end of the run. */
export default async function buildTemplates(): Promise<() => Promise<void>> {
  Object.assign(process.env, TEST_ENV);
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? buildDatabases(serverUrl) : buildImages();
}

async function buildImages(): Promise<() => Promise<void>> {
  const base = path.join(os.tmpdir(), `preau-pglite-template-${process.pid}`);
  const [empty, demo] = [`${base}-empty`, `${base}-demo`];
  const { openDatabase } = await import("@/server/db/client");
  await migrateAndClose(await openDatabase({ dataDir: empty }));
  cpSync(empty, demo, { recursive: true });
  await seedAndClose(await openDatabase({ dataDir: demo }));
  for (const folder of [empty, demo]) {
    writeFileSync(`${folder}.tar`, Buffer.from(await (await dumpOf(folder)).arrayBuffer()));
    rmSync(folder, { recursive: true, force: true });
  }
  publish(`${empty}.tar`, `${demo}.tar`);
  return async () => {
    for (const image of [empty, demo]) rmSync(`${image}.tar`, { force: true });
  };
}

/** A PGlite data folder as a tarball. */
async function dumpOf(folder: string): Promise<Blob> {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = new PGlite(folder);
  await client.waitReady;
  const image = await client.dumpDataDir("none");
  await client.close();
  return image;
}

async function buildDatabases(serverUrl: string): Promise<() => Promise<void>> {
  const [empty, demo] = [`preau_template_${process.pid}_empty`, `preau_template_${process.pid}_demo`];
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const { openDatabase } = await import("@/server/db/client");
  await admin.unsafe(`create database ${empty}`);
  await migrateAndClose(await openDatabase({ url: urlOf(serverUrl, empty), poolSize: 1 }));
  await admin.unsafe(`create database ${demo} template ${empty}`);
  await seedAndClose(await openDatabase({ url: urlOf(serverUrl, demo), poolSize: 1 }));
  publish(empty, demo);
  return async () => {
    for (const name of [empty, demo]) await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
}

/** The URL of another database on the same server. */
export function urlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrateAndClose(database: Database) {
  const { migrate } = await import("@/server/db/migrate");
  await migrate(database);
  await database.close();
}

async function seedAndClose(database: Database) {
  const { seedDemo } = await import("@/server/seed/demo");
  await seedDemo(database.db);
  await database.close();
}

function publish(empty: string, demo: string) {
  process.env[ENV_OF.empty] = empty;
  process.env[ENV_OF.demo] = demo;
}
