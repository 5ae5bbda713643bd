import { type FileStore } from "@/server/files";
import { findStoredFile } from "@/server/files/files";

/** A stored file's name, type and bytes, for the download route (the policy has been asked before). */
export async function readStoredFile(db: Parameters<typeof findStoredFile>[0], store: FileStore, storedFileId: string) {
  const file = await findStoredFile(db, storedFileId);
  if (!file) return null;
  return { name: file.name, contentType: file.contentType, bytes: new Uint8Array(await store.read(file.storageKey)) };
}
