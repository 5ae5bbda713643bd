import { and, eq } from "drizzle-orm";
import { lessonChanges, lessons } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { clashBetween, type Slot } from "./conflicts";
import { CLASH_ERRORS } from "./lessons";
import { type Occurrence, occurrenceOf, occurrencesBetween } from "./occurrences";
import { loadReferences } from "./references";

/**
 * One-off changes to one occurrence of a lesson (the lesson planned on a day): cancelled, given to a substitute,
 * moved to another day, time or room, held remotely, turned into an exam, or annotated. An occurrence keeps at most
 * one change row, which holds all of these at once; a change that changes nothing is removed.
 */
export interface ChangeDraft {
  cancelled: boolean;
  substituteTeacherId: string | null;
  movedToDate: string | null;
  movedStartsAt: string | null;
  movedEndsAt: string | null;
  movedRoomId: string | null;
  remote: boolean;
  exam: boolean;
  note: string | null;
}

export type Annotation = Pick<ChangeDraft, "remote" | "exam" | "note">;

const NO_CHANGE: ChangeDraft = {
  cancelled: false,
  substituteTeacherId: null,
  movedToDate: null,
  movedStartsAt: null,
  movedEndsAt: null,
  movedRoomId: null,
  remote: false,
  exam: false,
  note: null,
};

async function plannedOccurrence(db: Db, establishmentId: string, lessonId: string, plannedOn: string) {
  const occurrence = await occurrenceOf(db, establishmentId, lessonId, plannedOn);
  if (!occurrence) throw new DomainError("timetable.errors.notPlanned");
  return occurrence;
}

/** Sets every part of an occurrence's change (the vie scolaire or direction form). */
export async function changeOccurrence(
  db: Db,
  establishmentId: string,
  changedBy: string,
  occurrence: { lessonId: string; plannedOn: string },
  draft: ChangeDraft,
) {
  const current = await plannedOccurrence(db, establishmentId, occurrence.lessonId, occurrence.plannedOn);
  if ((draft.movedStartsAt === null) !== (draft.movedEndsAt === null)) throw new DomainError("timetable.errors.movedTimes");
  if (draft.movedStartsAt && draft.movedEndsAt && draft.movedStartsAt >= draft.movedEndsAt) {
    throw new DomainError("timetable.errors.endsBeforeStart");
  }
  const refs = await loadReferences(db, establishmentId);
  if (draft.substituteTeacherId && !refs.teachers.some((t) => t.id === draft.substituteTeacherId)) {
    throw new DomainError("timetable.errors.unknownTeacher");
  }
  if (draft.movedRoomId && !refs.rooms.some((r) => r.id === draft.movedRoomId)) throw new DomainError("timetable.errors.unknownRoom");
  if (!draft.cancelled) await checkFreeSlot(db, establishmentId, current, draft);
  return saveChange(db, occurrence, { ...draft, note: draft.note?.trim() || null }, changedBy);
}

/** Marks an occurrence remote or exam, or notes something on it, leaving the rest of its change as it is. */
export async function annotateOccurrence(
  db: Db,
  establishmentId: string,
  changedBy: string,
  occurrence: { lessonId: string; plannedOn: string },
  annotation: Annotation,
) {
  await plannedOccurrence(db, establishmentId, occurrence.lessonId, occurrence.plannedOn);
  const [existing] = await db
    .select()
    .from(lessonChanges)
    .where(and(eq(lessonChanges.lessonId, occurrence.lessonId), eq(lessonChanges.onDate, occurrence.plannedOn)));
  const base: ChangeDraft = existing
    ? {
        cancelled: existing.cancelled,
        substituteTeacherId: existing.substituteTeacherId,
        movedToDate: existing.movedToDate,
        movedStartsAt: existing.movedStartsAt,
        movedEndsAt: existing.movedEndsAt,
        movedRoomId: existing.movedRoomId,
        remote: existing.remote,
        exam: existing.exam,
        note: existing.note,
      }
    : NO_CHANGE;
  return saveChange(db, occurrence, { ...base, ...annotation, note: annotation.note?.trim() || null }, changedBy);
}

