import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";

/** A migrated, empty PGlite data folder that every test file of a run starts from, instead of initdb + migrations. */
const TEMPLATE_DIR = path.join(os.tmpdir(), `preau-pglite-template-${process.ppid}-${process.pid}`);
const TEMPLATE_ENV = "PREAU_TEST_PGLITE_TEMPLATE";

/** vitest global setup: builds the template once per run, and removes it at the end. */
export default async function createTemplate(): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {};
  const database = await openDatabase({ dataDir: TEMPLATE_DIR });
  await migrate(database);
  await database.close();
  process.env[TEMPLATE_ENV] = TEMPLATE_DIR;
  return () => rmSync(TEMPLATE_DIR, { recursive: true, force: true });
}

/** A private copy of the template for one test file, or null when there is no template (outside vitest). */
export function copyOfTemplate(): { dataDir: string; remove: () => void } | null {
  const template = process.env[TEMPLATE_ENV];
  if (!template || !existsSync(template)) return null;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "preau-test-db-"));
  cpSync(template, dataDir, { recursive: true });
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
