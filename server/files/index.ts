import path from "node:path";
import { env } from "@/server/env";
import { localDiskStore } from "./local-disk-store";
import type { FileStore } from "./store";

const GLOBAL_KEY = Symbol.for("preau.fileStore");
type GlobalWithStore = typeof globalThis & { [GLOBAL_KEY]?: FileStore };

/** This process's file store: the local disk under PREAU_DATA_DIR/files. */
export function getFileStore(): FileStore {
  const store = globalThis as GlobalWithStore;
  store[GLOBAL_KEY] ??= localDiskStore(path.join(env().PREAU_DATA_DIR, "files"));
  return store[GLOBAL_KEY];
}

export type { FileStore } from "./store";
