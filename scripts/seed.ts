import path from "node:path";
import { type Database, openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { seedIfEmpty } from "@/server/seed/demo";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { seedRegion } from "@/server/seed/large";
import { prepareEnvironment } from "./prepare-environment";

/**
 * `npm run db:seed`: seeds the demo school into an empty database.
 * `npm run db:seed -- --region 300 [--seed 7]`: adds 300 generated establishments for benchmarks.
 */
const USAGE = "Usage: tsx scripts/seed.ts [--region <establishments> [--seed <number>]]";

class UsageError extends Error {}

function parseArguments(args: string[]): { region?: number; seed?: number } {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--(region|seed)(?:=(.*))?$/.exec(args[i]);
    if (!match) throw new UsageError(`Unknown argument: ${args[i]}`);
    const value = match[2] ?? args[++i];
    if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`--${match[1]} needs a whole number`);
    values[match[1]] = value;
  }
  const region = values.region === undefined ? undefined : Number(values.region);
  if (region === 0) throw new UsageError("--region needs at least 1 establishment");
  if (values.seed !== undefined && region === undefined) throw new UsageError("--seed only applies to --region");
  return { region, seed: values.seed === undefined ? undefined : Number(values.seed) };
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const number = (value: number) => value.toLocaleString("en-US");

function duration(total: number): string {
  const minutes = Math.floor(total / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(total % 60)} s` : `${total.toFixed(1)} s`;
}

async function seedDemoSchool(database: Database): Promise<void> {
  const started = performance.now();
  if (!(await seedIfEmpty(database.db))) {
    console.log("The database already holds establishments: the demo school was not seeded.");
    return;
  }
  const names = Object.values(DEMO_ESTABLISHMENTS).map((item) => item.name);
  console.log(`Demo school seeded in ${duration(seconds(started))}: ${names.join(", ")}.`);
  console.log(`Log in as ${DEMO_ACCOUNTS.student.login}, ${DEMO_ACCOUNTS.guardian.login}... with ${DEMO_PASSWORD}`);
}

async function addRegion(database: Database, establishments: number, seed?: number): Promise<void> {
  const started = performance.now();
  const summary = await seedRegion(database.db, {
    establishments,
    seed,
    onProgress(done, total, label, rows) {
      const percent = String(Math.floor((100 * done) / total)).padStart(3);
      const rate = Math.round(rows / seconds(started));
      const counts = `${done}/${total} establishments, ${number(rows)} rows, ${number(rate)} rows/s`;
      console.log(`[${percent}%] ${counts} (${label})`);
    },
  });
  const { pupils, guardians, teachers, staff } = summary;
  const people = `${number(summary.people)} people (${number(pupils)} pupils, ${number(guardians)} guardians, `;
  console.log(
    `Region added in ${duration(seconds(started))}: ${number(summary.establishments)} establishments, ` +
      `${number(summary.classes)} classes, ${people}${number(teachers)} teachers, ${number(staff)} staff), ` +
      `${number(summary.rows)} rows.`,
  );
}

/** Errors worth one line: bad arguments, an unreachable or refusing database server. */
function expectedMessage(error: unknown): string | undefined {
  if (error instanceof UsageError) return `${error.message}\n${USAGE}`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT") {
    return `Cannot reach the database server (${code}). Check DATABASE_URL and that PostgreSQL is running.`;
  }
  // 28xxx: authentication; 3D000: no such database; 42501: insufficient privilege.
  if (typeof code === "string" && /^(28|3D000|42501)/.test(code)) return `The database refused the seed: ${message}`;
  return undefined;
}

async function main(): Promise<void> {
  const { region, seed } = parseArguments(process.argv.slice(2));
  const settings = prepareEnvironment();
  const database = await openDatabase({
    url: settings.DATABASE_URL,
    dataDir: path.join(settings.PREAU_DATA_DIR, "pglite"),
  });
  try {
    await migrate(database);
    if (region === undefined) await seedDemoSchool(database);
    else await addRegion(database, region, seed);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = expectedMessage(error);
  console.error(message ? `Seed failed: ${message}` : error);
  process.exitCode = 1;
});
