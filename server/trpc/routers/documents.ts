import { z } from "zod";
import { documentContributions } from "@/server/documents/contributions";
import { documentTicket, openDocument } from "@/server/documents/documents";
import { listVersions, nameVersion, restoreVersion, versionHtml } from "@/server/documents/versions";
import { can } from "@/server/policy/policy";
import { objectProcedure, router } from "../init";

const byDocument = z.object({ documentId: z.uuid() });
const byVersion = byDocument.extend({ versionId: z.uuid() });
const documentOf = (input: { documentId: string }) => input.documentId;

/** Co-edited documents: opening one (and its collaboration ticket), its versions, and who wrote what. */
export const documentsRouter = router({
  open: objectProcedure(byDocument, "document.read", documentOf).query(({ ctx, input }) => openDocument(ctx.db, ctx.scope, input.documentId)),

  /** A short-lived ticket for the collaboration server, binding the caller, the document and read or write. */
  ticket: objectProcedure(byDocument, "document.read", documentOf).mutation(({ ctx, input }) =>
    documentTicket(ctx.db, ctx.scope, input.documentId),
  ),

  versions: objectProcedure(byDocument, "document.read", documentOf).query(({ ctx, input }) => listVersions(ctx.db, input.documentId)),

  version: objectProcedure(byVersion, "document.read", documentOf).query(async ({ ctx, input }) => ({
    html: await versionHtml(ctx.db, input.documentId, input.versionId),
  })),

  nameVersion: objectProcedure(
    byDocument.extend({ name: z.string().trim().min(1, "documents.errors.nameRequired").max(120, "documents.errors.nameTooLong") }),
    "document.write",
    documentOf,
  ).mutation(({ ctx, input }) => nameVersion(ctx.db, input.documentId, input.name, ctx.scope.personId)),

  restore: objectProcedure(byVersion, "document.write", documentOf).mutation(({ ctx, input }) =>
    restoreVersion(ctx.db, input.documentId, input.versionId, ctx.scope.personId),
  ),

  /** Everyone's contributions for the teachers of the space; one's own for the others. */
  contributions: objectProcedure(byDocument, "document.read", documentOf).query(async ({ ctx, input }) => {
    const all = await can(ctx.db, ctx.scope, "document.contributions.all", input.documentId);
    return { all, people: await documentContributions(ctx.db, input.documentId, all ? undefined : ctx.scope.personId) };
  }),
});
