import { and, eq } from "drizzle-orm";
import { messageAttachments, storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { type FileStore, getFileStore } from "@/server/files";
import { findStoredFile, storeUpload, type Upload } from "@/server/files/files";
import { SCHOOL_WORK_TYPES } from "@/server/files/sniff";
import type { Scope } from "@/server/policy/scope";
import { messageAccess } from "./access";

/** A message's attachment: at most 10 MB, of what is exchanged at school, its type read from its bytes. */
export const ATTACHMENT_RULES = { accept: SCHOOL_WORK_TYPES, maxBytes: 10 * 1024 * 1024 };

/** Stores a file the person is about to attach to a message; it is theirs until it is sent. */
export async function uploadAttachment(db: Db, scope: Scope, upload: Upload, store: FileStore = getFileStore()) {
  const file = await storeUpload(db, store, { establishmentId: scope.establishmentId, uploadedBy: scope.personId }, upload, ATTACHMENT_RULES);
  return { id: file.id, name: file.name, size: file.size };
}

/** Whether this person sees a message that carries this file (the access policy's "attachment.read"). */
export async function seesAttachment(db: Db, scope: Scope, fileId: string): Promise<boolean> {
  const links = await db
    .select({ messageId: messageAttachments.messageId })
    .from(messageAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, messageAttachments.fileId))
    .where(and(eq(messageAttachments.fileId, fileId), eq(storedFiles.establishmentId, scope.establishmentId)));
  for (const link of links) if (await messageAccess(db, scope, link.messageId)) return true;
  return false;
}

/** The attachment's record and bytes, for the download route (after the policy's check). */
export async function readAttachment(db: Db, fileId: string, store: FileStore = getFileStore()) {
  const file = await findStoredFile(db, fileId);
  if (!file) return null;
  return { file, bytes: new Uint8Array(await store.read(file.storageKey)) };
}
