import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { storedFiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { newStorageKey } from "./local-disk-store";
import { displayName } from "./names";
import { sniffContentType } from "./sniff";
import type { FileStore } from "./store";

export type StoredFile = typeof storedFiles.$inferSelect;

export interface Upload {
  /** The name the person gave the file (display only). */
  name: string;
  bytes: Uint8Array;
}

export interface UploadRules {
  /** The content types this service accepts, as read from the bytes. */
  accept: readonly string[];
  maxBytes: number;
}

/** Checks an upload against a service's rules: not empty, not too large, and of an accepted type by its content. */
export async function checkUpload(upload: Upload, rules: UploadRules): Promise<string> {
  if (upload.bytes.length === 0) throw new DomainError("files.errors.empty");
  if (upload.bytes.length > rules.maxBytes) throw new DomainError("files.errors.tooLarge");
  const contentType = await sniffContentType(upload.bytes, upload.name);
  if (!contentType || !rules.accept.includes(contentType)) throw new DomainError("files.errors.type");
  return contentType;
}

/**
 * Stores an upload: its bytes first (durably, under a generated key), then its record. A crash between the two leaves
 * unreferenced bytes, never a record without its file.
 */
export async function storeUpload(
  db: Db,
  store: FileStore,
  owner: { establishmentId: string; uploadedBy: string },
  upload: Upload,
  rules: UploadRules,
): Promise<StoredFile> {
  const contentType = await checkUpload(upload, rules);
  const storageKey = newStorageKey();
  await store.put(storageKey, upload.bytes);
  const [file] = await db
    .insert(storedFiles)
    .values({
      ...owner,
      storageKey,
      name: displayName(upload.name),
      contentType,
      size: upload.bytes.length,
      sha256: createHash("sha256").update(upload.bytes).digest("hex"),
    })
    .returning();
  return file;
}

export async function findStoredFile(db: Db, fileId: string): Promise<StoredFile | undefined> {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  return file;
}

/** Deletes a file's record, then its bytes. */
export async function deleteStoredFile(db: Db, store: FileStore, fileId: string): Promise<void> {
  const [file] = await db.delete(storedFiles).where(eq(storedFiles.id, fileId)).returning();
  if (file) await store.delete(file.storageKey);
}
