/**
 * Scenario 1 and 2 — Monday 8:00. Virtual users with the real mix of profiles sign in and open their home,
 * timetable, homework and latest marks through Préau's real HTTP endpoints, on a region's worth of data in
 * PostgreSQL. The load ramps up step by step (as Mattermost's load coordinator does) until the p95 passes 300 ms
 * or errors pass 0.1%; the largest step served within both is Préau's capacity on this machine. At that
 * concurrency, the same data is then read through tRPC alone and as plain SQL (the floor), to say where the time goes.
 *
 *   npm run bench:monday [-- --smoke] [-- --runs 3] [-- --establishments 300]
 */
import postgres from "postgres";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { type BenchAccount, drawAccounts, openDataset } from "./lib/dataset";
import { floorReads } from "./lib/floor";
import { pagesOf, queriesOf } from "./lib/journeys";
import { benchOptions } from "./lib/options";
import { startPreau } from "./lib/preau-server";
import { printTable, writeResult } from "./lib/report";
import { acrossRuns, latencies } from "./lib/stats";
import { VirtualUser } from "./lib/virtual-user";

const P95_LIMIT_MS = 300;
const ERROR_LIMIT = 0.001;

const options = benchOptions();
// Closed-loop users: each signs in and opens its pages back to back, without the minutes a person spends reading, so
// one of them weighs as much as many people; the ramp starts from one.
const steps = options.smoke ? [1, 2] : [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 128, 256];
const stepMs = options.smoke ? 3_000 : 20_000;

const { database, url, size } = await openDataset(options);
const accounts = await drawAccounts(url, options.smoke ? 40 : 4_000);
await database.close();
const server = await startPreau({ databaseUrl: url, port: Number(process.env.BENCH_PORT ?? 3900) });

let next = 0;
const nextAccount = () => accounts[next++ % accounts.length];

/** One step of the ramp: `users` people arriving one after another, each signing in and opening their pages. */
async function rampStep(users: number) {
  const logins: number[] = [];
  const pages: number[] = [];
  let errors = 0;
  let peakMiB = 0;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, server.memory().rssMiB)), 250);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() - started < stepMs) {
        const account = nextAccount();
        const user = new VirtualUser(server.url);
        try {
          let before = performance.now();
          await user.logIn(account.login, DEMO_PASSWORD);
          logins.push(performance.now() - before);
          for (const path of pagesOf(account)) {
            before = performance.now();
            await user.page(path);
            pages.push(performance.now() - before);
          }
        } catch {
          errors++;
        }
      }
    }),
  );
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const all = latencies([...logins, ...pages]);
  const requests = logins.length + pages.length;
  return {
    users,
    requestsPerSecond: requests / seconds,
    p50: all.p50,
    p95: all.p95,
    p99: all.p99,
    loginP95: latencies(logins).p95,
    pageP95: latencies(pages).p95,
    errorRate: errors / Math.max(1, requests + errors),
    peakMiB,
  };
}

/** At a given concurrency, one journey's worth of data three ways: pages, tRPC calls, plain SQL. */
async function whereTimeGoes(users: number) {
  const signedIn: { user: VirtualUser; account: BenchAccount }[] = [];
  for (const account of accounts.slice(0, users)) {
    const user = new VirtualUser(server.url);
    await user.logIn(account.login, DEMO_PASSWORD);
    signedIn.push({ user, account });
  }
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const measure = async (journey: (index: number, record: (ms: number) => void) => Promise<void>) => {
    const journeys: number[] = [];
    const started = performance.now();
    await Promise.all(
      signedIn.map(async (_, index) => {
        while (performance.now() - started < stepMs) {
          const before = performance.now();
          await journey(index, () => {});
          journeys.push(performance.now() - before);
        }
      }),
    );
    return { journeysPerSecond: journeys.length / ((performance.now() - started) / 1000), ...latencies(journeys) };
  };
  const pageJourney = await measure(async (index) => {
    for (const path of pagesOf(signedIn[index].account)) await signedIn[index].user.page(path);
  });
  const trpcJourney = await measure((index, record) => queriesOf(signedIn[index].user, signedIn[index].account, record));
  const floorJourney = await measure((index, record) => floorReads(sql, signedIn[index].account, record));
  await sql.end();
  return { pages: pageJourney, trpc: trpcJourney, floor: floorJourney };
}

try {
  const runs = [];
  for (let run = 0; run < options.runs; run++) {
    const ramp = [];
    for (const users of steps) {
      const step = await rampStep(users);
      ramp.push(step);
      console.log(`run ${run + 1}, ${users} users: p95 ${step.p95.toFixed(0)} ms, ${step.requestsPerSecond.toFixed(0)} req/s, errors ${(step.errorRate * 100).toFixed(2)}%`);
      if (step.p95 > P95_LIMIT_MS || step.errorRate > ERROR_LIMIT) break;
    }
    const served = ramp.filter((step) => step.p95 <= P95_LIMIT_MS && step.errorRate <= ERROR_LIMIT).at(-1);
    if (!served) console.log(`run ${run + 1}: even one user is not served within the limits; the first step is reported`);
    runs.push({ ramp, capacity: served ?? ramp[0], withinLimits: served !== undefined });
  }
  const capacity = acrossRuns(runs.map((run) => run.capacity));
  const users = Math.max(1, Math.round(capacity.users.median));
  const breakdown = await whereTimeGoes(users);

  printTable(`Monday 8:00 — capacity at p95 ≤ ${P95_LIMIT_MS} ms and errors ≤ 0.1% (median [min–max] of ${options.runs} runs)`, [
    ["figure", "median", "min", "max"],
    ...Object.entries(capacity).map(([name, figure]) => [name, figure.median, figure.min, figure.max]),
  ]);
  printTable(`Where the time goes, at ${users} concurrent users (one person's whole set of reads)`, [
    ["layer", "journeys/s", "p50 ms", "p95 ms", "p99 ms", "× floor p50"],
    ...Object.entries(breakdown).map(([layer, figures]) => [
      layer,
      figures.journeysPerSecond,
      figures.p50,
      figures.p95,
      figures.p99,
      figures.p50 / breakdown.floor.p50,
    ]),
  ]);
  await writeResult("monday", { dataset: size, smoke: options.smoke, limits: { p95Ms: P95_LIMIT_MS, errorRate: ERROR_LIMIT }, runs, capacity, breakdown });
} finally {
  await server.stop();
}
