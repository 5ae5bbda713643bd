import { randomInt, randomUUID } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { establishments } from "@/drizzle/schema";
import { hashSecret } from "@/server/auth/password";
import type { Db } from "@/server/db/client";
import type { SeedContext } from "./context";
import { CURRICULA, type Curriculum, type EstablishmentKind } from "./curricula";
import { DEMO_PASSWORD } from "./demo-accounts";
import { addEstablishment, type EstablishmentPlan } from "./establishment";
import { addGrades, type GradeRows, insertGradeRows } from "./grades";
import { LoginAllocator } from "./logins";
import { EPONYMS, TOWNS } from "./names";
import { createRandom, deriveSeed, type Random } from "./random";
import { addSummaries, countRows, emptyRows, insertRows, type SeedRows, type SeedSummary, summariseRows } from "./rows";
import { addTimetable, insertTimetable, type TimetableRows } from "./timetable";
import { formatUai } from "./uai";

export interface RegionOptions {
  establishments: number;
  /**
   * The same seed gives the same establishments, names and rosters; ids, timetables and marks are drawn anew each
   * run, and UAIs (hence login prefixes) skip those the database already holds.
   */
  seed?: number;
  /** Called after each write: establishments written so far, the total, the last one's name, rows written so far. */
  onProgress?: (done: number, total: number, label: string, rows: number) => void;
}

export type RegionSummary = SeedSummary & { rows: number };

/** Six écoles, three collèges and one lycée in every ten, in an order that mixes them from the start. */
const KIND_CYCLE: readonly EstablishmentKind[] = [
  "ecole", "college", "lycee", "ecole", "college", "ecole", "ecole", "college", "ecole", "ecole",
];
const TARGET_PUPILS: Record<EstablishmentKind, number> = { ecole: 150, college: 600, lycee: 1200 };
const NAME_PREFIX: Record<EstablishmentKind, string> = {
  ecole: "École élémentaire",
  college: "Collège",
  lycee: "Lycée",
};
/** The départements of the académies of Lyon and Grenoble. */
const DEPARTMENTS = [1, 7, 26, 38, 42, 69, 73, 74];
/** Rows gathered before each write: big enough for full 1,000-row inserts, small enough to stay light. */
const ROWS_PER_WRITE = 25_000;
/** Batches written at once, each on its own connection: PostgreSQL works on them while the next is generated. */
const CONCURRENT_WRITES = 3;

/** One write of the region: establishments with their people, then their timetables and first-trimester grades. */
interface RegionBatch {
  rows: SeedRows;
  timetables: TimetableRows[];
  grades: GradeRows[];
}

const emptyBatch = (): RegionBatch => ({ rows: emptyRows(), timetables: [], grades: [] });

function batchRowCount(batch: RegionBatch): number {
  const timetableRows = batch.timetables.reduce((sum, t) => sum + t.lessons.length + t.lessonTeachers.length + t.rooms.length, 0);
  const gradeRows = batch.grades.reduce((sum, g) => sum + g.evaluations.length + g.marks.length, 0);
  return countRows(batch.rows) + timetableRows + gradeRows;
}

async function insertBatch(db: Db, batch: RegionBatch): Promise<void> {
  await insertRows(db, batch.rows);
  for (const timetable of batch.timetables) await insertTimetable(db, timetable);
  for (const grades of batch.grades) await insertGradeRows(db, grades);
}

/**
 * Adds a region's worth of establishments for benchmarks: écoles, collèges and lycées with their pupils, guardians,
 * teachers and staff, their weekly timetable and a first trimester of marks, every account active with the demo password (a few guardians pending). Logins start with
 * the establishment's UAI ("0691042k.emma.bernard"), so they never collide with the demo or another region.
 * Establishments are written in batches, each in one transaction, several at once while the next is generated.
 */
