/**
 * Scenario 3 — co-editing. Simulated browsers (the real y-websocket client over `ws`) type into shared documents at
 * typing speed against Préau's collaboration server, with its ticket check and every update stored before it is
 * relayed (PGlite, or PostgreSQL when BENCH_PG_SERVER_URL is set); then the same clients, in the same run, against
 * the reference server `@y/websocket-server` with its in-memory defaults. Measured: keystrokes per second sustained,
 * relay latency from one writer to the others, server memory per loaded document, and the time a client waits for a
 * large document (from storage for Préau; the reference keeps documents in memory only). Memory per document is the
 * growth of the server's JavaScript heap, garbage collected, from idle to every document loaded with its writers
 * connected, divided by the documents (the resident memory says more of the allocator than of the documents, and on
 * PGlite holds the embedded database's WebAssembly memory). The server's processor time per keystroke is the figure
 * a busy machine disturbs least.
 *
 *   npm run bench:coediting [-- --smoke] [-- --runs 3] [-- --clients 200] [-- --documents 40]
 */
import { setTimeout as sleep } from "node:timers/promises";
import * as Y from "yjs";
import { type CoEditing, coEdit, DRAIN_MS, timeToWholeDocument } from "./lib/collab-clients";
import { type CollabDataset, prepareCollabDataset } from "./lib/collab-dataset";
import { type CollabTarget, startPreauCollab, startReferenceServer } from "./lib/collab-servers";
import { benchOptions } from "./lib/options";
import { formatSpread, printTable, writeResult } from "./lib/report";
import { acrossRuns } from "./lib/stats";

/** About 60 words a minute: a quick typist, every keystroke its own update as in the editor. */
const KEYSTROKES_PER_SECOND = 5;

const options = benchOptions();
if (options.clients < 2 * options.documents) throw new Error("--clients must be at least twice --documents: each keystroke needs someone to reach");
const durationMs = options.smoke ? 3_000 : 30_000;
const largeWords = options.smoke ? 500 : 20_000;
const referencePort = Number(process.env.BENCH_PORT ?? 3920);
// Every y-websocket provider listens for this process's exit.
process.setMaxListeners(options.clients + 10);

type Figures = CoEditing & { heapPerDocumentKiB: number; largeFromStorageMs: number; largeInMemoryMs: number };

/**
 * Waits until the server has worked off what it was sent (it used under a tenth of a core for a second), so that a
 * backlog of keystrokes does not weigh on what is measured next; two minutes at most.
 */
async function settled(target: CollabTarget) {
  const deadline = performance.now() + 120_000;
  for (let before = target.cpuSeconds(); performance.now() < deadline; ) {
    await sleep(1_000);
    const now = target.cpuSeconds();
    if (now - before < 0.1) return;
    before = now;
  }
}

/**
 * One run on one server: a moment of typing to warm it up (not counted), the typing measured, then (once the server
 * has caught up) the large document.
 * A fresh server each time, on fresh documents.
 */
async function measure(target: CollabTarget, dataset: CollabDataset, run: number): Promise<Figures> {
  await coEdit(target, [dataset.warmUpDocumentOfRun[run]], dataset.writerIds.slice(0, 2), { durationMs: 1_000, keystrokesPerSecond: KEYSTROKES_PER_SECOND });
  const idleHeapKiB = await target.heapKiB();
  const documentIds = dataset.documentsOfRun[run];
  const editing = await coEdit(target, documentIds, dataset.writerIds, { durationMs, keystrokesPerSecond: KEYSTROKES_PER_SECOND });
  await settled(target);

  const [reader, other] = dataset.writerIds;
  const largeId = dataset.largeDocumentOfRun[run];
  const { characters } = dataset.large;
  const opened = [];
  let largeFromStorageMs = Number.NaN;
  if (target.name === "Préau") {
    // Nobody has it open: Préau reads it from the database, every typed update of it.
    const first = await timeToWholeDocument(target, largeId, reader, characters);
    largeFromStorageMs = first.ms;
    opened.push(first.client);
  } else {
    // The reference stores nothing: a writer who has the document hands it over, and a first reader checks it arrived.
    const holder = await timeToWholeDocument(target, largeId, reader, 0);
    Y.applyUpdate(holder.client.doc, Y.mergeUpdates(dataset.large.updates));
    opened.push(holder.client, (await timeToWholeDocument(target, largeId, other, characters)).client);
  }
  // The document is now in the server's memory: how long the next person waits for it.
  const next = await timeToWholeDocument(target, largeId, other, characters);
  opened.push(next.client);
  for (const client of opened) client.destroy();

  return { ...editing, heapPerDocumentKiB: (editing.loadedHeapKiB - idleHeapKiB) / documentIds.length, largeFromStorageMs, largeInMemoryMs: next.ms };
}

