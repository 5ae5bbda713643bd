import { and, eq } from "drizzle-orm";
import { assignments, fileFolders, handInFiles, handIns, spaceFiles, spacePosts, spaces, storedFiles } from "@/drizzle/schema";
import { addDays, isoDate, schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db/client";
import { getFileStore } from "@/server/files";
import { newStorageKey } from "@/server/files/local-disk-store";
import { createHash } from "node:crypto";
import type { Random } from "./random";
import type { DemoSpacePins } from "./spaces";

export const DEMO_ASSIGNMENT = "Rédaction : un souvenir d'enfance";
export const DEMO_FOLDER = "Ressources";

const paragraph = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const DAY = 24 * 60 * 60 * 1000;

/**
 * What the pinned class's space shows: a few posts in its stream (one for families), a folder of resources with a
 * file shared with families, and an assignment to hand in that the classmate has already handed in. The files' bytes
 * go to this process's file store, like any upload.
 */
export async function seedDemoSpaceContent(db: Db, pins: DemoSpacePins, random: Random): Promise<void> {
  const [classSpace] = await db
    .select({ id: spaces.id })
    .from(spaces)
    .where(and(eq(spaces.kind, "class"), eq(spaces.establishmentId, pins.establishmentId), eq(spaces.name, pins.className)));
  const [pupil, classmate] = pins.pupilIds;
  const teacher = pins.leadTeacherId;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);

  await db.insert(spacePosts).values([
    { id: random.uuid(), spaceId: classSpace.id, authorId: teacher, audience: "families", createdAt: at(6), body: paragraph("Bienvenue dans l'espace de la 4eB ! Vous y trouverez les informations de la classe et les ressources des cours.") },
    { id: random.uuid(), spaceId: classSpace.id, authorId: teacher, audience: "members", createdAt: at(3), body: paragraph("Pour l'exposé sur la Révolution française, chaque équipe prépare un plan pour lundi.") },
    { id: random.uuid(), spaceId: classSpace.id, authorId: pupil, audience: "members", createdAt: at(1), body: paragraph("Quelqu'un a-t-il noté les pages à lire pour jeudi ?") },
  ]);

  const store = getFileStore();
  const addStored = async (name: string, text: string, uploadedBy: string) => {
    const bytes = new TextEncoder().encode(text);
    const storageKey = newStorageKey();
    await store.put(storageKey, bytes);
    const id = random.uuid();
    await db.insert(storedFiles).values({
      id,
      establishmentId: pins.establishmentId,
      uploadedBy,
      storageKey,
      name,
      contentType: "text/plain",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    return id;
  };

  const folderId = random.uuid();
  await db.insert(fileFolders).values({ id: folderId, establishmentId: pins.establishmentId, spaceId: classSpace.id, name: DEMO_FOLDER });
  const guide = await addStored("Fournitures de l'année.txt", "Un classeur grand format, des copies doubles, un dictionnaire de poche.\n", teacher);
  const method = await addStored("Méthode de la rédaction.txt", "1. Lire le sujet. 2. Faire un plan. 3. Rédiger au brouillon. 4. Se relire.\n", teacher);
  await db.insert(spaceFiles).values([
    { id: random.uuid(), establishmentId: pins.establishmentId, spaceId: classSpace.id, folderId, storedFileId: guide, name: "Fournitures de l'année.txt", forFamilies: true, addedBy: teacher },
    { id: random.uuid(), establishmentId: pins.establishmentId, spaceId: classSpace.id, folderId, storedFileId: method, name: "Méthode de la rédaction.txt", addedBy: teacher },
  ]);

  const assignmentId = random.uuid();
  await db.insert(assignments).values({
    id: assignmentId,
    establishmentId: pins.establishmentId,
    spaceId: classSpace.id,
    title: DEMO_ASSIGNMENT,
    instructions: paragraph("Racontez en une page un souvenir d'enfance, au passé simple et à l'imparfait."),
    // as a teacher sets it: at six in the evening, a week from now
    dueAt: schoolInstant(addDays(isoDate(new Date(now)), 7), "18:00"),
    createdBy: teacher,
    createdAt: at(2),
  });
  const handInId = random.uuid();
  await db.insert(handIns).values({ id: handInId, assignmentId, studentId: classmate, status: "handedIn", handedInAt: at(1), handedInBy: classmate });
  const work = await addStored("Ma rédaction.txt", "Ce jour-là, nous partîmes très tôt pour la mer...\n", classmate);
  await db.insert(handInFiles).values({ handInId, storedFileId: work });
}
