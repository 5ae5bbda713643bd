import { and, eq } from "drizzle-orm";
import { classes, documents, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { ensureClassSpaces } from "@/server/spaces/class-spaces";
import type { Random } from "./random";

/** Whose spaces the demo shows: the pinned class's space, a group-work team in it, and a club. */
export interface DemoSpacePins {
  establishmentIds: string[];
  /** the establishment and class of the group-work team */
  establishmentId: string;
  className: string;
  leadTeacherId: string;
  /** the two pupils of the group-work team (emma.bernard and hugo.petit) */
  pupilIds: [string, string];
  /** a pupil of another class, in the club with the first pupil */
  otherPupilId: string;
}

export const DEMO_GROUP_WORK = "Exposé : la Révolution française";
export const DEMO_GROUP_DOCUMENT = "Notre exposé";
export const DEMO_CLUB = "Club théâtre";

/**
 * Every class's space, then in the pinned class a group-work team of two pupils with the document they write together,
 * and a club (team space) of the lead teacher with pupils of two classes.
 */
export async function seedDemoSpaces(db: Db, pins: DemoSpacePins, random: Random): Promise<void> {
  for (const establishmentId of pins.establishmentIds) await ensureClassSpaces(db, establishmentId);
  const [classSpace] = await db
    .select({ id: spaces.id, classId: spaces.classId })
    .from(spaces)
    .innerJoin(classes, eq(classes.id, spaces.classId))
    .where(and(eq(spaces.kind, "class"), eq(classes.establishmentId, pins.establishmentId), eq(classes.name, pins.className)));

  const groupWorkId = random.uuid();
  const clubId = random.uuid();
  await db.insert(spaces).values([
    {
      id: groupWorkId,
      establishmentId: pins.establishmentId,
      kind: "groupWork",
      name: DEMO_GROUP_WORK,
      classId: classSpace.classId,
      parentSpaceId: classSpace.id,
      createdBy: pins.leadTeacherId,
    },
    {
      id: clubId,
      establishmentId: pins.establishmentId,
      kind: "team",
      name: DEMO_CLUB,
      description: "Répétitions le jeudi de 13 h à 14 h, salle polyvalente.",
      createdBy: pins.leadTeacherId,
    },
  ]);
  const [first, second] = pins.pupilIds;
  await db.insert(spaceMembers).values([
    { spaceId: groupWorkId, personId: first, role: "contributor" },
    { spaceId: groupWorkId, personId: second, role: "contributor" },
    { spaceId: clubId, personId: pins.leadTeacherId, role: "owner" },
    { spaceId: clubId, personId: first, role: "contributor" },
    { spaceId: clubId, personId: pins.otherPupilId, role: "contributor" },
  ]);
  await db.insert(documents).values({ id: random.uuid(), spaceId: groupWorkId, title: DEMO_GROUP_DOCUMENT, createdBy: first });
}
