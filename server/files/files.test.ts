import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { establishments, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { deleteStoredFile, findStoredFile, storeUpload } from "./files";
import { localDiskStore } from "./local-disk-store";
import { SCHOOL_WORK_TYPES } from "./sniff";
import type { FileStore } from "./store";

const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
const RULES = { accept: SCHOOL_WORK_TYPES, maxBytes: 1024 };

let database: Database;
let root: string;
let store: FileStore;
let owner: { establishmentId: string; uploadedBy: string };

beforeAll(async () => {
  database = await createTestDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), "preau-files-"));
  store = localDiskStore(root);
  const [establishment] = await database.db.insert(establishments).values({ uai: "0000001A", name: "Collège test", kind: "college" }).returning();
  const [person] = await database.db.insert(people).values({ login: "file.owner", firstName: "Ana", lastName: "Owner" }).returning();
  owner = { establishmentId: establishment.id, uploadedBy: person.id };
});

afterAll(async () => {
  await database.close();
  await rm(root, { recursive: true, force: true });
});

describe("an uploaded file", () => {
  it("is stored under a generated key with its type read from its bytes, and read back whole", async () => {
    const file = await storeUpload(database.db, store, owner, { name: "../../exposé final.pdf", bytes: PDF }, RULES);
    expect(file).toMatchObject({ name: "exposé final.pdf", contentType: "application/pdf", size: PDF.length });
    expect(file.storageKey).toMatch(/^[a-z0-9]{2}\/[a-z0-9-]{36}$/);
    expect(new Uint8Array(await store.read(file.storageKey))).toEqual(PDF);
    expect(await findStoredFile(database.db, file.id)).toEqual(file);
  });

  it("is refused when empty, too large, or not of an accepted type whatever its name says", async () => {
    const refused = (name: string, bytes: Uint8Array) => storeUpload(database.db, store, owner, { name, bytes }, RULES);
    await expect(refused("vide.pdf", new Uint8Array())).rejects.toThrow("files.errors.empty");
    await expect(refused("gros.pdf", new Uint8Array(2048).fill(65))).rejects.toThrow("files.errors.tooLarge");
    await expect(refused("photo.png", Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04]))).rejects.toThrow("files.errors.type");
    const pdfOnly = { accept: ["application/pdf"], maxBytes: 1024 };
    await expect(storeUpload(database.db, store, owner, { name: "a.pdf", bytes: new TextEncoder().encode("bonjour") }, pdfOnly)).rejects.toThrow(
      "files.errors.type",
    );
  });

  it("leaves nothing behind once deleted", async () => {
    const file = await storeUpload(database.db, store, owner, { name: "notes.txt", bytes: new TextEncoder().encode("Révisions\n") }, RULES);
    expect(file.contentType).toBe("text/plain");
    await deleteStoredFile(database.db, store, file.id);
    expect(await findStoredFile(database.db, file.id)).toBeUndefined();
    await expect(store.read(file.storageKey)).rejects.toThrow("No stored file");
  });
});

describe("the local disk store", () => {
  it("refuses keys it did not generate, so no path can leave its folder", async () => {
    await expect(store.put("../../etc/passwd", PDF)).rejects.toThrow("Not a storage key");
    await expect(store.read("ab/../../x")).rejects.toThrow("Not a storage key");
  });

  it("leaves no partial file beside the stored ones", async () => {
    const folders = await readdir(root);
    const names = (await Promise.all(folders.map((folder) => readdir(path.join(root, folder))))).flat();
    expect(names.some((name) => name.endsWith(".part"))).toBe(false);
  });
});
