/**
 * Scenario 5 — logins. How many sign-ins per second a core verifies with the configured argon2id cost (the price of
 * the Monday-morning wave), through the real login service on PostgreSQL; then what the throttling does to someone
 * guessing one identifiant's password from one address, and what a refused guess costs the server.
 *
 *   npm run bench:login [-- --smoke] [-- --runs 3]
 */
import os from "node:os";
import { inArray } from "drizzle-orm";
import { loginThrottles } from "@/drizzle/schema";
import { logIn } from "@/server/auth/login";
import { env } from "@/server/env";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { drawAccounts, openDataset } from "./lib/dataset";
import { benchOptions } from "./lib/options";
import { printTable, writeResult } from "./lib/report";
import { acrossRuns, closedLoop, latencies } from "./lib/stats";

const options = benchOptions();
const cores = os.cpus().length;
const { database, url, size } = await openDataset(options);
const accounts = await drawAccounts(url, options.smoke ? 20 : 2_000);
const durationMs = options.smoke ? 1_500 : 10_000;
const settings = env();

let next = 0;
const concurrencies = options.smoke ? [1, cores] : [1, cores, 2 * cores, 4 * cores];
const throughput = [];
for (const concurrency of concurrencies) {
  const runs = [];
  for (let run = 0; run < options.runs; run++) {
    const { times, errors, elapsedMs } = await closedLoop(concurrency, durationMs, async () => {
      const account = accounts[next++ % accounts.length];
      const result = await logIn(database.db, { login: account.login, password: DEMO_PASSWORD, ip: `10.0.${next % 250}.1`, userAgent: "bench" });
      if (!result.ok) throw new Error(result.reason);
    });
    const perSecond = times.length / (elapsedMs / 1000);
    runs.push({ loginsPerSecond: perSecond, perCore: perSecond / cores, ...latencies(times), errors });
  }
  throughput.push({ concurrency, ...acrossRuns(runs) });
}

/** One identifiant guessed from one address: which attempts are refused, and what each answer costs. */
async function guessing() {
  const target = accounts[0].login;
  const ip = "203.0.113.7";
  const attempts = [];
  for (let attempt = 1; attempt <= 12; attempt++) {
    const before = performance.now();
    const result = await logIn(database.db, { login: target, password: "not-the-password", ip, userAgent: "bench" });
    attempts.push({ attempt, outcome: result.ok ? "ok" : result.reason, ms: performance.now() - before });
  }
  const fromElsewhere = await logIn(database.db, { login: target, password: DEMO_PASSWORD, ip: "198.51.100.9", userAgent: "bench" });
  await database.db.delete(loginThrottles).where(inArray(loginThrottles.key, [`pair:${target}|${ip}`, `login:${target}`, `ip:${ip}`]));
  return { attempts, genuineFromAnotherAddress: fromElsewhere.ok ? "signed in" : fromElsewhere.reason };
}
const throttling = await guessing();
await database.close();

const argon2 = { memoryKiB: settings.ARGON2_MEMORY_KIB, iterations: settings.ARGON2_ITERATIONS, parallelism: settings.ARGON2_PARALLELISM };
printTable(`Logins through the login service, argon2id m=${argon2.memoryKiB} KiB t=${argon2.iterations} p=${argon2.parallelism}, ${cores} cores (median [min–max] of ${options.runs} runs)`, [
  ["concurrency", "logins/s", "per core", "p50 ms", "p95 ms", "p99 ms"],
  ...throughput.map((row) => [
    String(row.concurrency),
    `${row.loginsPerSecond.median.toFixed(1)} [${row.loginsPerSecond.min.toFixed(1)}–${row.loginsPerSecond.max.toFixed(1)}]`,
    row.perCore.median,
    row.p50.median,
    row.p95.median,
    row.p99.median,
  ]),
]);
printTable("One identifiant guessed from one address", [
  ["attempt", "answer", "ms"],
  ...throttling.attempts.map((row) => [String(row.attempt), row.outcome, row.ms]),
]);
console.log(`The right password from another address meanwhile: ${throttling.genuineFromAnotherAddress}.`);
await writeResult("login", { dataset: size, smoke: options.smoke, argon2, throughput, throttling });
