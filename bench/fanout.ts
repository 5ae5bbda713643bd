/**
 * Scenario 4 — fan-out. A principal publishes an announcement to the pupils and families of the region's largest
 * establishment while `--recipients` of them have Préau open, each holding the live channel (/api/live). Measured:
 * how long after the principal pressed "Publier" each of them is told (the notification centre writes everyone's
 * notification, then the event bus streams it), up to the last one, on one instance and on two instances sharing
 * events through Redis (the recipients split between them, the principal on the first).
 *
 *   npm run bench:fanout [-- --smoke] [-- --runs 3] [-- --recipients 1000] [-- --establishments 300]
 *
 * BENCH_PORT (default 3930) is the first instance's port, the second uses the next one; BENCH_REDIS_URL (default
 * redis://127.0.0.1:6379) the Redis they share.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";
import { drawAnnouncementAudience, openDataset } from "./lib/dataset";
import { listenLive } from "./lib/live-channel";
import { benchOptions } from "./lib/options";
import { type RunningPreau, startPreau } from "./lib/preau-server";
import { formatSpread, printTable, writeResult } from "./lib/report";
import { acrossRuns, latencies } from "./lib/stats";
import { VirtualUser } from "./lib/virtual-user";

/** How long the last recipient may take before the run counts the missing ones as not told. */
const DELIVERY_TIMEOUT_MS = 60_000;
/** Sign-ins at once, and live channels opened at once, while preparing (not measured). */
const SIGN_INS_AT_ONCE = 4;
const OPENINGS_AT_ONCE = 50;

const options = benchOptions();
const port = Number(process.env.BENCH_PORT ?? 3930);
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const authSecret = randomBytes(32).toString("base64");

const { database, url, size } = await openDataset(options);
await database.close();
const audience = await drawAnnouncementAudience(url, options.recipients);

/** Runs `task` on every item, `concurrency` at a time. */
async function forEach<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index], index);
      }
    }),
  );
}

/** Everyone signed in once, on the first instance; the same browsers then connect to each configuration's instances. */
let signedIn: { publisher: VirtualUser; recipients: VirtualUser[] } | null = null;
async function signIn(instance: RunningPreau) {
  const publisher = new VirtualUser(instance.url);
  await publisher.logIn(audience.publisher.login, DEMO_PASSWORD);
  const recipients: VirtualUser[] = new Array<VirtualUser>(audience.recipients.length);
  await forEach(audience.recipients, SIGN_INS_AT_ONCE, async (account, index) => {
    recipients[index] = new VirtualUser(instance.url);
    await recipients[index].logIn(account.login, DEMO_PASSWORD);
  });
  return { publisher, recipients };
}

/** Announcements published one after another to the recipients connected across `instances`. */
async function publishTo(instances: RunningPreau[]) {
  signedIn ??= await signIn(instances[0]);
  const { publisher, recipients } = signedIn;
  const told = new Array<number>(recipients.length).fill(Number.NaN);
  let everyoneTold = () => {};
  let streamsEnded = 0;
  const closers: (() => void)[] = [];
  await forEach(recipients, OPENINGS_AT_ONCE, async (user, index) => {
    const close = await listenLive(
      user.at(instances[index % instances.length].url),
      (event) => {
        if (event.type !== "notification" || Number.isFinite(told[index])) return;
        told[index] = performance.now();
        if (told.every(Number.isFinite)) everyoneTold();
      },
      () => streamsEnded++,
    );
    closers.push(close);
  });
  const connectedMiB = instances.map((instance) => instance.memory().rssMiB);
  await sleep(1_000);

  const runs = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      told.fill(Number.NaN);
      let timer: NodeJS.Timeout | undefined;
      const delivered = new Promise<void>((resolve) => {
        everyoneTold = resolve;
        timer = setTimeout(resolve, DELIVERY_TIMEOUT_MS);
      });
      const started = performance.now();
      await publisher.mutate("news.publish", {
        title: `Sortie au musée (${run + 1})`,
        body: "Les classes partent jeudi à 8 h 30 ; le retour est prévu pour midi.",
        roles: ["student", "guardian"],
      });
      const publishMs = performance.now() - started;
      await delivered;
      clearTimeout(timer);
      const delays = told.filter(Number.isFinite).map((at) => at - started);
      const spread = latencies(delays);
      runs.push({
        publishMs,
        firstMs: Math.min(...delays),
        p50: spread.p50,
        p95: spread.p95,
        lastMs: spread.max,
        notTold: recipients.length - delays.length,
      });
      console.log(`  run ${run + 1}: last of ${recipients.length} told after ${spread.max.toFixed(0)} ms (p95 ${spread.p95.toFixed(0)} ms), ${recipients.length - delays.length} not told`);
      await sleep(1_000);
    }
  } finally {
    for (const close of closers) close();
  }
  return { runs, figures: acrossRuns(runs), streamsEnded, connectedMiB, peakMiB: instances.map((instance) => instance.memory().peakMiB) };
}

/** Starts `count` instances on the benchmark's database (through Redis when more than one), measures, stops them. */
async function onInstances(count: number) {
  // Started together, as a deployment does (migrations are serialised by a lock); stopped whatever happens.
  const starting = Array.from({ length: count }, (_, index) =>
    startPreau({ databaseUrl: url, port: port + index, redisUrl: count > 1 ? redisUrl : undefined, authSecret }),
  );
  try {
    return await publishTo(await Promise.all(starting));
  } finally {
    const started = await Promise.allSettled(starting);
    for (const instance of started) if (instance.status === "fulfilled") await instance.value.stop();
  }
}

console.log(`One instance, ${options.recipients} recipients connected:`);
const oneInstance = await onInstances(1);
console.log(`Two instances through Redis, ${options.recipients} recipients split between them:`);
const twoInstances = await onInstances(2);

const rows: [string, keyof typeof oneInstance.figures][] = [
  ["publish request ms", "publishMs"],
  ["first told ms", "firstMs"],
  ["p50 told ms", "p50"],
  ["p95 told ms", "p95"],
  ["last told ms", "lastMs"],
  ["not told", "notTold"],
];
printTable(
  `Fan-out — an announcement to ${audience.audience} pupils and guardians, ${options.recipients} of them connected to the live channel ` +
    `(median [min–max] of ${options.runs} runs)`,
  [
    ["figure", "one instance", "two instances (Redis)", "two / one"],
    ...rows.map(([label, key]) => [label, formatSpread(oneInstance.figures[key]), formatSpread(twoInstances.figures[key]), twoInstances.figures[key].median / oneInstance.figures[key].median]),
    ["live channels ended by the server", String(oneInstance.streamsEnded), String(twoInstances.streamsEnded), ""],
    ["memory with everyone connected MiB", oneInstance.connectedMiB.join(" + "), twoInstances.connectedMiB.join(" + "), ""],
    ["peak memory MiB", oneInstance.peakMiB.join(" + "), twoInstances.peakMiB.join(" + "), ""],
  ],
);
await writeResult("fanout", {
  smoke: options.smoke,
  dataset: { ...size, audience: audience.audience, recipients: options.recipients },
  oneInstance,
  twoInstances,
});
