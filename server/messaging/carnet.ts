import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { carnetNotes, carnetRecipients, classEnrolments, classes, guardianships, people, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import type { DomainEvents } from "@/server/events";
import type { Scope } from "@/server/policy/scope";

export type CarnetAudience = { classId: string } | { studentId: string };

const pupil = alias(people, "pupil");

/** The guardians (who receive the school's information) of a class's pupils or of one pupil, with the pupil concerned. */
async function guardiansOf(db: Db, establishmentId: string, audience: CarnetAudience) {
  const pupils =
    "classId" in audience
      ? db.select({ id: classEnrolments.studentId }).from(classEnrolments).where(eq(classEnrolments.classId, audience.classId))
      : db.select({ id: people.id }).from(people).where(eq(people.id, audience.studentId));
  return db
    .select({ guardianId: guardianships.guardianId, studentId: guardianships.studentId })
    .from(guardianships)
    .innerJoin(profiles, and(eq(profiles.personId, guardianships.guardianId), eq(profiles.establishmentId, establishmentId), eq(profiles.role, "guardian")))
    .where(and(inArray(guardianships.studentId, pupils), eq(guardianships.receivesInformation, true)));
}

/** Sends a note of the carnet de liaison: every guardian of the audience gets their copy to acknowledge. */
export async function sendNote(
  db: Db,
  scope: Scope,
  input: CarnetAudience & { title: string; body: string },
): Promise<DomainEvents["carnet.sent"]> {
  const recipients = await guardiansOf(db, scope.establishmentId, input);
  if (recipients.length === 0) throw new DomainError("messaging.errors.noGuardian");
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(carnetNotes)
      .values({
        establishmentId: scope.establishmentId,
        authorId: scope.personId,
        classId: "classId" in input ? input.classId : null,
        studentId: "studentId" in input ? input.studentId : null,
        title: input.title,
        body: input.body,
      })
      .returning();
    await tx.insert(carnetRecipients).values(recipients.map((r) => ({ noteId: note.id, ...r })));
    return {
      establishmentId: scope.establishmentId,
      noteId: note.id,
      authorId: scope.personId,
      guardianIds: [...new Set(recipients.map((r) => r.guardianId))],
      reminder: false,
    };
  });
}

const acknowledged = sql<number>`count(${carnetRecipients.acknowledgedAt})`.mapWith(Number);

/** The notes this person sent, newest first, with how many copies were acknowledged. */
export async function sentNotes(db: Db, scope: Scope) {
  return db
    .select({
      id: carnetNotes.id,
      title: carnetNotes.title,
      createdAt: carnetNotes.createdAt,
      className: classes.name,
      pupil: { firstName: pupil.firstName, lastName: pupil.lastName },
      total: count(),
      acknowledged,
    })
    .from(carnetNotes)
    .innerJoin(carnetRecipients, eq(carnetRecipients.noteId, carnetNotes.id))
    .leftJoin(classes, eq(classes.id, carnetNotes.classId))
    .leftJoin(pupil, eq(pupil.id, carnetNotes.studentId))
    .where(and(eq(carnetNotes.establishmentId, scope.establishmentId), eq(carnetNotes.authorId, scope.personId)))
    .groupBy(carnetNotes.id, classes.name, pupil.firstName, pupil.lastName)
    .orderBy(desc(carnetNotes.createdAt))
    .limit(50);
}

/** A note and each guardian's copy: who acknowledged it and when, who was reminded. */
export async function noteFollowUp(db: Db, noteId: string) {
  const [note] = await db.select().from(carnetNotes).where(eq(carnetNotes.id, noteId));
  const copies = await db
    .select({
      guardianId: carnetRecipients.guardianId,
      guardian: { firstName: people.firstName, lastName: people.lastName },
      pupil: { firstName: pupil.firstName, lastName: pupil.lastName },
      acknowledgedAt: carnetRecipients.acknowledgedAt,
      remindedAt: carnetRecipients.remindedAt,
    })
    .from(carnetRecipients)
    .innerJoin(people, eq(people.id, carnetRecipients.guardianId))
    .innerJoin(pupil, eq(pupil.id, carnetRecipients.studentId))
    .where(eq(carnetRecipients.noteId, noteId))
    .orderBy(asc(pupil.lastName), asc(pupil.firstName), asc(people.lastName));
  return { id: note.id, title: note.title, body: note.body, createdAt: note.createdAt, copies };
}

