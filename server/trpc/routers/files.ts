import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { getFileStore } from "@/server/files";
import { CONTENT_TYPES } from "@/server/files/sniff";
import { placeAccess } from "@/server/policy/space-content-access";
import { MY_FILES } from "@/server/policy/rules/space-content";
import { readStoredFile } from "@/server/space-files/download";
import { addFile, deleteFile, filesIn, moveFile, placeOfFile, quotaOf, renameFile, shareWithFamilies, usedBytes } from "@/server/space-files/files";
import { allFolders, createFolder, deleteFolder, folderPath, moveFolder, renameFolder, subfolders } from "@/server/space-files/folders";
import { fileLimits } from "@/server/space-files/limits";
import type { Place } from "@/server/space-files/place";
import { objectProcedure, router } from "../init";
import { uploadInput, WIRE_MAX_BYTES } from "./inputs";

/** A place of files: a space (its id), or the person's own files (null: Mes fichiers). */
const place = z.object({ spaceId: z.uuid().nullable() });
const placeTarget = (input: { spaceId: string | null }) => input.spaceId ?? MY_FILES;
const placeOf = (spaceId: string | null, personId: string): Place => (spaceId ? { spaceId } : { ownerId: personId });
const folderId = z.uuid().nullable();
const name = z.string().trim().min(1, "spaces.errors.name").max(120, "spaces.errors.name");
const byFile = z.object({ fileId: z.uuid() });
const byFolder = z.object({ folderId: z.uuid() });

/** Files: a space's folders and files, each person's own files (Mes fichiers), and downloads of any stored file. */
export const filesRouter = router({
  /** A folder of a place (or its top): its folders, its files, the way back up, and how full the place is. */
  list: objectProcedure(place.extend({ folderId }), "files.read", placeTarget).query(async ({ ctx, input }) => {
    const where = placeOf(input.spaceId, ctx.scope.personId);
    const access = await placeAccess(ctx.db, ctx.scope, { spaceId: input.spaceId, ownerId: input.spaceId ? null : ctx.scope.personId });
    const family = access === "family";
    const [path, folders, files, used, destinations] = await Promise.all([
      folderPath(ctx.db, where, input.folderId),
      family ? [] : subfolders(ctx.db, where, input.folderId),
      filesIn(ctx.db, where, input.folderId, family),
      usedBytes(ctx.db, where),
      family ? [] : allFolders(ctx.db, where),
    ]);
    if (input.folderId && path.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound" });
    return { access, path, folders, files, destinations, used, quota: quotaOf(where, fileLimits()), viewerId: ctx.scope.personId };
  }),

  upload: objectProcedure(
    place.extend({ folderId, forFamilies: z.boolean().default(false), file: uploadInput(WIRE_MAX_BYTES) }),
    "files.write",
    placeTarget,
  ).mutation(({ ctx, input }) =>
    addFile(
      ctx.db,
      getFileStore(),
      ctx.scope,
      placeOf(input.spaceId, ctx.scope.personId),
      { name: input.file.name, bytes: Buffer.from(input.file.content, "base64"), folderId: input.folderId, forFamilies: input.forFamilies },
      fileLimits(),
    ),
  ),

  /** An image for a co-edited document of the space: images only, kept in the space's files. */
  uploadImage: objectProcedure(z.object({ spaceId: z.uuid(), file: uploadInput(WIRE_MAX_BYTES) }), "space.contribute", (i) => i.spaceId).mutation(
    ({ ctx, input }) =>
      addFile(
        ctx.db,
        getFileStore(),
        ctx.scope,
        { spaceId: input.spaceId },
        { name: input.file.name, bytes: Buffer.from(input.file.content, "base64"), folderId: null, forFamilies: false },
        fileLimits(),
        CONTENT_TYPES.image,
      ),
  ),

  createFolder: objectProcedure(place.extend({ parentId: folderId, name }), "files.write", placeTarget).mutation(async ({ ctx, input }) => ({
    id: await createFolder(ctx.db, ctx.scope.establishmentId, placeOf(input.spaceId, ctx.scope.personId), input.parentId, input.name),
  })),

  renameFolder: objectProcedure(byFolder.extend({ name }), "folder.edit", (i) => i.folderId).mutation(({ ctx, input }) =>
    renameFolder(ctx.db, input.folderId, input.name),
  ),

  moveFolder: objectProcedure(byFolder.extend({ parentId: folderId }), "folder.edit", (i) => i.folderId).mutation(({ ctx, input }) =>
    moveFolder(ctx.db, input.folderId, input.parentId),
  ),

  removeFolder: objectProcedure(byFolder, "folder.edit", (i) => i.folderId).mutation(({ ctx, input }) =>
    deleteFolder(ctx.db, getFileStore(), input.folderId),
  ),

  renameFile: objectProcedure(byFile.extend({ name }), "spaceFile.edit", (i) => i.fileId).mutation(({ ctx, input }) => renameFile(ctx.db, input.fileId, input.name)),

  moveFile: objectProcedure(byFile.extend({ folderId }), "spaceFile.edit", (i) => i.fileId).mutation(({ ctx, input }) =>
    moveFile(ctx.db, input.fileId, input.folderId),
  ),

  /** Shares a class space's file with families, or stops sharing it. */
  shareFile: objectProcedure(byFile.extend({ forFamilies: z.boolean() }), "spaceFile.edit", (i) => i.fileId).mutation(async ({ ctx, input }) => {
    const where = await placeOfFile(ctx.db, input.fileId);
    if (!("spaceId" in where)) throw new TRPCError({ code: "BAD_REQUEST", message: "spaces.errors.noFamilies" });
    await shareWithFamilies(ctx.db, input.fileId, input.forFamilies);
  }),

  removeFile: objectProcedure(byFile, "spaceFile.edit", (i) => i.fileId).mutation(({ ctx, input }) => deleteFile(ctx.db, getFileStore(), input.fileId)),

  /** A stored file's bytes in base64, for the download route: of a place the person reads, or of a hand-in of theirs. */
  download: objectProcedure(z.object({ storedFileId: z.uuid() }), "file.download", (i) => i.storedFileId).query(async ({ ctx, input }) => {
    const file = await readStoredFile(ctx.db, getFileStore(), input.storedFileId);
    if (!file) throw new TRPCError({ code: "NOT_FOUND", message: "errors.notFound" });
    return { name: file.name, contentType: file.contentType, content: Buffer.from(file.bytes).toString("base64") };
  }),
});
