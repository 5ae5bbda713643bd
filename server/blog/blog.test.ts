import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { storeUpdate } from "@/collab/storage";
import { classes, people, spaces } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { DOCUMENT_FRAGMENT } from "@/server/documents/render";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let spaceId: string;
let emmaId: string;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [{ id: spaceId }] = await database.db
    .select({ id: spaces.id })
    .from(spaces)
    .innerJoin(classes, eq(classes.id, spaces.classId))
    .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB")));
  [{ id: emmaId }] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.student.login));
}, 120_000);
afterAll(() => database.close());

const api = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE);
const refused = (call: Promise<unknown>) =>
  expect(call).rejects.toSatisfy((error) => error instanceof TRPCError && error.code === "FORBIDDEN");

/** Emma writes a paragraph in the post, as the editor would store it. */
async function write(documentId: string, text: string) {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  content.insert(0, text, { bold: {} });
  paragraph.insert(0, [content]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
  await storeUpdate(database.db, documentId, emmaId, Y.encodeStateAsUpdate(doc));
}

it("takes a post from draft to published for families, who read it sanitised and comment under moderation", async () => {
  const emma = await api("student");
  const claire = await api("leadTeacher");
  const sophie = await api("guardian");
  const { id } = await emma.blog.create({ spaceId, title: "Notre sortie au musée" });
  await write(id, "Le musée <script>alert(1)</script> était super");

  await refused(sophie.blog.get({ documentId: id }));
  expect((await sophie.blog.list({ spaceId })).posts.map((p) => p.id)).not.toContain(id);
  await emma.blog.submit({ documentId: id });
  await refused(emma.blog.publish({ documentId: id, audience: "families" }));
  await claire.blog.publish({ documentId: id, audience: "families" });

  const read = await sophie.blog.get({ documentId: id });
  expect(read.status).toBe("published");
  expect(read.publishedHtml).toBe("<p><strong>Le musée &lt;script&gt;alert(1)&lt;/script&gt; était super</strong></p>");
  expect((await sophie.blog.list({ spaceId })).posts.map((p) => p.id)).toContain(id);
  await refused((await api("otherTeacher")).blog.get({ documentId: id }));

  await sophie.blog.comment({ documentId: id, body: "Merci pour ce compte rendu !" });
  const nathalie = await api("otherGuardian");
  expect(await nathalie.blog.comments({ documentId: id })).toHaveLength(0);
  const [pending] = await claire.blog.comments({ documentId: id });
  expect(pending).toMatchObject({ status: "pending", author: "Sophie Bernard" });
  await refused(emma.blog.moderate({ documentId: id, commentId: pending.id, approve: true }));
  await claire.blog.moderate({ documentId: id, commentId: pending.id, approve: true });
  expect((await nathalie.blog.comments({ documentId: id })).map((c) => c.body)).toEqual(["Merci pour ce compte rendu !"]);

  await claire.blog.unpublish({ documentId: id });
  await refused(sophie.blog.get({ documentId: id }));
});

it("refuses to publish an empty post", async () => {
  const claire = await api("leadTeacher");
  const { id } = await claire.blog.create({ spaceId, title: "Vide" });
  await expect(claire.blog.publish({ documentId: id, audience: "members" })).rejects.toThrow("blog.errors.empty");
});

it("leaves a submitted or published post to the space's owners to edit, and gives it back to its writers when taken down", async () => {
  const emma = await api("student");
  const claire = await api("leadTeacher");
  const { id } = await emma.blog.create({ spaceId, title: "Le cross du collège" });
  await write(id, "Nous avons couru trois kilomètres.");
  const access = async (caller: Awaited<ReturnType<typeof api>>) => (await caller.documents.ticket({ documentId: id })).access;
  expect(await access(emma)).toBe("write");

  await emma.blog.submit({ documentId: id });
  expect(await access(emma)).toBe("read");
  expect(await access(claire)).toBe("write");
  await claire.blog.publish({ documentId: id, audience: "members" });
  expect(await access(emma)).toBe("read");

  await claire.blog.unpublish({ documentId: id });
  expect(await access(emma)).toBe("write");
});
