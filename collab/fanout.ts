import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * How the instances that hold the same document tell each other what changed: each stored update, and each change
 * of who is where (awareness). Over Redis pub/sub when REDIS_URL is set, so several collaboration servers share
 * documents; in-process otherwise (the embedded server, and the app restoring a version, in one process).
 * Delivery is best effort: what matters is already stored, and a client that reconnects syncs from the database.
 */
export interface FanoutMessage {
  documentId: string;
  kind: "update" | "awareness";
  data: Uint8Array;
}

export interface Participant {
  publish(message: FanoutMessage): void;
  leave(): void;
}

export interface Fanout {
  /** Joins as one participant: it receives what the others publish, never what it published itself. */
  join(receive?: (message: FanoutMessage) => void): Participant;
  close(): Promise<void>;
}

interface Envelope extends FanoutMessage {
  from: string;
}

const KINDS = ["update", "awareness"] as const;

function encodeEnvelope(envelope: Envelope): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, envelope.from);
  encoding.writeVarString(encoder, envelope.documentId);
  encoding.writeVarUint(encoder, KINDS.indexOf(envelope.kind));
  encoding.writeVarUint8Array(encoder, envelope.data);
  return Buffer.from(encoding.toUint8Array(encoder));
}

function decodeEnvelope(bytes: Uint8Array): Envelope {
  const decoder = decoding.createDecoder(bytes);
  const from = decoding.readVarString(decoder);
  const documentId = decoding.readVarString(decoder);
  const kind = KINDS[decoding.readVarUint(decoder)];
  if (!kind) throw new Error("unknown fanout message kind");
  return { from, documentId, kind, data: decoding.readVarUint8Array(decoder) };
}

/** Hands each envelope to every participant of this process except its sender. */
class Dispatch {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  join(deliver: (envelope: Envelope) => void, publish: (envelope: Envelope) => void): Participant {
    const id = randomUUID();
    const listener = (envelope: Envelope) => {
      if (envelope.from !== id) deliver(envelope);
    };
    this.emitter.on("message", listener);
    return {
      publish: (message) => publish({ ...message, from: id }),
      leave: () => void this.emitter.off("message", listener),
    };
  }

  deliver(envelope: Envelope) {
    this.emitter.emit("message", envelope);
  }
}

export function createLocalFanout(): Fanout {
  const dispatch = new Dispatch();
  return {
    join: (receive) => dispatch.join((envelope) => receive?.(envelope), (envelope) => queueMicrotask(() => dispatch.deliver(envelope))),
    async close() {},
  };
}

/** Every instance subscribes to one channel; `channel` lets test runs (and installations) keep theirs apart. */
export async function createRedisFanout(url: string, channel: string): Promise<Fanout> {
  const dispatch = new Dispatch();
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  subscriber.on("messageBuffer", (_channel: Buffer, message: Buffer) => {
    try {
      dispatch.deliver(decodeEnvelope(message));
    } catch (error) {
      console.error("[collab] ignored an unreadable fanout message", error);
    }
  });
  await subscriber.subscribe(channel);
  return {
    join: (receive) =>
      dispatch.join(
        (envelope) => receive?.(envelope),
        (envelope) => void publisher.publish(channel, encodeEnvelope(envelope)).catch((error: unknown) => console.error("[collab] fanout publish failed", error)),
      ),
    async close() {
      await Promise.all([subscriber.quit(), publisher.quit()]);
    },
  };
}

const GLOBAL_KEY = Symbol.for("preau.collab.fanout");
type GlobalWithFanout = typeof globalThis & { [GLOBAL_KEY]?: Promise<Fanout> };

/** The default channel name of an installation. */
export const DEFAULT_FANOUT_CHANNEL = "preau:collab";

/**
 * The fanout of this process, shared (through globalThis) by the launcher's embedded collaboration server and the
 * app code Next.js bundles, so that a restored version reaches the writers connected to this very process.
 */
export function processFanout(redisUrl: string | undefined, channel = process.env.COLLAB_REDIS_CHANNEL || DEFAULT_FANOUT_CHANNEL): Promise<Fanout> {
  const store = globalThis as GlobalWithFanout;
  store[GLOBAL_KEY] ??= redisUrl ? createRedisFanout(redisUrl, channel) : Promise.resolve(createLocalFanout());
  return store[GLOBAL_KEY];
}