/** Gives the occurrence back its weekly form: no change at all. */
export async function restoreOccurrence(db: Db, establishmentId: string, occurrence: { lessonId: string; plannedOn: string }) {
  await plannedOccurrence(db, establishmentId, occurrence.lessonId, occurrence.plannedOn);
  await db
    .delete(lessonChanges)
    .where(and(eq(lessonChanges.lessonId, occurrence.lessonId), eq(lessonChanges.onDate, occurrence.plannedOn)));
  return { cancelled: false };
}

async function saveChange(db: Db, occurrence: { lessonId: string; plannedOn: string }, draft: ChangeDraft, changedBy: string) {
  const where = and(eq(lessonChanges.lessonId, occurrence.lessonId), eq(lessonChanges.onDate, occurrence.plannedOn));
  const changesNothing = (Object.keys(NO_CHANGE) as (keyof ChangeDraft)[]).every((key) => draft[key] === NO_CHANGE[key]);
  if (changesNothing) {
    await db.delete(lessonChanges).where(where);
    return { cancelled: false };
  }
  const values = { ...draft, changedBy, changedAt: new Date() };
  await db
    .insert(lessonChanges)
    .values({ lessonId: occurrence.lessonId, onDate: occurrence.plannedOn, ...values })
    .onConflictDoUpdate({ target: [lessonChanges.lessonId, lessonChanges.onDate], set: values });
  return { cancelled: draft.cancelled };
}

/** An occurrence as a one-day slot, for the double-booking check. */
function daySlot(o: { on: string; startsAt: string; endsAt: string; audience: Occurrence["audience"] }, teacherIds: string[], roomId: string | null): Slot {
  return {
    weekday: 0,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    weeks: "every",
    validFrom: o.on,
    validUntil: o.on,
    teacherIds,
    roomId,
    classId: o.audience.kind === "class" ? o.audience.id : null,
    groupId: o.audience.kind === "group" ? o.audience.id : null,
  };
}

/**
 * Where the occurrence goes once changed (day, time, room, teacher), nothing else of its class or group, of its
 * teachers or of the room may take place: a lesson cannot be moved onto another.
 */
async function checkFreeSlot(db: Db, establishmentId: string, current: Occurrence, draft: ChangeDraft) {
  const [weekly] = await db.select({ roomId: lessons.roomId }).from(lessons).where(eq(lessons.id, current.lessonId));
  const teacherIds = draft.substituteTeacherId ? [draft.substituteTeacherId] : current.teachers.map((t) => t.id);
  const roomId = draft.movedRoomId ?? weekly?.roomId ?? null;
  const planned = daySlot(
    {
      on: draft.movedToDate ?? current.plannedOn,
      startsAt: draft.movedStartsAt ?? current.startsAt,
      endsAt: draft.movedEndsAt ?? current.endsAt,
      audience: current.audience,
    },
    teacherIds,
    roomId,
  );
  const sameDay = await occurrencesBetween(
    db,
    {
      establishmentId,
      classIds: planned.classId ? [planned.classId] : [],
      groupIds: planned.groupId ? [planned.groupId] : [],
      teacherIds,
      roomIds: roomId ? [roomId] : [],
    },
    planned.validFrom,
    planned.validFrom,
  );
  for (const other of sameDay) {
    if (other.change?.cancelled || (other.lessonId === current.lessonId && other.plannedOn === current.plannedOn)) continue;
    const otherTeachers = other.change?.substitute ? [other.change.substitute.id] : other.teachers.map((t) => t.id);
    const clash = clashBetween(planned, daySlot(other, otherTeachers, other.room?.id ?? null), new Map());
    if (clash) throw new DomainError(CLASH_ERRORS[clash]);
  }
}
