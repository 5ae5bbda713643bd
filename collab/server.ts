import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import type { Db } from "@/server/db/client";
import type { EventBus } from "@/server/events/bus";
import type { Fanout, FanoutMessage, Participant } from "./fanout";
import { awarenessStatesMessage, ProtocolError, readClientMessage, syncStep1Message, syncStep2Message } from "./protocol";
import { RefusedUpdate, type Peer, Room, type RoomLimits } from "./room";
import { MAX_DOCUMENT_BYTES } from "./storage";
import { type Access, type Ticket, verifyTicket } from "./ticket";

/** The path the collaboration server answers under: /collab/<document id>?ticket=… */
export const COLLAB_PATH = "/collab/";

export interface CollabLimits extends RoomLimits {
  /** The largest message a client may send; a larger one closes its connection. */
  maxMessageBytes: number;
  /** How long a document stays loaded after its last connection left. */
  unloadAfterMs: number;
  /** How often connections are pinged; one that did not answer the previous ping is closed. */
  pingEveryMs: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 2 * 1024 * 1024,
  maxDocumentBytes: MAX_DOCUMENT_BYTES,
  compactAfter: 200,
  autoVersionEveryMs: 10 * 60_000,
  unloadAfterMs: 5_000,
  pingEveryMs: 30_000,
};

export interface CollabOptions {
  db: Db;
  /** AUTH_SECRET: tickets are signed with a key derived from it. */
  secret: string;
  /** PUBLIC_URL: connections are accepted only from pages of this origin. */
  publicUrl: string;
  fanout: Fanout;
  /**
   * The event bus: `sessions.revoked` closes the connections of the person concerned; `scope.changed` and
   * `document.access.changed` have the connections they may concern checked again (see `recheck`).
   */
  bus?: EventBus;
  /**
   * What a person may do with a document now (the app's policy). A connection whose answer differs from its
   * ticket's is closed: the browser asks for a new ticket, which gives the new access or is refused. Without it,
   * every connection an access change may concern is closed, to the same effect.
   */
  recheck?: (personId: string, documentId: string) => Promise<Access | null>;
  limits?: Partial<CollabLimits>;
  log?: (line: string) => void;
}

export interface CollabServer {
  /** Takes an HTTP upgrade under /collab/ (refusing it if it must); returns false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Close codes in 4400–4499 tell the y-websocket client not to retry with the same connection. */
const CLOSE = { malformed: 4400, revoked: 4401, accessChanged: 4403, tooLarge: 4413 } as const;

interface Connection extends Peer {
  ws: WebSocket;
  ticket: Ticket;
  alive: boolean;
  /** Messages of one connection are handled one after the other, in the order they came. */
  queue: Promise<void>;
}

/**
 * The collaboration server: y-websocket's protocol over `ws`, behind a ticket check, with every writer's update stored
 * before it is relayed (see Room). Used embedded in `npm start` and on its own (`npm run collab`).
 */
export function createCollabServer(options: CollabOptions): CollabServer {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.log(line));
  const allowedOrigin = new URL(options.publicUrl).origin;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const rooms = new Map<string, Promise<Room>>();
  const unloadTimers = new Map<string, NodeJS.Timeout>();
  const connections = new Set<Connection>();
  const participant: Participant = options.fanout.join((message) => receiveRemote(message));

  function receiveRemote(message: FanoutMessage) {
    void rooms.get(message.documentId)?.then((room) => room.receiveRemote(message), () => undefined);
  }

  function roomOf(documentId: string): Promise<Room> {
    clearTimeout(unloadTimers.get(documentId));
    unloadTimers.delete(documentId);
    let room = rooms.get(documentId);
    if (!room) {
      room = Room.load(options.db, documentId, limits).then((loaded) => {
        loaded.attach(participant);
        return loaded;
      });
      room.catch(() => rooms.delete(documentId));
      rooms.set(documentId, room);
    }
    return room;
  }

  function scheduleUnload(documentId: string, room: Room) {
    if (room.peers.size > 0 || unloadTimers.has(documentId)) return;
    const timer = setTimeout(() => {
      unloadTimers.delete(documentId);
      if (room.peers.size > 0) return;
      rooms.delete(documentId);
      void room.unload();
    }, limits.unloadAfterMs);
    unloadTimers.set(documentId, timer);
  }

