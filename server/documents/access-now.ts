import { eq } from "drizzle-orm";
import { documents, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { loadScope } from "@/server/policy/scope";
import { documentAccess } from "@/server/policy/space-access";

/**
 * What a person may do with a document now, by the same policy that issued their ticket: the collaboration server
 * asks it again of the connections an access change may concern, and closes those whose answer changed.
 */
export async function documentAccessNow(db: Db, personId: string, documentId: string): Promise<"write" | "read" | null> {
  const [document] = await db
    .select({ establishmentId: spaces.establishmentId })
    .from(documents)
    .innerJoin(spaces, eq(spaces.id, documents.spaceId))
    .where(eq(documents.id, documentId))
    .limit(1);
  if (!document) return null;
  return documentAccess(db, await loadScope(db, personId, document.establishmentId), documentId);
}
