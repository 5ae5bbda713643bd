import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createLocalFanout } from "@/collab/fanout";
import { type CollabServer, createCollabServer } from "@/collab/server";
import { storeUpdate } from "@/collab/storage";
import { connectClient, TEST_ORIGIN, TEST_SECRET, ticketFor } from "@/collab/testing";
import type { Database } from "@/server/db/client";
import { documentAccessNow } from "@/server/documents/access-now";
import { DOCUMENT_FRAGMENT } from "@/server/documents/render";
import { createLocalBus, type EventBus } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, type DemoAccountKey } from "@/server/seed/demo-accounts";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
const note = { name: "notes.txt", content: Buffer.from("Répétition jeudi\n").toString("base64") };

/** A paragraph of text, as the editor stores it. */
function paragraphUpdate(value: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  content.insert(0, value);
  paragraph.insert(0, [content]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

let database: Database;
/** The app's events, which the collaboration server below listens to as the embedded one does. */
let bus: EventBus;
let collab: CollabServer;
let http: Server;
let base: string;
/** claire owns the team, emma writes in it, hugo reads it; anne runs the école, another establishment. */
let claire: Caller;
let emma: Caller;
let hugo: Caller;
let anne: Caller;
const ids = {} as Record<"emma" | "hugo", string>;

const callerOf = (key: DemoAccountKey) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE, bus);
const refused = (call: Promise<unknown>) => expect(call).rejects.toThrow("errors.forbidden");

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  bus = createLocalBus();
  [claire, emma, hugo] = await Promise.all([callerOf("leadTeacher"), callerOf("student"), callerOf("classmate")]);
  anne = await callerFor(database.db, DEMO_ACCOUNTS.ecoleDirection.login, DEMO_ESTABLISHMENTS.ecole.uai, bus);
  ids.emma = (await emma.me.whoAmI()).person.id;
  ids.hugo = (await hugo.me.whoAmI()).person.id;
  collab = createCollabServer({
    db: database.db,
    secret: TEST_SECRET,
    publicUrl: TEST_ORIGIN,
    fanout: createLocalFanout(),
    bus,
    recheck: (personId, documentId) => documentAccessNow(database.db, personId, documentId),
    log: () => undefined,
  });
  http = createServer();
  http.on("upgrade", (request, socket, head: Buffer) => void collab.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await collab.close();
  http.close();
  await database.close();
});

/** A team of claire's with emma as a contributor and hugo as a reader. */
async function freshTeam(name: string) {
  const { id: spaceId } = await claire.spaces.createTeam({ name, description: "" });
  await claire.spaces.setMember({ spaceId, personId: ids.emma, role: "contributor" });
  await claire.spaces.setMember({ spaceId, personId: ids.hugo, role: "reader" });
  return spaceId;
}

describe("a team space's name and description", () => {
  it("are changed by its owners only, and checked", async () => {
    const spaceId = await freshTeam("Chorale");
    await claire.spaces.update({ spaceId, name: "Chorale du collège", description: "Le mardi à 12 h 30" });
    expect(await emma.spaces.get({ spaceId })).toMatchObject({ name: "Chorale du collège", description: "Le mardi à 12 h 30", editable: false });
    expect(await claire.spaces.get({ spaceId })).toMatchObject({ editable: true, restorable: false });

    await expect(claire.spaces.update({ spaceId, name: "  ", description: "" })).rejects.toThrow("spaces.errors.name");
    await expect(claire.spaces.update({ spaceId, name: "Chorale", description: "x".repeat(501) })).rejects.toThrow("spaces.errors.description");
    for (const caller of [emma, hugo, anne]) await refused(caller.spaces.update({ spaceId, name: "À nous", description: "" }));
    expect((await claire.spaces.get({ spaceId })).name).toBe("Chorale du collège");
  });
});