  function refuse(socket: Duplex, status: 401 | 403 | 404, why: string) {
    log(`[collab] refused a connection (${status}): ${why}`);
    const text = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" }[status];
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  function close(connection: Connection, code: number, reason: string) {
    log(`[collab] closing the connection of ${connection.ticket.personId} to ${connection.ticket.documentId}: ${reason}`);
    connection.ws.close(code, reason);
  }

  async function handle(connection: Connection, room: Room, bytes: Uint8Array) {
    const message = readClientMessage(bytes);
    switch (message.type) {
      case "syncStep1":
        connection.send(syncStep2Message(room.doc, message.stateVector));
        return;
      case "update":
        // A reader's edits are dropped: never stored, never relayed.
        if (connection.ticket.access === "write") await room.receiveUpdate(connection, message.update);
        return;
      case "awareness":
        room.receiveAwareness(connection, message.update);
        return;
      case "queryAwareness": {
        const states = awarenessStatesMessage(room.awareness);
        if (states) connection.send(states);
      }
    }
  }

  function accept(ws: WebSocket, ticket: Ticket) {
    const connection: Connection = {
      ws,
      ticket,
      personId: ticket.personId,
      alive: true,
      queue: Promise.resolve(),
      send: (message) => {
        if (ws.readyState === ws.OPEN) ws.send(message, (error) => error && ws.terminate());
      },
    };
    connections.add(connection);
    const loading = roomOf(ticket.documentId);
    connection.queue = loading.then(
      (room) => {
        room.join(connection);
        connection.send(syncStep1Message(room.doc));
        const states = awarenessStatesMessage(room.awareness);
        if (states) connection.send(states);
      },
      (error: unknown) => {
        console.error(`[collab] could not load ${ticket.documentId}`, error);
        close(connection, 1011, "document unavailable");
      },
    );
    ws.on("message", (data: RawData) => {
      const bytes = new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
      connection.queue = connection.queue
        .then(async () => handle(connection, await loading, bytes))
        .catch((error: unknown) => {
          if (error instanceof ProtocolError) close(connection, CLOSE.malformed, error.message);
          else if (error instanceof RefusedUpdate) close(connection, error.message === "document too large" ? CLOSE.tooLarge : CLOSE.malformed, error.message);
          else {
            console.error("[collab] failed to handle a message", error);
            close(connection, 1011, "could not store the update");
          }
        });
    });
    ws.on("pong", () => {
      connection.alive = true;
    });
    ws.on("error", (error) => log(`[collab] connection error of ${ticket.personId} on ${ticket.documentId}: ${error.message}`));
    ws.on("close", () => {
      connections.delete(connection);
      void loading.then((room) => {
        room.leave(connection);
        scheduleUnload(ticket.documentId, room);
      }, () => undefined);
    });
  }

  const pinger = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) connection.ws.terminate();
      else {
        connection.alive = false;
        connection.ws.ping();
      }
    }
  }, limits.pingEveryMs);
  pinger.unref();

  /** Checks again the access of the connections `concerned` picks, closing those whose access changed. */
  async function recheckWhere(concerned: (connection: Connection) => boolean) {
    const affected = [...connections].filter(concerned);
    await Promise.all(
      affected.map(async (connection) => {
        const { personId, documentId, access } = connection.ticket;
        try {
          const now = options.recheck ? await options.recheck(personId, documentId) : null;
          if (now !== access) close(connection, CLOSE.accessChanged, `access is now ${now ?? "none"}`);
        } catch (error) {
          console.error("[collab] could not check a connection's access again; closing it", error);
          close(connection, CLOSE.accessChanged, "access could not be checked");
        }
      }),
    );
  }

  const unsubscribes = options.bus
    ? [
        options.bus.subscribe("sessions.revoked", ({ personId }) => {
          for (const connection of connections) if (connection.personId === personId) close(connection, CLOSE.revoked, "session revoked");
        }),
        options.bus.subscribe("scope.changed", ({ personIds }) => recheckWhere((connection) => personIds.includes(connection.personId))),
        options.bus.subscribe("document.access.changed", ({ documentIds }) =>
          recheckWhere((connection) => documentIds.includes(connection.ticket.documentId)),
        ),
      ]
    : [];

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? "/", "http://collab.invalid");
      if (!url.pathname.startsWith(COLLAB_PATH)) return false;
      socket.on("error", () => socket.destroy());
      if (request.headers.origin !== allowedOrigin) {
        refuse(socket, 403, `origin ${request.headers.origin ?? "(none)"} is not ${allowedOrigin}`);
        return true;
      }
      const documentId = url.pathname.slice(COLLAB_PATH.length);
      if (!UUID.test(documentId)) {
        refuse(socket, 404, "not a document path");
        return true;
      }
      const ticket = verifyTicket(options.secret, url.searchParams.get("ticket") ?? "");
      if (!ticket) {
        refuse(socket, 401, "missing, forged or expired ticket");
        return true;
      }
      if (ticket.documentId !== documentId) {
        refuse(socket, 403, "the ticket is for another document");
        return true;
      }
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, ticket));
      return true;
    },
    async close() {
      clearInterval(pinger);
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const connection of connections) connection.ws.terminate();
      for (const timer of unloadTimers.values()) clearTimeout(timer);
      participant.leave();
      const loaded = await Promise.allSettled(rooms.values());
      rooms.clear();
      for (const result of loaded) if (result.status === "fulfilled") await result.value.unload();
      wss.close();
    },
  };
}
