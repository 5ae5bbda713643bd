import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { documents, documentSnapshots, documentUpdates } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { DOCUMENT_FRAGMENT } from "@/server/documents/render";
import type { Random } from "./random";
import { DEMO_GROUP_DOCUMENT } from "./spaces";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A block of the editor's document: a heading or a paragraph of text. */
function block(name: "heading" | "paragraph", text: string) {
  const element = new Y.XmlElement(name);
  if (name === "heading") element.setAttribute("level", "1");
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

/**
 * The start of the demo group work's "Notre exposé", written by its two pupils over the last three days, with a
 * version they named: so that the contribution view and the history have something to show.
 */
export async function seedDemoDocuments(db: Db, pupilIds: [string, string], random: Random): Promise<void> {
  const [document] = await db.select({ id: documents.id }).from(documents).where(eq(documents.title, DEMO_GROUP_DOCUMENT));
  const [emma, hugo] = pupilIds;
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const now = Date.now();
  const edits: { authorId: string; daysAgo: number; edit: () => void }[] = [
    { authorId: emma, daysAgo: 3, edit: () => fragment.insert(0, [block("heading", "La Révolution française")]) },
    { authorId: emma, daysAgo: 3, edit: () => fragment.insert(1, [block("paragraph", "En 1789, la France est un royaume où le roi a tous les pouvoirs.")]) },
    { authorId: hugo, daysAgo: 2, edit: () => fragment.insert(2, [block("paragraph", "Le 14 juillet 1789, le peuple de Paris prend la Bastille.")]) },
  ];
  let lastId = 0;
  for (const { authorId, daysAgo, edit } of edits) {
    let update: Uint8Array | null = null;
    const keep = (u: Uint8Array) => (update = u);
    doc.on("update", keep);
    doc.transact(edit);
    doc.off("update", keep);
    const [row] = await db
      .insert(documentUpdates)
      .values({ documentId: document.id, authorId, update: update!, createdAt: new Date(now - daysAgo * DAY_MS) })
      .returning({ id: documentUpdates.id });
    lastId = row.id;
  }
  await db.insert(documentSnapshots).values({
    id: random.uuid(),
    documentId: document.id,
    kind: "named",
    name: "Plan validé en classe",
    upToUpdateId: lastId,
    state: Y.encodeStateAsUpdate(doc),
    createdBy: emma,
    createdAt: new Date(now - 2 * DAY_MS),
  });
  doc.destroy();
}
