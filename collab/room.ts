import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Db } from "@/server/db/client";
import type { FanoutMessage, Participant } from "./fanout";
import { awarenessMessage, updateMessage } from "./protocol";
import { documentOf, loadStoredState, storedBytes, storeUpdate, takeSnapshot } from "./storage";

/** One end of a connection, as a room sees it. */
export interface Peer {
  personId: string;
  send(message: Uint8Array): void;
}

export interface RoomLimits {
  /** Beyond this size (bytes of stored state), a document takes no more updates. */
  maxDocumentBytes: number;
  /** Updates after the last snapshot that make a background compaction worth it. */
  compactAfter: number;
  /** How long after the last edit a new automatic version may be taken. */
  autoVersionEveryMs: number;
}

export class RefusedUpdate extends Error {}

/** Updates that change nothing: a client's sync step 2 when it has nothing the server lacks. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((byte) => byte === 0);

/**
 * A document loaded in memory while people have it open: its Yjs state, who is where in it, and its connections.
 * An update from a writer is checked, stored, and only then applied and relayed, to this instance's connections and
 * through the fanout to the other instances; updates from the other instances are applied and relayed, not stored.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** The awareness client ids each peer controls, removed when it leaves. */
  private readonly peerClients = new Map<Peer, Set<number>>();
  private bytes: number;
  private tail: number;
  private lastVersionAt: number;
  private compacting = false;
  /** How the room tells the other instances what changed: the server's one fanout participant, never left here. */
  private publisher: Pick<Participant, "publish"> | null = null;

  private constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    private readonly db: Db,
    private readonly limits: RoomLimits,
    stored: { bytes: number; tail: number; lastVersionAt: Date | null },
  ) {
    this.bytes = stored.bytes;
    this.tail = stored.tail;
    this.lastVersionAt = stored.lastVersionAt?.getTime() ?? 0;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.relay(updateMessage(update), origin));
    this.awareness.on("update", this.onAwareness);
  }

  static async load(db: Db, documentId: string, limits: RoomLimits): Promise<Room> {
    const stored = await loadStoredState(db, documentId);
    return new Room(documentId, documentOf(stored.updates, documentId), db, limits, { ...stored, bytes: storedBytes(stored.updates) });
  }

  /** Connects the room to the other instances; what they publish before loading finished is in the database. */
  attach(publisher: Pick<Participant, "publish">) {
    this.publisher = publisher;
  }

  /** A writer's update: refused if unreadable or too large, else stored, then applied and relayed. */
  async receiveUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    if (isEmptyUpdate(update)) return;
    if (this.bytes + update.length > this.limits.maxDocumentBytes) throw new RefusedUpdate("document too large");
    assertReadable(update);
    await storeUpdate(this.db, this.documentId, peer.personId, update);
    this.bytes += update.length;
    this.tail += 1;
    Y.applyUpdate(this.doc, update, peer);
    this.publisher?.publish({ documentId: this.documentId, kind: "update", data: update });
    this.afterStore(peer.personId);
  }

  /** What another instance (or the app, restoring a version) stored and published. */
  receiveRemote(message: FanoutMessage) {
    try {
      if (message.kind === "update") Y.applyUpdate(this.doc, message.data, "remote");
      else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.data, "remote");
    } catch (error) {
      console.error(`[collab] ignored an unreadable remote ${message.kind} of ${this.documentId}`, error);
    }
  }

  receiveAwareness(peer: Peer, update: Uint8Array) {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  join(peer: Peer) {
    this.peers.add(peer);
    this.peerClients.set(peer, new Set());
  }

  leave(peer: Peer) {
    const clients = this.peerClients.get(peer);
    this.peers.delete(peer);
    this.peerClients.delete(peer);
    if (clients?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  /** Unloads the document: a checkpoint first if updates piled up, so that the next load is quick. */
  async unload() {
    this.awareness.destroy();
    this.doc.destroy();
    if (this.tail > 0) await this.compact();
  }

  private afterStore(personId: string) {
    const now = Date.now();
    if (now - this.lastVersionAt >= this.limits.autoVersionEveryMs) {
      this.lastVersionAt = now;
      void this.snapshot({ kind: "auto", createdBy: personId });
    } else if (this.tail >= this.limits.compactAfter) {
      void this.compact();
    }
  }

  private async compact() {
    await this.snapshot({ kind: "checkpoint" });
  }

  private async snapshot(request: Parameters<typeof takeSnapshot>[2]) {
    if (this.compacting) return;
    this.compacting = true;
    const tail = this.tail;
    try {
      if (await takeSnapshot(this.db, this.documentId, request)) this.tail = Math.max(0, this.tail - tail);
    } catch (error) {
      console.error(`[collab] could not take a ${request.kind} snapshot of ${this.documentId}`, error);
    } finally {
      this.compacting = false;
    }
  }

  private relay(message: Uint8Array, origin: unknown) {
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  }

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    const own = this.peerClients.get(origin as Peer);
    if (own) {
      for (const id of [...added, ...updated]) own.add(id);
      for (const id of removed) own.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.relay(awarenessMessage(update), null);
    if (origin !== "remote") this.publisher?.publish({ documentId: this.documentId, kind: "awareness", data: update });
  };
}

/** Decodes an update fully: bytes that are not a Yjs update never reach the database. */
function assertReadable(update: Uint8Array) {
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new RefusedUpdate("unreadable update");
  }
}