describe("an archived space", () => {
  it("is read-only for everyone, its owner included (posts, documents, blog, files), and listed apart; open editors turn read-only; its owner restores it", async () => {
    const spaceId = await freshTeam(`Club d'échecs`);
    const { id: postId } = await emma.spaces.post({ spaceId, body: text("Tournoi vendredi"), audience: "members" });
    const { id: documentId } = await emma.spaces.createDocument({ spaceId, title: "Ouvertures" });
    const file = (await emma.files.upload({ spaceId, folderId: null, forFamilies: false, file: note })) as { id: string; storedFileId: string };
    const { id: blogPostId } = await claire.blog.create({ spaceId, title: "Le tournoi" });
    await storeUpdate(database.db, blogPostId, ids.emma, paragraphUpdate("Emma a gagné"));
    await claire.blog.publish({ documentId: blogPostId, audience: "members" });

    for (const caller of [emma, hugo, anne]) await refused(caller.spaces.archive({ spaceId }));
    const editor = connectClient(base, documentId, ticketFor(ids.emma, documentId, "write"));
    await editor.synced;
    const closed = new Promise<number | undefined>((resolve) => editor.provider.once("connection-close", (event) => resolve(event?.code)));
    await claire.spaces.archive({ spaceId });
    // The collaboration server asked the policy again: emma's editor is closed, and her next ticket reads only.
    expect(await closed).toBe(4403);
    editor.destroy();
    expect(await emma.documents.ticket({ documentId })).toMatchObject({ access: "read" });
    expect(await claire.documents.ticket({ documentId })).toMatchObject({ access: "read" });

    expect(await claire.spaces.get({ spaceId })).toMatchObject({ archived: true, role: "reader", editable: false, restorable: true });
    expect(await emma.spaces.get({ spaceId })).toMatchObject({ archived: true, role: "reader", restorable: false });
    for (const caller of [claire, emma]) {
      await refused(caller.spaces.post({ spaceId, body: text("Encore ?"), audience: "members" }));
      await refused(caller.spaces.removePost({ postId }));
      await refused(caller.spaces.createDocument({ spaceId, title: "Finales" }));
      await refused(caller.spaces.renameDocument({ documentId, title: "Défenses" }));
      await refused(caller.files.upload({ spaceId, folderId: null, forFamilies: false, file: note }));
      await refused(caller.files.createFolder({ spaceId, parentId: null, name: "Parties" }));
      await refused(caller.files.renameFile({ fileId: file.id, name: "partie.txt" }));
      await refused(caller.spaces.update({ spaceId, name: "Club", description: "" }));
      await refused(caller.blog.create({ spaceId, title: "Le prochain tournoi" }));
      await refused(caller.blog.comment({ documentId: blogPostId, body: "Bravo" }));
    }
    await refused(claire.blog.unpublish({ documentId: blogPostId }));
    await refused(claire.spaces.setMember({ spaceId, personId: ids.hugo, role: "contributor" }));
    // What it holds stays readable by its members.
    expect((await hugo.spaces.posts({ spaceId, page: 1 })).posts).toHaveLength(1);
    expect(await hugo.blog.get({ documentId: blogPostId })).toMatchObject({ status: "published", archived: true });
    expect((await emma.files.list({ spaceId, folderId: null })).files.map((f) => f.name)).toContain("notes.txt");
    expect((await hugo.files.download({ storedFileId: file.storedFileId })).name).toBe("notes.txt");

    const names = async (archived: boolean) => (await claire.spaces.mine({ page: 1, sort: "name", archived })).spaces.map((s) => s.name);
    expect(await names(false)).not.toContain("Club d'échecs");
    expect(await names(true)).toContain("Club d'échecs");
    expect((await emma.spaces.mine({ page: 1, sort: "name" })).archivedTotal).toBe(1);

    for (const caller of [emma, hugo, anne]) await refused(caller.spaces.restore({ spaceId }));
    const told: string[][] = [];
    bus.subscribe("document.access.changed", ({ documentIds }) => void told.push(documentIds));
    await claire.spaces.restore({ spaceId });
    expect(told).toEqual([expect.arrayContaining([documentId, blogPostId])]);
    expect(await emma.documents.ticket({ documentId })).toMatchObject({ access: "write" });
    expect(await hugo.documents.ticket({ documentId })).toMatchObject({ access: "read" });
    await emma.spaces.post({ spaceId, body: text("De retour"), audience: "members" });
    expect(await claire.spaces.get({ spaceId })).toMatchObject({ archived: false, role: "owner", editable: true, restorable: false });
    expect(await names(false)).toContain("Club d'échecs");
    await refused(claire.spaces.restore({ spaceId }));
  });

  it("is never a class space: its class's teachers and the direction all own it, and it lives as long as its class", async () => {
    const [class4eB] = (await claire.spaces.mine({ page: 1, sort: "name" })).spaces.filter((space) => space.kind === "class" && space.name === "4eB");
    const isabelle = await callerOf("direction");
    for (const caller of [claire, isabelle]) {
      expect(await caller.spaces.get({ spaceId: class4eB.id })).toMatchObject({ role: "owner", editable: false, restorable: false });
      await refused(caller.spaces.archive({ spaceId: class4eB.id }));
      await refused(caller.spaces.update({ spaceId: class4eB.id, name: "4eB bis", description: "" }));
    }
  });
});
