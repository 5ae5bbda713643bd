import { eq } from "drizzle-orm";
import { documents } from "@/drizzle/schema";
import { DEMO_GROUP_DOCUMENT } from "@/server/seed/spaces";
import { caseGroup } from "./kit";

/** The group-work team of 4eB: its two pupils write, the teachers of 4eB own it; nobody else sees it. */
const TEAM_WRITERS = ["student", "classmate", "leadTeacher", "teacherParent"] as const;

/** Co-edited documents: the demo group work's "Notre exposé". */
export const documentsCases = caseGroup({
  domain: "documents",
  setup: async (kit) => {
    const [document] = await kit.db.select({ id: documents.id }).from(documents).where(eq(documents.title, DEMO_GROUP_DOCUMENT));
    const emma = await kit.callerOf("student");
    const version = await emma.documents.nameVersion({ documentId: document.id, name: "Premier jet" });
    return { documentId: document.id, versionId: version.id };
  },
  cases: [
    { procedure: "documents.open", label: "the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.open({ documentId: t.documentId }) },
    { procedure: "documents.ticket", label: "for the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.ticket({ documentId: t.documentId }) },
    { procedure: "documents.versions", label: "of the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.versions({ documentId: t.documentId }) },
    { procedure: "documents.version", label: "a version of the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.version(t) },
    { procedure: "documents.nameVersion", label: "of the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.nameVersion({ documentId: t.documentId, name: "Version rendue" }) },
    { procedure: "documents.restore", label: "a version of the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.restore(t) },
    { procedure: "documents.contributions", label: "to the team's document", allowed: TEAM_WRITERS,
      call: (api, t) => api.documents.contributions({ documentId: t.documentId }) },
  ],
});
