import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getFileStore } from "@/server/files";
import {
  type AssignmentFields,
  type AssignmentPlace,
  assignmentDetail,
  createAssignment,
  homeworkPlace,
  pupilAssignments,
  spaceAssignments,
  taughtGroups,
  teacherAssignments,
} from "@/server/hand-ins/assignments";
import { attachCorrection, detachCorrection } from "@/server/hand-ins/corrections";
import { authorsOf, returnHandIn, reviewList } from "@/server/hand-ins/review";
import { attachFile, detachFile, documentSpace, findHandIn, handInDocument, handInFilesOf, submitHandIn, takeBackHandIn } from "@/server/hand-ins/work";
import { assignmentTarget, authorFor } from "@/server/policy/hand-in-access";
import { can } from "@/server/policy/policy";
import { hasRole, type Scope } from "@/server/policy/scope";
import type { Db } from "@/server/db";
import type { EventBus } from "@/server/events/bus";
import { fileLimits } from "@/server/space-files/limits";
import { establishmentProcedure, objectProcedure, router } from "../init";
import { richTextInput, uploadInput, WIRE_MAX_BYTES } from "./inputs";

const byAssignment = z.object({ assignmentId: z.uuid() });
const assignmentFields = z.object({
  title: z.string().trim().min(1, "handIns.errors.title").max(200, "handIns.errors.title"),
  instructions: richTextInput("handIns"),
  dueAt: z.coerce.date(),
  homeworkId: z.uuid().nullable().default(null),
});

/** The caller's assignment and who they hand in as (the policy has said they may). */
async function asAuthor(db: Db, scope: Scope, assignmentId: string) {
  const assignment = (await assignmentTarget(db, scope, assignmentId))!;
  const author = (await authorFor(db, scope, assignment))!;
  return { assignment, author };
}

/** A hand-in changed hands (handed in, taken back, returned): who may write its document changed with it. */
async function handInDocumentChanged(ctx: { bus: EventBus }, handIn: { documentId: string | null } | undefined) {
  if (handIn?.documentId) await ctx.bus.publish("document.access.changed", { documentIds: [handIn.documentId] });
}

/** Sets an assignment (the caller may set it there, and may edit the homework it is for) and tells its pupils. */
async function setAssignment(ctx: { db: Db; scope: Scope; bus: EventBus }, place: AssignmentPlace, fields: AssignmentFields) {
  if (fields.homeworkId && !(await can(ctx.db, ctx.scope, "homework.edit", fields.homeworkId))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "errors.forbidden" });
  }
  const created = await createAssignment(ctx.db, ctx.scope, place, fields);
  await ctx.bus.publish("assignment.created", { establishmentId: ctx.scope.establishmentId, assignmentId: created.id, dueAt: created.dueAt.toISOString(), ...place });
  return { id: created.id };
}

/** One hand-in, by its id. */
const byHandIn = z.object({ handInId: z.uuid() });

/**
 * Devoirs à rendre: teachers set assignments in their spaces or for their teaching groups; pupils and teams hand in;
 * teachers return them with a comment, a mark and corrected copies.
 */
