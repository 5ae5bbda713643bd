import { and, eq } from "drizzle-orm";
import { lessonChanges, lessons } from "@/drizzle/schema";
import { timeOfDay } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { DomainError } from "@/server/domain-error";
import { clashBetween, type Slot } from "./conflicts";
import { CLASH_ERRORS } from "./lessons";
import { type Occurrence, occurrenceOf, occurrencesBetween } from "./occurrences";
import { loadReferences } from "./references";
import { type ChangeDraft, isNoChange, type LessonChangeAspect, NO_CHANGE, whatChanged } from "./what-changed";

/** Saving one-off changes to a lesson's occurrence (what a change holds, and what one changed: what-changed.ts). */

export type Annotation = Pick<ChangeDraft, "remote" | "exam" | "note">;

/** A saved change: whether the occurrence is now cancelled, and what this saving changed (nothing, when it was so already). */
export interface SavedChange {
  cancelled: boolean;
  changes: LessonChangeAspect[];
}

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
  const base = await currentChange(db, occurrence);
  return saveChange(db, occurrence, { ...base, ...annotation, note: annotation.note?.trim() || null }, changedBy);
}

/** Gives the occurrence back its weekly form: no change at all. */
export async function restoreOccurrence(db: Db, establishmentId: string, occurrence: { lessonId: string; plannedOn: string }): Promise<SavedChange> {
  await plannedOccurrence(db, establishmentId, occurrence.lessonId, occurrence.plannedOn);
  const before = await currentChange(db, occurrence);
  await db
    .delete(lessonChanges)
    .where(and(eq(lessonChanges.lessonId, occurrence.lessonId), eq(lessonChanges.onDate, occurrence.plannedOn)));
  return { cancelled: false, changes: whatChanged(before, NO_CHANGE) };
}

/** The occurrence's change as it stands, its times as the forms write them (no change at all when it has no row). */
async function currentChange(db: Db, occurrence: { lessonId: string; plannedOn: string }): Promise<ChangeDraft> {
  const [row] = await db
    .select({
      cancelled: lessonChanges.cancelled,
      substituteTeacherId: lessonChanges.substituteTeacherId,
      movedToDate: lessonChanges.movedToDate,
      movedStartsAt: lessonChanges.movedStartsAt,
      movedEndsAt: lessonChanges.movedEndsAt,
      movedRoomId: lessonChanges.movedRoomId,
      remote: lessonChanges.remote,
      exam: lessonChanges.exam,
      note: lessonChanges.note,
    })
    .from(lessonChanges)
    .where(and(eq(lessonChanges.lessonId, occurrence.lessonId), eq(lessonChanges.onDate, occurrence.plannedOn)));
  if (!row) return NO_CHANGE;
  const hours = (at: string | null) => at && timeOfDay(at);
  return { ...row, movedStartsAt: hours(row.movedStartsAt), movedEndsAt: hours(row.movedEndsAt) };
}

/** Writes the occurrence's change (a change that changes nothing is removed) and says what it changed. */
async function saveChange(db: Db, occurrence: { lessonId: string; plannedOn: string }, draft: ChangeDraft, changedBy: string): Promise<SavedChange> {
  const where = and(eq(lessonChanges.lessonId, occurrence.lessonId), eq(lessonChanges.onDate, occurrence.plannedOn));
  const changes = whatChanged(await currentChange(db, occurrence), draft);
  if (isNoChange(draft)) {
    await db.delete(lessonChanges).where(where);
    return { cancelled: false, changes };
  }
  const values = { ...draft, changedBy, changedAt: new Date() };
  await db
    .insert(lessonChanges)
    .values({ lessonId: occurrence.lessonId, onDate: occurrence.plannedOn, ...values })
    .onConflictDoUpdate({ target: [lessonChanges.lessonId, lessonChanges.onDate], set: values });
  return { cancelled: draft.cancelled, changes };
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