const dataset = await prepareCollabDataset({ ...options, largeWords });
const runs: Record<string, Figures[]> = { Préau: [], reference: [] };
try {
  for (let run = 0; run < options.runs; run++) {
    // Which server goes first alternates, so that neither always has the machine warmer.
    const order = run % 2 === 0 ? ["Préau", "reference"] : ["reference", "Préau"];
    for (const name of order) {
      const target = name === "Préau" ? await startPreauCollab(dataset.serverEnv) : await startReferenceServer(referencePort);
      try {
        const figures = await measure(target, dataset, run);
        runs[name].push(figures);
        console.log(
          `run ${run + 1}, ${name}: ${figures.updatesPerSecond.toFixed(0)} keystrokes/s reached everyone, relay p95 ${figures.relayP95.toFixed(1)} ms, lost ${figures.lost}`,
        );
      } finally {
        await target.stop();
      }
    }
  }
} finally {
  await dataset.remove();
}

const preau = acrossRuns(runs.Préau);
const reference = acrossRuns(runs.reference);
const rows: [string, keyof Figures][] = [
  ["keystrokes/s offered", "offeredUpdatesPerSecond"],
  ["keystrokes/s reaching every writer", "updatesPerSecond"],
  ["relayed copies/s", "relaysPerSecond"],
  ["relay p50 ms", "relayP50"],
  ["relay p95 ms", "relayP95"],
  ["relay p99 ms", "relayP99"],
  ["relay max ms", "relayMax"],
  [`copies missing ${DRAIN_MS / 1000} s after typing stopped`, "lost"],
  ["connection failures", "connectionFailures"],
  ["server CPU ms per keystroke", "serverCpuMsPerKeystroke"],
  ["heap per loaded document (with its writers) KiB", "heapPerDocumentKiB"],
  ["large document from storage ms", "largeFromStorageMs"],
  ["large document already loaded ms", "largeInMemoryMs"],
];
const ratios = Object.fromEntries(rows.map(([, key]) => [key, preau[key].median / reference[key].median]));
printTable(
  `Co-editing — ${options.clients} writers on ${options.documents} documents, ${KEYSTROKES_PER_SECOND} keystrokes/s each for ${durationMs / 1000} s; ` +
    `large document: ${dataset.large.updates.length} stored updates, ${dataset.large.characters} characters; Préau on ${dataset.storage} ` +
    `(median [min–max] of ${options.runs} runs)`,
  [["figure", "Préau", "reference", "Préau / reference"], ...rows.map(([label, key]) => [label, formatSpread(preau[key]), formatSpread(reference[key]), ratios[key]])],
);
await writeResult("coediting", {
  smoke: options.smoke,
  dataset: {
    writers: options.clients,
    documents: options.documents,
    keystrokesPerSecond: KEYSTROKES_PER_SECOND,
    durationMs,
    storage: dataset.storage,
    largeDocument: { updates: dataset.large.updates.length, storedBytes: dataset.large.storedBytes, stateBytes: dataset.large.stateBytes, characters: dataset.large.characters },
  },
  runs,
  preau,
  reference,
  ratios,
});