export const handInsRouter = router({
  create: objectProcedure(assignmentFields.extend({ spaceId: z.uuid() }), "assignment.create", (i) => i.spaceId).mutation(({ ctx, input }) =>
    setAssignment(ctx, { spaceId: input.spaceId }, input),
  ),

  createForGroup: objectProcedure(assignmentFields.extend({ groupId: z.uuid() }), "assignment.createForGroup", (i) => i.groupId).mutation(
    ({ ctx, input }) => setAssignment(ctx, { groupId: input.groupId }, input),
  ),

  /** Where to set the assignment of a homework to hand in: its lesson's class space or group (its author or lesson's teachers). */
  homeworkPlace: objectProcedure(z.object({ homeworkId: z.uuid() }), "homework.edit", (i) => i.homeworkId).query(({ ctx, input }) =>
    homeworkPlace(ctx.db, input.homeworkId),
  ),

  forSpace: objectProcedure(z.object({ spaceId: z.uuid() }), "space.members", (i) => i.spaceId).query(({ ctx, input }) =>
    spaceAssignments(ctx.db, input.spaceId),
  ),

  /** What the person hands in (a pupil), what they set and the groups they may set assignments for (a teacher). */
  mine: establishmentProcedure.query(async ({ ctx }) => {
    const teaches = hasRole(ctx.scope, "teacher");
    return {
      toHandIn: hasRole(ctx.scope, "student") ? await pupilAssignments(ctx.db, ctx.scope) : [],
      set: teaches ? await teacherAssignments(ctx.db, ctx.scope.establishmentId, ctx.scope.personId) : [],
      groups: teaches ? await taughtGroups(ctx.db, ctx.scope.taughtGroupIds) : [],
    };
  }),

  /** An assignment, the caller's own hand-in when they hand in for it, and whether its space is archived (all read-only). */
  get: objectProcedure(byAssignment, "assignment.read", (i) => i.assignmentId).query(async ({ ctx, input }) => {
    const assignment = await assignmentDetail(ctx.db, input.assignmentId);
    const target = (await assignmentTarget(ctx.db, ctx.scope, input.assignmentId))!;
    const author = await authorFor(ctx.db, ctx.scope, target);
    const handIn = author ? await findHandIn(ctx.db, input.assignmentId, author) : undefined;
    return {
      assignment,
      now: new Date(),
      archived: target.archived,
      handsIn: Boolean(author),
      reviews: await can(ctx.db, ctx.scope, "assignment.review", input.assignmentId),
      handIn: handIn
        ? {
            ...handIn,
            documentSpaceId: handIn.documentId ? await documentSpace(ctx.db, handIn.documentId) : null,
            files: await handInFilesOf(ctx.db, handIn.id),
            corrections: handIn.status === "returned" ? await handInFilesOf(ctx.db, handIn.id, "correction") : [],
          }
        : null,
    };
  }),

  review: objectProcedure(byAssignment, "assignment.review", (i) => i.assignmentId).query(async ({ ctx, input }) => {
    const assignment = await assignmentDetail(ctx.db, input.assignmentId);
    return reviewList(ctx.db, assignment);
  }),

  attachFile: objectProcedure(byAssignment.extend({ file: uploadInput(WIRE_MAX_BYTES) }), "assignment.handIn", (i) => i.assignmentId).mutation(
    async ({ ctx, input }) => {
      const { author } = await asAuthor(ctx.db, ctx.scope, input.assignmentId);
      const upload = { name: input.file.name, bytes: Buffer.from(input.file.content, "base64") };
      return { storedFileId: await attachFile(ctx.db, getFileStore(), ctx.scope, input.assignmentId, author, upload, fileLimits().maxUploadBytes) };
    },
  ),

  detachFile: objectProcedure(byAssignment.extend({ storedFileId: z.uuid() }), "assignment.handIn", (i) => i.assignmentId).mutation(
    async ({ ctx, input }) => {
      const { author } = await asAuthor(ctx.db, ctx.scope, input.assignmentId);
      await detachFile(ctx.db, getFileStore(), input.assignmentId, author, input.storedFileId);
    },
  ),

  /** The hand-in's co-edited document (made the first time), to open in the document editor. */
  openDocument: objectProcedure(byAssignment, "assignment.handIn", (i) => i.assignmentId).mutation(async ({ ctx, input }) => {
    const { author } = await asAuthor(ctx.db, ctx.scope, input.assignmentId);
    const assignment = await assignmentDetail(ctx.db, input.assignmentId);
    return handInDocument(ctx.db, assignment, author, ctx.scope.personId);
  }),

  submit: objectProcedure(byAssignment, "assignment.handIn", (i) => i.assignmentId).mutation(async ({ ctx, input }) => {
    const { author } = await asAuthor(ctx.db, ctx.scope, input.assignmentId);
    await submitHandIn(ctx.db, input.assignmentId, author, ctx.scope.personId);
    await handInDocumentChanged(ctx, await findHandIn(ctx.db, input.assignmentId, author));
  }),

  takeBack: objectProcedure(byAssignment, "assignment.handIn", (i) => i.assignmentId).mutation(async ({ ctx, input }) => {
    const { assignment, author } = await asAuthor(ctx.db, ctx.scope, input.assignmentId);
    await takeBackHandIn(ctx.db, assignment, author);
    await handInDocumentChanged(ctx, await findHandIn(ctx.db, input.assignmentId, author));
  }),

  /** Adds a corrected copy (copie corrigée) to a handed-in work; its authors download it once the work is returned. */
  attachCorrection: objectProcedure(byHandIn.extend({ file: uploadInput(WIRE_MAX_BYTES) }), "handIn.return", (i) => i.handInId).mutation(
    async ({ ctx, input }) => {
      const upload = { name: input.file.name, bytes: Buffer.from(input.file.content, "base64") };
      return { storedFileId: await attachCorrection(ctx.db, getFileStore(), ctx.scope, input.handInId, upload, fileLimits().maxUploadBytes) };
    },
  ),

  detachCorrection: objectProcedure(byHandIn.extend({ storedFileId: z.uuid() }), "handIn.return", (i) => i.handInId).mutation(({ ctx, input }) =>
    detachCorrection(ctx.db, getFileStore(), input.handInId, input.storedFileId),
  ),

  /** Returns a hand-in with a comment, and a mark out of a scale when the teacher gives one. */
  return: objectProcedure(
    z.object({
      handInId: z.uuid(),
      comment: z.string().trim().max(4000, "handIns.errors.comment"),
      mark: z.number().min(0).max(1000).nullable(),
      markOutOf: z.number().int().min(1).max(1000).nullable(),
    }),
    "handIn.return",
    (i) => i.handInId,
  ).mutation(async ({ ctx, input }) => {
    const returned = await returnHandIn(ctx.db, input.handInId, ctx.scope.personId, input);
    await handInDocumentChanged(ctx, returned);
    await ctx.bus.publish("handIn.returned", {
      establishmentId: ctx.scope.establishmentId,
      handInId: returned.id,
      assignmentId: returned.assignmentId,
      studentIds: await authorsOf(ctx.db, returned),
    });
  }),
});