/** Reminds the guardians who have not acknowledged the note yet. */
export async function remindNote(db: Db, scope: Scope, noteId: string): Promise<DomainEvents["carnet.sent"]> {
  const reminded = await db
    .update(carnetRecipients)
    .set({ remindedAt: new Date() })
    .where(and(eq(carnetRecipients.noteId, noteId), isNull(carnetRecipients.acknowledgedAt)))
    .returning({ guardianId: carnetRecipients.guardianId });
  return {
    establishmentId: scope.establishmentId,
    noteId,
    authorId: scope.personId,
    guardianIds: [...new Set(reminded.map((r) => r.guardianId))],
    reminder: true,
  };
}

/** A guardian's notes, newest first, each with the children it is about and whether they acknowledged it. */
export async function guardianNotes(db: Db, scope: Scope, options: { waitingOnly: boolean }) {
  const author = alias(people, "author");
  return db
    .select({
      id: carnetNotes.id,
      title: carnetNotes.title,
      body: carnetNotes.body,
      createdAt: carnetNotes.createdAt,
      author: { firstName: author.firstName, lastName: author.lastName },
      children: sql<string[]>`array_agg(${pupil.firstName} order by ${pupil.firstName})`,
      acknowledgedAt: sql<Date | null>`min(${carnetRecipients.acknowledgedAt})`.mapWith(carnetRecipients.acknowledgedAt),
    })
    .from(carnetRecipients)
    .innerJoin(carnetNotes, eq(carnetNotes.id, carnetRecipients.noteId))
    .innerJoin(pupil, eq(pupil.id, carnetRecipients.studentId))
    .leftJoin(author, eq(author.id, carnetNotes.authorId))
    .where(
      and(
        eq(carnetRecipients.guardianId, scope.personId),
        eq(carnetNotes.establishmentId, scope.establishmentId),
        options.waitingOnly ? isNull(carnetRecipients.acknowledgedAt) : undefined,
      ),
    )
    .groupBy(carnetNotes.id, author.firstName, author.lastName)
    .orderBy(desc(carnetNotes.createdAt))
    .limit(50);
}

/** The guardian acknowledges ("vu") the note for each of their children it concerns. */
export async function acknowledgeNote(db: Db, scope: Scope, noteId: string): Promise<DomainEvents["carnet.acknowledged"]> {
  await db
    .update(carnetRecipients)
    .set({ acknowledgedAt: new Date() })
    .where(and(eq(carnetRecipients.noteId, noteId), eq(carnetRecipients.guardianId, scope.personId), isNull(carnetRecipients.acknowledgedAt)));
  const [note] = await db.select({ authorId: carnetNotes.authorId }).from(carnetNotes).where(eq(carnetNotes.id, noteId));
  return { establishmentId: scope.establishmentId, noteId, authorId: note.authorId ?? "", guardianId: scope.personId };
}

/** Facts the access policy needs about a note. */
export async function noteTarget(db: Db, noteId: string) {
  const [note] = await db
    .select({ establishmentId: carnetNotes.establishmentId, authorId: carnetNotes.authorId })
    .from(carnetNotes)
    .where(eq(carnetNotes.id, noteId));
  return note ?? null;
}

export async function isNoteRecipient(db: Db, scope: Scope, noteId: string): Promise<boolean> {
  const rows = await db
    .select({ noteId: carnetRecipients.noteId })
    .from(carnetRecipients)
    .where(and(eq(carnetRecipients.noteId, noteId), eq(carnetRecipients.guardianId, scope.personId)))
    .limit(1);
  return rows.length > 0;
}
