import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentUpdates } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus, type EventBus } from "@/server/events/bus";
import { createTestDatabase } from "@/server/testing/database";
import { createLocalFanout, type Fanout } from "./fanout";
import * as Y from "yjs";
import { type CollabServer, createCollabServer } from "./server";
import { type CollabFixture, connectClient, type TestClient, eventually, seedCollabFixture, TEST_ORIGIN, TEST_SECRET, ticketFor, upgradeOutcome } from "./testing";
import { type Access, signTicket, TICKET_LIFETIME_MS } from "./ticket";

let database: Database;
let fixture: CollabFixture;
let http: Server;
let collab: CollabServer;
let bus: EventBus;
let fanout: Fanout;
/** What the policy answers now, by "person:document"; a connection keeps its ticket's access when absent. */
const granted = new Map<string, Access | null>();
let base: string;
const logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await seedCollabFixture(database.db);
  bus = createLocalBus();
  fanout = createLocalFanout();
  collab = createCollabServer({
    db: database.db,
    secret: TEST_SECRET,
    publicUrl: TEST_ORIGIN,
    fanout,
    bus,
    recheck: async (personId, documentId) => {
      const key = `${personId}:${documentId}`;
      return granted.has(key) ? granted.get(key)! : "write";
    },
    limits: { maxMessageBytes: 64 * 1024, unloadAfterMs: 50 },
    log: (line) => logged.push(line),
  });
  http = createServer();
  http.on("upgrade", (request, socket, head: Buffer) => {
    if (!collab.handleUpgrade(request, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await collab.close();
  http.close();
  await database.close();
});

const storedCount = async (documentId: string) =>
  (await database.db.select({ id: documentUpdates.id }).from(documentUpdates).where(eq(documentUpdates.documentId, documentId))).length;

describe("who may connect", () => {
  const url = (documentId: string, ticket?: string) => `${base}/collab/${documentId}${ticket ? `?ticket=${encodeURIComponent(ticket)}` : ""}`;

  it("accepts a valid ticket for the document, from the app's origin", async () => {
    expect(await upgradeOutcome(url(fixture.documentId, ticketFor(fixture.writerId, fixture.documentId, "write")), TEST_ORIGIN)).toBe("open");
  });

  it("refuses no ticket, a forged one, an expired one and another document's", async () => {
    const { writerId, documentId, otherDocumentId } = fixture;
    const forged = signTicket("another-secret-of-at-least-32-characters", { personId: writerId, documentId, access: "write" });
    const valid = ticketFor(writerId, documentId, "write");
    const [payload] = valid.split(".");
    const altered = `${Buffer.from(JSON.stringify({ personId: writerId, documentId, access: "write", expiresAt: Date.now() + 9e9 })).toString("base64url")}.${valid.split(".")[1]}`;
    const expired = ticketFor(writerId, documentId, "write", Date.now() - TICKET_LIFETIME_MS - 1);
    expect(await upgradeOutcome(url(documentId), TEST_ORIGIN)).toBe(401);
    expect(await upgradeOutcome(url(documentId, forged), TEST_ORIGIN)).toBe(401);
    expect(await upgradeOutcome(url(documentId, altered), TEST_ORIGIN)).toBe(401);
    expect(await upgradeOutcome(url(documentId, payload), TEST_ORIGIN)).toBe(401);
    expect(await upgradeOutcome(url(documentId, expired), TEST_ORIGIN)).toBe(401);
    expect(await upgradeOutcome(url(otherDocumentId, valid), TEST_ORIGIN)).toBe(403);
  });

  it("refuses another origin, or none", async () => {
    const ticket = ticketFor(fixture.writerId, fixture.documentId, "write");
    expect(await upgradeOutcome(url(fixture.documentId, ticket), "https://evil.example")).toBe(403);
    expect(await upgradeOutcome(url(fixture.documentId, ticket), undefined)).toBe(403);
  });
});

describe("co-editing", () => {
  it("relays a writer's edits to the others and stores them with their author", async () => {
    const ada = connectClient(base, fixture.documentId, ticketFor(fixture.writerId, fixture.documentId, "write"));
    const blaise = connectClient(base, fixture.documentId, ticketFor(fixture.otherWriterId, fixture.documentId, "write"));
    await Promise.all([ada.synced, blaise.synced]);
    ada.text.insert(0, "Bonjour");
    await eventually(() => blaise.text.toString() === "Bonjour", "Blaise sees Ada's text");
    blaise.text.insert(7, " !");
    await eventually(() => ada.text.toString() === "Bonjour !", "Ada sees Blaise's text");
    const authors = await database.db.select({ authorId: documentUpdates.authorId }).from(documentUpdates).where(eq(documentUpdates.documentId, fixture.documentId));
    expect(new Set(authors.map((row) => row.authorId))).toEqual(new Set([fixture.writerId, fixture.otherWriterId]));
    ada.destroy();
    blaise.destroy();
  });

  it("drops a reader's edits: never stored, never relayed, while its awareness is shared", async () => {
    const writer = connectClient(base, fixture.otherDocumentId, ticketFor(fixture.writerId, fixture.otherDocumentId, "write"));
    const reader = connectClient(base, fixture.otherDocumentId, ticketFor(fixture.readerId, fixture.otherDocumentId, "read"));
    await Promise.all([writer.synced, reader.synced]);
    reader.provider.awareness.setLocalStateField("user", { name: "Claude" });
    reader.text.insert(0, "pirate");
    await eventually(
      () => [...writer.provider.awareness.getStates().values()].some((state) => state.user?.name === "Claude"),
      "the writer sees the reader's presence",
    );
    writer.text.insert(0, "vrai");
    await eventually(() => reader.text.toString().includes("vrai"), "the reader sees the writer's text");
    const late = connectClient(base, fixture.otherDocumentId, ticketFor(fixture.writerId, fixture.otherDocumentId, "write"));
    await late.synced;
    expect(late.text.toString()).toBe("vrai");
    expect(writer.text.toString()).toBe("vrai");
    expect(await storedCount(fixture.otherDocumentId)).toBe(1);
    for (const client of [writer, reader, late]) client.destroy();
  });
});

describe("hostile clients", () => {
  async function rawSocket(documentId: string) {
    const socket = new WebSocket(`${base}/collab/${documentId}?ticket=${ticketFor(fixture.writerId, documentId, "write")}`, { origin: TEST_ORIGIN });
    await new Promise((resolve) => socket.once("open", resolve));
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.on("error", () => undefined);
    return { socket, closed };
  }

  it("closes only the connection that sends garbage, an unreadable update or a huge message", async () => {
    const bystander = connectClient(base, fixture.documentId, ticketFor(fixture.otherWriterId, fixture.documentId, "write"));
    await bystander.synced;
    const before = await storedCount(fixture.documentId);

    const garbage = await rawSocket(fixture.documentId);
    garbage.socket.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    expect(await garbage.closed).toBe(4400);

    const badUpdate = await rawSocket(fixture.documentId);
    badUpdate.socket.send(Buffer.from([0, 2, 6, 1, 200, 7, 7, 7, 7]));
    expect(await badUpdate.closed).toBe(4400);

    const huge = await rawSocket(fixture.documentId);
    huge.socket.send(Buffer.alloc(65 * 1024, 1));
    expect(await huge.closed).toBe(1009);

    expect(await storedCount(fixture.documentId)).toBe(before);
    bystander.text.insert(0, "toujours là ");
    const check = connectClient(base, fixture.documentId, ticketFor(fixture.writerId, fixture.documentId, "write"));
    await eventually(() => check.text.toString().startsWith("toujours là"), "the server still serves the document");
    expect(logged.some((line) => line.includes("unreadable"))).toBe(true);
    bystander.destroy();
    check.destroy();
  });
});

describe("revoked sessions", () => {
  it("closes the connections of a person whose sessions were revoked", async () => {
    const client = connectClient(base, fixture.documentId, ticketFor(fixture.writerId, fixture.documentId, "write"));
    await client.synced;
    const closed = new Promise<number>((resolve) => client.provider.once("connection-close", (event) => resolve(event?.code ?? 0)));
    await bus.publish("sessions.revoked", { personId: fixture.writerId });
    expect(await closed).toBe(4401);
    client.destroy();
  });
});

describe("what the other instances publish", () => {
  it("still reaches open documents after another document was unloaded", async () => {
    const { writerId, documentId, otherDocumentId } = fixture;
    const first = connectClient(base, documentId, ticketFor(writerId, documentId, "write"));
    await first.synced;
    first.destroy();
    // Long enough for the first document to be unloaded (unloadAfterMs is 50 here).
    await new Promise((resolve) => setTimeout(resolve, 300));

    const writer = connectClient(base, otherDocumentId, ticketFor(writerId, otherDocumentId, "write"));
    await writer.synced;
    const elsewhere = new Y.Doc();
    elsewhere.getText("t").insert(0, "d'ailleurs ");
    const app = fanout.join();
    app.publish({ documentId: otherDocumentId, kind: "update", data: Y.encodeStateAsUpdate(elsewhere) });
    app.leave();
    await eventually(() => writer.text.toString().includes("d'ailleurs"), "the writer sees what another instance published");
    writer.destroy();
    elsewhere.destroy();
  });
});

describe("access changes", () => {
  const closeCode = (client: TestClient) =>
    new Promise<number | undefined>((resolve) => client.provider.once("connection-close", (event) => resolve(event?.code)));

  it("close the connections whose access changed, and only those", async () => {
    const { writerId, otherWriterId, documentId } = fixture;
    const ada = connectClient(base, documentId, ticketFor(writerId, documentId, "write"));
    const blaise = connectClient(base, documentId, ticketFor(otherWriterId, documentId, "write"));
    await Promise.all([ada.synced, blaise.synced]);

    // Ada's hand-in was handed in: she may only read it now. Blaise's access is unchanged: he stays connected.
    const adaClosed = closeCode(ada);
    granted.set(`${writerId}:${documentId}`, "read");
    await bus.publish("document.access.changed", { documentIds: [documentId] });
    expect(await adaClosed).toBe(4403);
    expect(logged.some((line) => line.includes(otherWriterId) && line.includes("access"))).toBe(false);

    // Blaise leaves the team: every connection of his is checked again, and his closes.
    const blaiseClosed = closeCode(blaise);
    granted.set(`${otherWriterId}:${documentId}`, null);
    await bus.publish("scope.changed", { personIds: [otherWriterId] });
    expect(await blaiseClosed).toBe(4403);
    expect(logged).toContainEqual(expect.stringContaining(`closing the connection of ${otherWriterId} to ${documentId}: access is now none`));
    ada.destroy();
    blaise.destroy();
  });
});
