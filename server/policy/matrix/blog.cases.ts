import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { storeUpdate } from "@/collab/storage";
import { blogComments, classes, spaces } from "@/drizzle/schema";
import { DOCUMENT_FRAGMENT } from "@/server/documents/render";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { caseGroup, COLLEGE } from "./kit";

/** The 4eB class space: its teachers and the direction own it, its pupils write, their families read what is for them. */
const MEMBERS_4EB = ["student", "classmate", "leadTeacher", "teacherParent", "direction"] as const;
const OWNERS_4EB = ["leadTeacher", "teacherParent", "direction"] as const;
const FAMILIES_4EB = ["guardian", "otherGuardian"] as const;

/** A paragraph of text, as the editor would store it. */
function someText(): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  text.insert(0, "Notre sortie au musée");
  paragraph.insert(0, [text]);
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** A space's blog, in the 4eB class space: drafts, posts published for families, moderated comments. */
export const blogCases = caseGroup({
  domain: "blog",
  setup: async (kit) => {
    const [space] = await kit.db
      .select({ id: spaces.id })
      .from(spaces)
      .innerJoin(classes, eq(classes.id, spaces.classId))
      .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB"), eq(classes.establishmentId, await kit.establishmentId(COLLEGE))));
    const claire = await kit.callerOf("leadTeacher");
    const emma = await kit.idOf(DEMO_ACCOUNTS.student.login);
    const draft = async () => {
      const { id } = await claire.blog.create({ spaceId: space.id, title: "Sortie au musée" });
      await storeUpdate(kit.db, id, emma, someText());
      return id;
    };
    const published = async () => {
      const id = await draft();
      await claire.blog.publish({ documentId: id, audience: "families" });
      return id;
    };
    const forFamilies = await published();
    const comment = async () => {
      const [row] = await kit.db.insert(blogComments).values({ documentId: forFamilies, authorId: emma, body: "Super !" }).returning();
      return row.id;
    };
    return { spaceId: space.id, draft: await draft(), forFamilies, freshDraft: draft, freshPublished: published, freshComment: comment };
  },
  cases: [
    { procedure: "blog.list", label: "of 4eB's class space", allowed: [...MEMBERS_4EB, ...FAMILIES_4EB],
      call: (api, t) => api.blog.list({ spaceId: t.spaceId }) },
    { procedure: "blog.create", label: "in 4eB's class space", allowed: MEMBERS_4EB,
      call: (api, t) => api.blog.create({ spaceId: t.spaceId, title: "Compte rendu" }) },
    { procedure: "blog.get", label: "a draft", allowed: MEMBERS_4EB, call: (api, t) => api.blog.get({ documentId: t.draft }) },
    { procedure: "blog.get", label: "a post published for families", allowed: [...MEMBERS_4EB, ...FAMILIES_4EB],
      call: (api, t) => api.blog.get({ documentId: t.forFamilies }) },
    { procedure: "blog.submit", label: "a draft", allowed: MEMBERS_4EB,
      call: async (api, t) => api.blog.submit({ documentId: await t.freshDraft() }) },
    { procedure: "blog.publish", label: "a draft", allowed: OWNERS_4EB,
      call: async (api, t) => api.blog.publish({ documentId: await t.freshDraft(), audience: "establishment" }) },
    { procedure: "blog.unpublish", label: "a published post", allowed: OWNERS_4EB,
      call: async (api, t) => api.blog.unpublish({ documentId: await t.freshPublished() }) },
    { procedure: "blog.comments", label: "of a post published for families", allowed: [...MEMBERS_4EB, ...FAMILIES_4EB],
      call: (api, t) => api.blog.comments({ documentId: t.forFamilies }) },
    { procedure: "blog.comment", label: "on a post published for families", allowed: [...MEMBERS_4EB, ...FAMILIES_4EB],
      call: (api, t) => api.blog.comment({ documentId: t.forFamilies, body: "Bravo à la classe" }) },
    { procedure: "blog.comment", label: "on a draft", allowed: [],
      call: (api, t) => api.blog.comment({ documentId: t.draft, body: "Trop tôt" }) },
    { procedure: "blog.moderate", label: "a comment", allowed: OWNERS_4EB,
      call: async (api, t) => api.blog.moderate({ documentId: t.forFamilies, commentId: await t.freshComment(), approve: true }) },
  ],
});

