import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { documents, establishments, people, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { type Access, signTicket } from "./ticket";

/** What the collaboration tests share: a secret, an origin, and a small school with one space and two documents. */
export const TEST_SECRET = "a-test-secret-of-at-least-32-characters!!";
export const TEST_ORIGIN = "http://localhost:3150";

export interface CollabFixture {
  writerId: string;
  otherWriterId: string;
  readerId: string;
  documentId: string;
  otherDocumentId: string;
}

export async function seedCollabFixture(db: Db): Promise<CollabFixture> {
  const suffix = randomUUID().slice(0, 8);
  const [school] = await db.insert(establishments).values({ uai: `T${suffix}`, name: "Collège d'essai", kind: "college" }).returning();
  const person = async (name: string) => {
    const [row] = await db.insert(people).values({ login: `${name}.${suffix}`, firstName: name, lastName: "Essai" }).returning();
    return row.id;
  };
  const [space] = await db.insert(spaces).values({ establishmentId: school.id, kind: "team", name: "Équipe" }).returning();
  const [document, other] = await db
    .insert(documents)
    .values([
      { spaceId: space.id, title: "Notre exposé" },
      { spaceId: space.id, title: "Un autre document" },
    ])
    .returning();
  return {
    writerId: await person("ada"),
    otherWriterId: await person("blaise"),
    readerId: await person("claude"),
    documentId: document.id,
    otherDocumentId: other.id,
  };
}

export const ticketFor = (personId: string, documentId: string, access: Access, now = Date.now()) =>
  signTicket(TEST_SECRET, { personId, documentId, access }, now);

/** The `ws` WebSocket, sending the Origin a browser would send. */
export function webSocketFrom(origin: string) {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { origin });
    }
  } as unknown as typeof globalThis.WebSocket;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
  synced: Promise<void>;
  destroy(): void;
}

/** The real y-websocket client, in Node, on a document of a server at `baseUrl` (ws://host:port). */
export function connectClient(baseUrl: string, documentId: string, ticket: string, origin = TEST_ORIGIN): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl}/collab`, documentId, doc, {
    params: { ticket },
    WebSocketPolyfill: webSocketFrom(origin),
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once("sync", () => resolve());
  });
  return {
    doc,
    provider,
    text: doc.getText("t"),
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` holds, polling; rejects with `what` after a generous while. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How an upgrade request is answered: the HTTP status of a refusal, or "open". */
export function upgradeOutcome(url: string, origin: string | undefined): Promise<number | "open"> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.on("open", () => {
      socket.close();
      resolve("open");
    });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("error", () => undefined);
  });
}
