import { and, eq } from "drizzle-orm";
import { signTicket } from "@/collab/ticket";
import { documents, people, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { env } from "@/server/env";
import { documentAccess, spaceRoleOf } from "@/server/policy/space-access";
import type { Scope } from "@/server/policy/scope";

/** What the document page needs to open a document: where it is, what the person may do, who they are. */
export async function openDocument(db: Db, scope: Scope, documentId: string) {
  const access = await documentAccess(db, scope, documentId);
  const [row] = await db
    .select({ id: documents.id, title: documents.title, kind: documents.kind, spaceId: spaces.id, spaceName: spaces.name })
    .from(documents)
    .innerJoin(spaces, eq(spaces.id, documents.spaceId))
    .where(and(eq(documents.id, documentId), eq(spaces.establishmentId, scope.establishmentId)))
    .limit(1);
  if (!row || !access) throw new DomainError("documents.errors.notFound");
  const [me] = await db.select({ firstName: people.firstName, lastName: people.lastName }).from(people).where(eq(people.id, scope.personId));
  return {
    ...row,
    access,
    /** Owners of the space (its teachers) see everyone's contributions; others their own. */
    seesAllContributions: (await spaceRoleOf(db, scope, row.spaceId)) === "owner",
    me: { personId: scope.personId, name: `${me.firstName} ${me.lastName}` },
  };
}

/** A ticket to open the document on the collaboration server, with what the access policy allows now. */
export async function documentTicket(db: Db, scope: Scope, documentId: string) {
  const access = await documentAccess(db, scope, documentId);
  if (!access) throw new DomainError("documents.errors.notFound");
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: collaboration tickets cannot be signed");
  return { ticket: signTicket(secret, { personId: scope.personId, documentId, access }), access };
}
