import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, establishments, people, spaces } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { localDiskStore } from "@/server/files/local-disk-store";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { addFile, usedBytes } from "./files";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const base64 = (text: string) => Buffer.from(text).toString("base64");
const EXECUTABLE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff]).toString("base64");

let database: Database;
let root: string;
let emma: Caller;
let claire: Caller;
let class4eB: string;

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  root = await mkdtemp(path.join(os.tmpdir(), "preau-space-files-"));
  emma = await callerFor(database.db, DEMO_ACCOUNTS.student.login, COLLEGE);
  claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE);
  const [space] = await database.db
    .select({ id: spaces.id })
    .from(spaces)
    .innerJoin(classes, eq(classes.id, spaces.classId))
    .where(and(eq(spaces.kind, "class"), eq(classes.name, "4eB")));
  class4eB = space.id;
}, 120_000);

afterAll(async () => {
  await database.close();
  await rm(root, { recursive: true, force: true });
});

describe("a space's files", () => {
  it("are uploaded by a pupil and downloaded by the teacher, whole and under the name given", async () => {
    const { storedFileId } = await emma.files.upload({ spaceId: class4eB, folderId: null, file: { name: "plan.txt", content: base64("I. Causes\n") } });
    const download = await claire.files.download({ storedFileId });
    expect(download).toMatchObject({ name: "plan.txt", contentType: "text/plain" });
    expect(Buffer.from(download.content, "base64").toString()).toBe("I. Causes\n");
  });

  it("are refused to people outside the space, and to another establishment's people", async () => {
    const { storedFileId } = await emma.files.upload({ spaceId: class4eB, folderId: null, file: { name: "a.txt", content: base64("x\n") } });
    for (const [login, uai] of [
      [DEMO_ACCOUNTS.otherTeacher.login, COLLEGE],
      [DEMO_ACCOUNTS.sibling.login, COLLEGE],
      [DEMO_ACCOUNTS.ecoleDirection.login, DEMO_ESTABLISHMENTS.ecole.uai],
    ]) {
      const other = await callerFor(database.db, login, uai);
      await expect(other.files.download({ storedFileId })).rejects.toThrow("errors.forbidden");
    }
  });

  it("reach families only once shared with them", async () => {
    const sophie = await callerFor(database.db, DEMO_ACCOUNTS.guardian.login, COLLEGE);
    const { id, storedFileId } = await claire.files.upload({ spaceId: class4eB, folderId: null, file: { name: "sortie.txt", content: base64("Sortie\n") } });
    await expect(sophie.files.download({ storedFileId })).rejects.toThrow("errors.forbidden");
    expect((await sophie.files.list({ spaceId: class4eB, folderId: null })).files.map((f) => f.id)).not.toContain(id);
    await claire.files.shareFile({ fileId: id, forFamilies: true });
    expect((await sophie.files.download({ storedFileId })).name).toBe("sortie.txt");
  });

  it("are type-checked by content: an executable named .pdf is refused, and the editor's images are images only", async () => {
    await expect(emma.files.upload({ spaceId: class4eB, folderId: null, file: { name: "devoir.pdf", content: EXECUTABLE } })).rejects.toThrow(
      "files.errors.type",
    );
    await expect(emma.files.uploadImage({ spaceId: class4eB, file: { name: "image.png", content: base64("pas une image\n") } })).rejects.toThrow(
      "files.errors.type",
    );
  });

  it("stay in their place: a folder of another place is refused", async () => {
    const mine = await emma.files.createFolder({ spaceId: null, parentId: null, name: "Perso" });
    await expect(emma.files.upload({ spaceId: class4eB, folderId: mine.id, file: { name: "a.txt", content: base64("x\n") } })).rejects.toThrow(
      "spaces.errors.folder",
    );
  });
});

describe("a quota", () => {
  it("refuses the upload that would go past it, and counts what a place holds", async () => {
    const store = localDiskStore(root);
    const [person] = await database.db.select().from(people).where(eq(people.login, DEMO_ACCOUNTS.secretariat.login));
    const [establishment] = await database.db.select().from(establishments).where(eq(establishments.uai, COLLEGE));
    const who = { establishmentId: establishment.id, personId: person.id };
    const place = { ownerId: person.id };
    const limits = { spaceQuotaBytes: 10, personalQuotaBytes: 10, maxUploadBytes: 100 };
    const upload = (text: string) => addFile(database.db, store, who, place, { name: "n.txt", bytes: new TextEncoder().encode(text), folderId: null, forFamilies: false }, limits);
    await upload("123456\n");
    await expect(upload("abcdef\n")).rejects.toThrow("files.errors.quota");
    expect(await usedBytes(database.db, place)).toBe(7);
    await expect(addFile(database.db, store, who, place, { name: "big.txt", bytes: new Uint8Array(200).fill(65), folderId: null, forFamilies: false }, { ...limits, personalQuotaBytes: 1000 })).rejects.toThrow(
      "files.errors.tooLarge",
    );
  });
});
