import postgres from "postgres";
import { establishments } from "@/drizzle/schema";
import { type Database, openDatabase } from "@/server/db/client";
import { migrate } from "@/server/db/migrate";
import { seedRegion } from "@/server/seed/large";
import type { BenchOptions } from "./options";

const SERVER_URL = process.env.BENCH_PG_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The benchmark's own PostgreSQL database, holding a region of `establishments` (seeded once, then reused). */
export function benchDatabaseUrl(options: BenchOptions): string {
  const url = new URL(SERVER_URL);
  url.pathname = options.smoke ? "/preau_bench_smoke" : `/preau_bench_${options.establishments}`;
  return url.toString();
}

/** Opens (creating and seeding it the first time) the region the scenarios run on, and says what it holds. */
export async function openDataset(options: BenchOptions): Promise<{ database: Database; url: string; size: DatasetSize }> {
  const url = benchDatabaseUrl(options);
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  const name = new URL(url).pathname.slice(1);
  // A smoke run starts from nothing each time, so that it always runs on the current migrations.
  if (options.smoke) await admin.unsafe(`drop database if exists ${name} with (force)`);
  const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!existing) await admin.unsafe(`create database ${name}`);
  await admin.end();

  const database = await openDatabase({ url, poolSize: 8 });
  await migrate(database);
  const present = await database.db.$count(establishments);
  if (present < options.establishments) {
    const started = performance.now();
    console.log(`Seeding the benchmark region: ${options.establishments - present} establishments (once)…`);
    await seedRegion(database.db, { establishments: options.establishments - present, seed: 2020 });
    console.log(`Seeded in ${Math.round((performance.now() - started) / 1000)} s.`);
  }
  return { database, url, size: await datasetSize(url) };
}

export interface DatasetSize {
  establishments: number;
  people: number;
  pupils: number;
  guardians: number;
  staff: number;
  lessons: number;
  marks: number;
}

async function datasetSize(url: string): Promise<DatasetSize> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql<DatasetSize[]>`
    select
      (select count(*)::int from establishments) as establishments,
      (select count(*)::int from people) as people,
      (select count(*)::int from profiles where role = 'student') as pupils,
      (select count(*)::int from profiles where role = 'guardian') as guardians,
      (select count(*)::int from profiles where role not in ('student', 'guardian')) as staff,
      (select count(*)::int from lessons) as lessons,
      (select count(*)::int from marks) as marks`;
  await sql.end();
  return row;
}

/** A person a virtual user plays: who they are, and the pupil whose school life they open (themself, or a child). */
export interface BenchAccount {
  login: string;
  personId: string;
  role: "student" | "guardian" | "staff";
  studentId: string | null;
}

/** The Monday-morning mix: about 45% guardians, 45% pupils and 10% staff, drawn at random from the region. */
export async function drawAccounts(url: string, count: number): Promise<BenchAccount[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const share = (fraction: number) => Math.max(1, Math.round(count * fraction));
  const guardians = await sql<BenchAccount[]>`
    select distinct on (p.id) p.login, p.id as "personId", 'guardian' as role, g.student_id as "studentId"
    from people p join guardianships g on g.guardian_id = p.id
    where p.status = 'active'
      and p.id in (select person_id from profiles where role = 'guardian' order by random() limit ${share(0.45)})`;
  const pupils = await sql<BenchAccount[]>`
    select p.login, p.id as "personId", 'student' as role, p.id as "studentId"
    from people p join profiles f on f.person_id = p.id and f.role = 'student'
    where p.status = 'active' order by random() limit ${share(0.45)}`;
  const staff = await sql<BenchAccount[]>`
    select p.login, p.id as "personId", 'staff' as role, null as "studentId"
    from people p join profiles f on f.person_id = p.id and f.role = 'teacher'
    where p.status = 'active' order by random() limit ${share(0.1)}`;
  await sql.end();
  // Interleaved, so that every slice of the pool keeps the mix.
  return [...guardians, ...pupils, ...staff].sort((a, b) => a.personId.localeCompare(b.personId));
}

/** The people an announcement reaches in one establishment, and who publishes it there. */
export interface AnnouncementAudience {
  establishmentId: string;
  /** Every pupil and guardian of the establishment: the announcement tells all of them. */
  audience: number;
  /** Those of them who have Préau open when it is published (drawn at random). */
  recipients: { login: string; personId: string }[];
  /** The establishment's principal (direction), who publishes it. */
  publisher: { login: string; personId: string };
}

/** The establishment with the most pupils and guardians, `count` of them drawn at random, and its principal. */
export async function drawAnnouncementAudience(url: string, count: number): Promise<AnnouncementAudience> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [largest] = await sql<{ establishmentId: string; audience: number }[]>`
      select establishment_id as "establishmentId", count(distinct person_id)::int as audience
      from profiles where role in ('student', 'guardian')
      group by establishment_id order by audience desc limit 1`;
    const recipients = await sql<{ login: string; personId: string }[]>`
      select p.login, p.id as "personId" from people p
      where p.status = 'active'
        and exists (select 1 from profiles f where f.person_id = p.id and f.establishment_id = ${largest.establishmentId} and f.role in ('student', 'guardian'))
      order by random() limit ${count}`;
    const [publisher] = await sql<{ login: string; personId: string }[]>`
      select p.login, p.id as "personId" from people p join profiles f on f.person_id = p.id
      where f.establishment_id = ${largest.establishmentId} and f.role = 'direction' and p.status = 'active' limit 1`;
    if (recipients.length < count) {
      throw new Error(`The largest establishment has ${recipients.length} active pupils and guardians, fewer than ${count}: seed more (--establishments).`);
    }
    return { establishmentId: largest.establishmentId, audience: largest.audience, recipients: [...recipients], publisher };
  } finally {
    await sql.end();
  }
}
