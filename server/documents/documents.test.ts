import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { processFanout } from "@/collab/fanout";
import { MAX_DOCUMENT_BYTES, storeUpdate } from "@/collab/storage";
import { verifyTicket } from "@/collab/ticket";
import { documentUpdates, documents, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { env } from "@/server/env";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { DEMO_GROUP_DOCUMENT } from "@/server/seed/spaces";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { createLocalBus } from "@/server/events/bus";
import { documentAccessNow } from "./access-now";
import { DOCUMENT_FRAGMENT } from "./render";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let documentId: string;
const ids: Record<"emma" | "hugo", string> = { emma: "", hugo: "" };
/** The writers' copy of the document: each edit is made here and stored as its author's update. */
const writers = new Y.Doc();

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  // A fresh document of the demo group work (the demo's own document already has its pupils' writing).
  const [team] = await database.db.select({ spaceId: documents.spaceId }).from(documents).where(eq(documents.title, DEMO_GROUP_DOCUMENT));
  [{ id: documentId }] = await database.db.insert(documents).values({ spaceId: team.spaceId, title: "Brouillon" }).returning({ id: documents.id });
  for (const key of ["emma", "hugo"] as const) {
    const login = DEMO_ACCOUNTS[key === "emma" ? "student" : "classmate"].login;
    [{ id: ids[key] }] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, login));
  }
}, 120_000);
afterAll(() => database.close());

const api = (login: string) => callerFor(database.db, login, COLLEGE);

/** One writer's edit: a paragraph of text appended, or the first `count` characters of a paragraph deleted. */
async function write(author: "emma" | "hugo", edit: (fragment: Y.XmlFragment) => void) {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => (update = u);
  writers.on("update", keep);
  writers.transact(() => edit(writers.getXmlFragment(DOCUMENT_FRAGMENT)));
  writers.off("update", keep);
  await storeUpdate(database.db, documentId, ids[author], update!);
}

const paragraph = (text: string) => {
  const node = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  content.insert(0, text);
  node.insert(0, [content]);
  return node;
};

describe("a co-edited document", () => {
  it("gives a writer a write ticket bound to them and the document", async () => {
    const emma = await api(DEMO_ACCOUNTS.student.login);
    const { ticket, access } = await emma.documents.ticket({ documentId });
    expect(access).toBe("write");
    expect(verifyTicket(env().AUTH_SECRET!, ticket)).toMatchObject({ personId: ids.emma, documentId, access: "write" });
  });

  it("counts what each pupil wrote, per day; the teacher sees both, a pupil their own", async () => {
    await write("emma", (f) => f.insert(f.length, [paragraph("La prise de la Bastille")]));
    await write("hugo", (f) => f.insert(f.length, [paragraph("14 juillet")]));
    await write("hugo", (f) => (f.get(0) as Y.XmlElement).get(0).delete(0, 3));
    // A reconnecting client resends its delete set: the same deletion again counts for nothing.
    await storeUpdate(database.db, documentId, ids.hugo, Y.encodeStateAsUpdate(writers));

    const claire = await api(DEMO_ACCOUNTS.leadTeacher.login);
    const all = await claire.documents.contributions({ documentId });
    expect(all.all).toBe(true);
    const byName = Object.fromEntries(all.people.map((p) => [p.name, p]));
    expect(byName["Emma Bernard"]).toMatchObject({ inserted: 23, deleted: 0, edits: 1 });
    expect(byName["Hugo Petit"]).toMatchObject({ inserted: 10, deleted: 3, edits: 3 });
    expect(byName["Hugo Petit"].days).toHaveLength(1);

    const emma = await api(DEMO_ACCOUNTS.student.login);
    const own = await emma.documents.contributions({ documentId });
    expect(own.all).toBe(false);
    expect(own.people.map((p) => p.name)).toEqual(["Emma Bernard"]);
  });

  it("restores a named version as a new update that reaches the open document live", async () => {
    const emma = await api(DEMO_ACCOUNTS.student.login);
    const version = await emma.documents.nameVersion({ documentId, name: "Version rendue le 3 mars" });
    const before = (await emma.documents.version({ documentId, versionId: version.id })).html;
    expect(before).toBe("<p>prise de la Bastille</p><p>14 juillet</p>");

    await write("hugo", (f) => f.delete(0, 1));
    const versions = await emma.documents.versions({ documentId });
    expect(versions.find((v) => v.id === version.id)).toMatchObject({ kind: "named", name: "Version rendue le 3 mars", createdBy: "Emma Bernard" });

    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(writers));
    const fanout = await processFanout(undefined);
    const received = new Promise<void>((resolve) => {
      const participant = fanout.join((message) => {
        if (message.documentId !== documentId) return;
        Y.applyUpdate(live, message.data);
        participant.leave();
        resolve();
      });
    });
    const claire = await api(DEMO_ACCOUNTS.leadTeacher.login);
    await claire.documents.restore({ documentId, versionId: version.id });
    await received;
    expect(live.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(2);
    expect(live.getXmlFragment(DOCUMENT_FRAGMENT).toJSON()).toContain("prise de la Bastille");
    const contributions = await claire.documents.contributions({ documentId });
    expect(contributions.people.find((p) => p.name === "Claire Moreau")?.inserted).toBe(30);
  });

  it("refuses to restore a version that would take the document past the collaboration server's size limit", async () => {
    const [{ spaceId }] = await database.db.select({ spaceId: documents.spaceId }).from(documents).where(eq(documents.id, documentId));
    const [{ id: large }] = await database.db.insert(documents).values({ spaceId, title: "Annexes" }).returning({ id: documents.id });
    // Just over half the limit: restoring it writes its content a second time, on top of the first.
    const doc = new Y.Doc();
    doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph("a".repeat(MAX_DOCUMENT_BYTES / 2 + 1024))]);
    await storeUpdate(database.db, large, ids.emma, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    const emma = await api(DEMO_ACCOUNTS.student.login);
    const version = await emma.documents.nameVersion({ documentId: large, name: "Avec toutes les annexes" });
    const updatesOf = () => database.db.select({ id: documentUpdates.id }).from(documentUpdates).where(eq(documentUpdates.documentId, large));
    const before = (await updatesOf()).length;

    await expect(emma.documents.restore({ documentId: large, versionId: version.id })).rejects.toThrow("documents.errors.tooLarge");
    expect(await updatesOf()).toHaveLength(before);
  });
});

describe("access changes", () => {
  it("are told to the collaboration server, which finds a pupil left out of the team can no longer open the document", async () => {
    const [{ spaceId }] = await database.db.select({ spaceId: documents.spaceId }).from(documents).where(eq(documents.id, documentId));
    const bus = createLocalBus();
    const told: string[][] = [];
    bus.subscribe("scope.changed", ({ personIds }) => void told.push(personIds));
    const claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
    expect(await documentAccessNow(database.db, ids.hugo, documentId)).toBe("write");

    await claire.spaces.setMember({ spaceId, personId: ids.hugo, role: "reader" });
    expect(await documentAccessNow(database.db, ids.hugo, documentId)).toBe("read");
    await claire.spaces.removeMember({ spaceId, personId: ids.hugo });
    expect(await documentAccessNow(database.db, ids.hugo, documentId)).toBeNull();
    expect(told).toEqual([[ids.hugo], [ids.hugo]]);

    await claire.spaces.setMember({ spaceId, personId: ids.hugo, role: "contributor" });
    expect(await documentAccessNow(database.db, ids.hugo, documentId)).toBe("write");
  });
});