export async function seedRegion(db: Db, options: RegionOptions): Promise<RegionSummary> {
  const seed = options.seed ?? 1;
  const uaiRandom = createRandom(seed);
  const salt = randomInt(2 ** 31);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const takenUais = new Set((await db.select({ uai: establishments.uai }).from(establishments)).map((row) => row.uai));

  let summary: RegionSummary = { ...summariseRows(emptyRows()), rows: 0 };
  let written = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const write = (batch: RegionBatch, count: number, label: string) => {
    const task = db
      .transaction((tx) => insertBatch(tx, batch))
      .then(() => {
        written += count;
        summary = { ...addSummaries(summary, summariseRows(batch.rows)), rows: summary.rows + batchRowCount(batch) };
        options.onProgress?.(written, options.establishments, label, summary.rows);
      })
      .finally(() => inFlight.delete(task));
    // A write may fail and leave the set before anyone awaits it: its error is kept and thrown at the end.
    task.catch((error: unknown) => {
      failure ??= error;
    });
    inFlight.add(task);
  };

  try {
    let batch = emptyBatch();
    let inBatch = 0;
    for (let index = 0; index < options.establishments; index++) {
      const random = createRandom(deriveSeed(seed, index));
      const uai = newUai(uaiRandom, takenUais);
      const plan = planEstablishment(random, KIND_CYCLE[index % KIND_CYCLE.length], uai);
      const ctx: SeedContext = {
        random,
        logins: new LoginAllocator(`${plan.uai.toLowerCase()}.`),
        newId: randomUUID,
        passwordHash,
        rows: batch.rows,
        profileKeys: new Set(),
      };
      const establishmentId = addEstablishment(ctx, plan);
      // Timetables and marks carry ids drawn from their random: a salt keeps a second run's ids new.
      const schoolLife = createRandom(deriveSeed(salt, index));
      batch.timetables.push(addTimetable(batch.rows, establishmentId, schoolLife));
      batch.grades.push(addGrades(batch.rows, establishmentId, schoolLife));
      inBatch++;
      if (batchRowCount(batch) >= ROWS_PER_WRITE || index === options.establishments - 1) {
        write(batch, inBatch, plan.name);
        batch = emptyBatch();
        inBatch = 0;
      }
      while (inFlight.size >= CONCURRENT_WRITES) await Promise.race(inFlight);
      // Lets the writes in flight send their next statements between two establishments.
      await setImmediate();
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
  } catch (error) {
    await Promise.allSettled(inFlight);
    throw error;
  }
  // Statistics for what was just written, as after any bulk load: without them (autovacuum off, or not yet round),
  // the planner guesses, and a pupil's latest marks were read by walking every evaluation (0.1 to 1 s instead of 10 ms).
  await db.execute(sql`analyze`);
  return summary;
}

/** A UAI no establishment holds yet. */
function newUai(random: Random, taken: Set<string>): string {
  let uai: string;
  do uai = formatUai(random.pick(DEPARTMENTS), random.int(0, 9999));
  while (taken.has(uai));
  taken.add(uai);
  return uai;
}

function planEstablishment(random: Random, kind: EstablishmentKind, uai: string): EstablishmentPlan {
  const curriculum = CURRICULA[kind];
  const pupils = TARGET_PUPILS[kind] * (0.75 + 0.5 * random.next());
  return {
    uai,
    name: `${NAME_PREFIX[kind]} ${random.pick(EPONYMS)}`,
    city: random.pick(TOWNS),
    curriculum,
    classesPerLevel: classesPerLevel(curriculum, pupils),
  };
}

/** Enough classes of the usual size for about that many pupils, spread over the levels. */
function classesPerLevel(curriculum: Curriculum, pupils: number): Record<string, number> {
  const [min, max] = curriculum.classSize;
  const { levels } = curriculum;
  const total = Math.max(levels.length, Math.round(pupils / ((min + max) / 2)));
  return Object.fromEntries(
    levels.map((level, index) => [level, Math.floor(total / levels.length) + (index < total % levels.length ? 1 : 0)]),
  );
}
