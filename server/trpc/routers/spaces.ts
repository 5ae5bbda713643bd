import { z } from "zod";
import { can } from "@/server/policy/policy";
import { spaceRoleOf } from "@/server/policy/space-access";
import { STAFF_ROLES } from "@/server/policy/roles";
import { createDocument, deleteDocument, listDocuments, renameDocument } from "@/server/spaces/documents";
import { createGroupWork, createTeamSpace, groupWorksOf } from "@/server/spaces/manage";
import { listMembers, memberCandidates, removeMember, setMember } from "@/server/spaces/members";
import { mySpaces, spaceCard } from "@/server/spaces/mine";
import { addPost, listPosts, removePost } from "@/server/spaces/posts";
import { archiveSpace, restoreSpace, updateSpace } from "@/server/spaces/settings";
import { establishmentProcedure, objectProcedure, roleProcedure, router } from "../init";
import { richTextInput } from "./inputs";

const bySpace = z.object({ spaceId: z.uuid() });
const byDocument = z.object({ documentId: z.uuid() });
const page = z.number().int().min(1).max(10_000).default(1);
const name = z.string().trim().min(1, "spaces.errors.name").max(120, "spaces.errors.name");
const title = z.string().trim().min(1, "spaces.errors.title").max(200, "spaces.errors.title");
const description = z.string().trim().max(500, "spaces.errors.description").default("");
const memberRole = z.enum(["owner", "contributor", "reader"]);

/** Spaces (espaces de classe et d'équipe): their stream of posts, documents and members. Files and hand-ins have their own routers. */
export const spacesRouter = router({
  /** The person's spaces a page at a time: the ones in use, or (archived) the ones in the archive. */
  mine: establishmentProcedure
    .input(z.object({ page, sort: z.enum(["name", "recent"]).default("name"), archived: z.boolean().default(false) }))
    .query(({ ctx, input }) => mySpaces(ctx.db, ctx.scope, input)),

  /**
   * A space's card, what the person is in it (owner, contributor, reader, family), and whether they may edit it
   * (rename, archive) or, archived, bring it back.
   */
  get: objectProcedure(bySpace, "space.read", (i) => i.spaceId).query(async ({ ctx, input }) => {
    const [space, role, editable, restorable] = await Promise.all([
      spaceCard(ctx.db, input.spaceId),
      spaceRoleOf(ctx.db, ctx.scope, input.spaceId),
      can(ctx.db, ctx.scope, "space.edit", input.spaceId),
      can(ctx.db, ctx.scope, "space.restore", input.spaceId),
    ]);
    return { ...space, role: role!, editable, restorable };
  }),

  createTeam: roleProcedure("teacher", ...STAFF_ROLES)
    .input(z.object({ name, description }))
    .mutation(async ({ ctx, input }) => ({ id: await createTeamSpace(ctx.db, ctx.scope, input) })),

  /** Renames a team or group-work space and changes its description (its owners). */
  update: objectProcedure(bySpace.extend({ name, description }), "space.edit", (i) => i.spaceId).mutation(({ ctx, input }) =>
    updateSpace(ctx.db, input.spaceId, { name: input.name, description: input.description }),
  ),

  /** Archives a team or group-work space: read-only for everyone, open editors of its documents included. */
  archive: objectProcedure(bySpace, "space.edit", (i) => i.spaceId).mutation(async ({ ctx, input }) => {
    const documentIds = await archiveSpace(ctx.db, input.spaceId);
    if (documentIds.length) await ctx.bus.publish("document.access.changed", { documentIds });
  }),

  /** Brings an archived space back (those who owned it): its writers write again, open editors included. */
  restore: objectProcedure(bySpace, "space.restore", (i) => i.spaceId).mutation(async ({ ctx, input }) => {
    const documentIds = await restoreSpace(ctx.db, input.spaceId);
    if (documentIds.length) await ctx.bus.publish("document.access.changed", { documentIds });
  }),

  /** A group-work team of pupils of a class, made in its class space by one of its owners (its teachers). */
  createGroupWork: objectProcedure(bySpace.extend({ name, pupilIds: z.array(z.uuid()).max(40) }), "space.makeTeams", (i) => i.spaceId).mutation(
    async ({ ctx, input }) => ({ id: await createGroupWork(ctx.db, ctx.scope.personId, input.spaceId, input) }),
  ),

  members: objectProcedure(bySpace, "space.members", (i) => i.spaceId).query(async ({ ctx, input }) => {
    const space = await spaceCard(ctx.db, input.spaceId);
    const [members, teams] = await Promise.all([listMembers(ctx.db, input.spaceId), space.kind === "class" ? groupWorksOf(ctx.db, input.spaceId) : []]);
    return { ...members, teams };
  }),

  candidates: objectProcedure(bySpace.extend({ query: z.string().trim().min(2).max(60) }), "space.manage", (i) => i.spaceId).query(({ ctx, input }) =>
    memberCandidates(ctx.db, input.spaceId, input.query),
  ),

  setMember: objectProcedure(bySpace.extend({ personId: z.uuid(), role: memberRole }), "space.manage", (i) => i.spaceId).mutation(
    async ({ ctx, input }) => {
      await setMember(ctx.db, input.spaceId, input.personId, input.role);
      await ctx.bus.publish("scope.changed", { personIds: [input.personId] });
    },
  ),

  removeMember: objectProcedure(bySpace.extend({ personId: z.uuid() }), "space.manage", (i) => i.spaceId).mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, input.spaceId, input.personId);
    await ctx.bus.publish("scope.changed", { personIds: [input.personId] });
  }),

  posts: objectProcedure(bySpace.extend({ page }), "space.read", (i) => i.spaceId).query(async ({ ctx, input }) => {
    const role = await spaceRoleOf(ctx.db, ctx.scope, input.spaceId);
    return listPosts(ctx.db, input.spaceId, role!, input.page);
  }),

  post: objectProcedure(
    bySpace.extend({ body: richTextInput("spaces"), audience: z.enum(["members", "families"]) }),
    "space.contribute",
    (i) => i.spaceId,
  ).mutation(async ({ ctx, input }) => ({ id: await addPost(ctx.db, input.spaceId, ctx.scope.personId, input.body, input.audience) })),

  removePost: objectProcedure(z.object({ postId: z.uuid() }), "post.remove", (i) => i.postId).mutation(({ ctx, input }) => removePost(ctx.db, input.postId)),

  documents: objectProcedure(bySpace, "space.members", (i) => i.spaceId).query(({ ctx, input }) => listDocuments(ctx.db, input.spaceId)),

  createDocument: objectProcedure(bySpace.extend({ title }), "space.contribute", (i) => i.spaceId).mutation(async ({ ctx, input }) => ({
    id: await createDocument(ctx.db, input.spaceId, ctx.scope.personId, input.title),
  })),

  renameDocument: objectProcedure(byDocument.extend({ title }), "document.manage", (i) => i.documentId).mutation(({ ctx, input }) =>
    renameDocument(ctx.db, input.documentId, input.title),
  ),

  removeDocument: objectProcedure(byDocument, "document.manage", (i) => i.documentId).mutation(async ({ ctx, input }) => {
    await deleteDocument(ctx.db, input.documentId);
    await ctx.bus.publish("document.access.changed", { documentIds: [input.documentId] });
  }),
});
