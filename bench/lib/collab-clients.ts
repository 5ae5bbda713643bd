import { setTimeout as sleep } from "node:timers/promises";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { webSocketFrom } from "@/collab/testing";
import { BENCH_ORIGIN, type CollabTarget } from "./collab-servers";
import { latencies } from "./stats";

/** How long a client may take to connect and receive a document before the run is called failed. */
const SYNC_TIMEOUT_MS = 60_000;
/** How long, once typing stopped, keystrokes still in flight may take to reach everyone. */
export const DRAIN_MS = 15_000;

/** One simulated browser tab: the real y-websocket client over `ws`, on one document. */
export interface SimulatedClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  /** Connection drops and errors after it connected. */
  failures(): number;
  destroy(): void;
}

export function connectClient(target: CollabTarget, documentId: string, personId: string): SimulatedClient {
  const { serverUrl, room, params } = target.open(documentId, personId);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, room, doc, { params, WebSocketPolyfill: webSocketFrom(BENCH_ORIGIN), disableBc: true });
  let failures = 0;
  provider.on("connection-error", () => failures++);
  provider.on("connection-close", () => failures++);
  return {
    doc,
    provider,
    text: doc.getText("body"),
    failures: () => failures,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds after one of the client's document changes (or at once); rejects after a while. */
function until(client: SimulatedClient, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      client.doc.off("update", onUpdate);
      client.provider.off("sync", onUpdate);
      reject(new Error(`${what}: not within ${SYNC_TIMEOUT_MS / 1000} s`));
    }, SYNC_TIMEOUT_MS);
    const onUpdate = () => {
      if (!check()) return;
      clearTimeout(timer);
      client.doc.off("update", onUpdate);
      client.provider.off("sync", onUpdate);
      resolve();
    };
    client.doc.on("update", onUpdate);
    client.provider.on("sync", onUpdate);
  });
}

export const synced = (client: SimulatedClient) => until(client, () => client.provider.synced, "connecting and syncing");

/** A type, not an interface: runs of it are summarised figure by figure (`acrossRuns`). */
export type CoEditing = {
  /** Keystrokes typed per second, all writers together: the load offered. */
  offeredUpdatesPerSecond: number;
  /** Keystrokes that reached every other writer of their document while typing went on, per second. */
  updatesPerSecond: number;
  /** Copies of keystrokes received by the other writers while typing went on, per second. */
  relaysPerSecond: number;
  /** From a keystroke to its arrival at one of the other writers of the document, in ms. */
  relayP50: number;
  relayP95: number;
  relayP99: number;
  relayMax: number;
  /** Keystroke copies not arrived `DRAIN_MS` after typing stopped (late or lost), and connections dropped. */
  lost: number;
  connectionFailures: number;
  /** The server's processor time per keystroke (storing and relaying it), in ms: hardly affected by other load. */
  serverCpuMsPerKeystroke: number;
  /** The server's heap with every document loaded and every writer still connected, in KiB. */
  loadedHeapKiB: number;
};

/**
 * `writerIds.length` writers spread over `documentIds`, each typing one character at a random place of the shared
 * text `keystrokesPerSecond` times a second (with jitter) for `durationMs`. Every keystroke is timed from the writer
 * who typed it to each other writer of the document, recognised there by its Yjs id (client and clock).
 */
export async function coEdit(
  target: CollabTarget,
  documentIds: string[],
  writerIds: string[],
  options: { durationMs: number; keystrokesPerSecond: number },
): Promise<CoEditing> {
  const clients = writerIds.map((personId, index) => connectClient(target, documentIds[index % documentIds.length], personId));
  const readersOf = (index: number) => clients.filter((_, other) => other % documentIds.length === index % documentIds.length).length - 1;
  try {
    await Promise.all(clients.map(synced));

    const inFlight = new Map<string, { sentAt: number; remaining: number }>();
    const relayMs: number[] = [];
    let typingEnds = Number.POSITIVE_INFINITY;
    let [sent, reachedEveryone, relaysWhileTyping] = [0, 0, 0];
    for (const client of clients) {
      client.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) return;
        const now = performance.now();
        for (const struct of Y.decodeUpdate(update).structs) {
          if (!(struct instanceof Y.Item)) continue;
          for (let offset = 0; offset < struct.length; offset++) {
            const key = `${struct.id.client}:${struct.id.clock + offset}`;
            const keystroke = inFlight.get(key);
            if (!keystroke) continue;
            relayMs.push(now - keystroke.sentAt);
            if (now <= typingEnds) relaysWhileTyping++;
            if (--keystroke.remaining > 0) continue;
            inFlight.delete(key);
            if (now <= typingEnds) reachedEveryone++;
          }
        }
      });
    }

    const interval = 1000 / options.keystrokesPerSecond;
    const cpuBefore = target.cpuSeconds();
    const started = performance.now();
    typingEnds = started + options.durationMs;
    await Promise.all(
      clients.map(async (client, index) => {
        await sleep(Math.random() * interval);
        while (performance.now() < typingEnds) {
          const clock = Y.getState(client.doc.store, client.doc.clientID);
          const sentAt = performance.now();
          client.text.insert(Math.floor(Math.random() * (client.text.length + 1)), "e");
          inFlight.set(`${client.doc.clientID}:${clock}`, { sentAt, remaining: readersOf(index) });
          sent++;
          await sleep(interval * (0.5 + Math.random()));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const drainEnds = performance.now() + DRAIN_MS;
    while (inFlight.size > 0 && performance.now() < drainEnds) await sleep(50);
    const cpuMs = (target.cpuSeconds() - cpuBefore) * 1000;
    const lost = [...inFlight.values()].reduce((sum, keystroke) => sum + keystroke.remaining, 0);
    const relay = latencies(relayMs);
    return {
      offeredUpdatesPerSecond: sent / seconds,
      updatesPerSecond: reachedEveryone / seconds,
      relaysPerSecond: relaysWhileTyping / seconds,
      relayP50: relay.p50,
      relayP95: relay.p95,
      relayP99: relay.p99,
      relayMax: relay.max,
      lost,
      connectionFailures: clients.reduce((sum, client) => sum + client.failures(), 0),
      serverCpuMsPerKeystroke: cpuMs / Math.max(1, sent),
      loadedHeapKiB: await target.heapKiB(),
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}

/**
 * How long a client waits, from opening its connection, until it holds the whole of a large document (`characters`
 * long). The client is returned connected, so that the document stays loaded for the next one.
 */
export async function timeToWholeDocument(
  target: CollabTarget,
  documentId: string,
  personId: string,
  characters: number,
): Promise<{ ms: number; client: SimulatedClient }> {
  const started = performance.now();
  const client = connectClient(target, documentId, personId);
  await until(client, () => client.provider.synced && client.text.length >= characters, "loading the large document");
  return { ms: performance.now() - started, client };
}
