import { and, eq, inArray } from "drizzle-orm";
import { classEnrolments, spaceMembers, spaces } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";

/** A team space (discipline team, project, club): its creator is its first owner and invites the others. */
export async function createTeamSpace(
  db: Db,
  creator: { establishmentId: string; personId: string },
  input: { name: string; description: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [space] = await tx
      .insert(spaces)
      .values({ establishmentId: creator.establishmentId, kind: "team", name: input.name, description: input.description, createdBy: creator.personId })
      .returning({ id: spaces.id });
    await tx.insert(spaceMembers).values({ spaceId: space.id, personId: creator.personId, role: "owner" });
    return space.id;
  });
}

/**
 * A group-work team inside a class space: pupils of that class only, as contributors. The class's teachers own it
 * through the class, so they are not listed as members.
 */
export async function createGroupWork(
  db: Db,
  creatorId: string,
  classSpaceId: string,
  input: { name: string; pupilIds: string[] },
): Promise<string> {
  const [classSpace] = await db
    .select({ establishmentId: spaces.establishmentId, classId: spaces.classId, kind: spaces.kind })
    .from(spaces)
    .where(eq(spaces.id, classSpaceId));
  if (classSpace?.kind !== "class" || !classSpace.classId) throw new DomainError("spaces.errors.notAClass");
  const pupilIds = [...new Set(input.pupilIds)];
  await requirePupilsOf(db, classSpace.classId, pupilIds);
  return db.transaction(async (tx) => {
    const [space] = await tx
      .insert(spaces)
      .values({
        establishmentId: classSpace.establishmentId,
        kind: "groupWork",
        name: input.name,
        classId: classSpace.classId,
        parentSpaceId: classSpaceId,
        createdBy: creatorId,
      })
      .returning({ id: spaces.id });
    if (pupilIds.length) await tx.insert(spaceMembers).values(pupilIds.map((personId) => ({ spaceId: space.id, personId, role: "contributor" as const })));
    return space.id;
  });
}

/** Refuses anyone who is not a pupil of the class. */
export async function requirePupilsOf(db: Db, classId: string, pupilIds: string[]): Promise<void> {
  if (pupilIds.length === 0) return;
  const found = await db
    .select({ id: classEnrolments.studentId })
    .from(classEnrolments)
    .where(and(eq(classEnrolments.classId, classId), inArray(classEnrolments.studentId, pupilIds)));
  if (found.length !== pupilIds.length) throw new DomainError("spaces.errors.notInClass");
}

/** The group-work teams of a class space. */
export async function groupWorksOf(db: Db, classSpaceId: string) {
  return db
    .select({ id: spaces.id, name: spaces.name })
    .from(spaces)
    .where(and(eq(spaces.parentSpaceId, classSpaceId), eq(spaces.kind, "groupWork")))
    .orderBy(spaces.name);
}
