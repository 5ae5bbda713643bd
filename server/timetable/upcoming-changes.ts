import { addDays, isoDate, mondayOf } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import type { LessonChangeAspect } from "./what-changed";
import type { DomainEvents } from "@/server/events";
import { type LessonFilter, type Occurrence, occurrencesBetween } from "./occurrences";
import { loadReferences } from "./references";

/**
 * What a change to the weekly timetable (a lesson added, edited or removed, an import, the weeks A and B) changes in
 * the coming days, as `lesson.changed` events that tell the pupils and families concerned. Only the next two weeks are
 * told: they hold a week A and a week B, so an alternating lesson's change is told at least once, and they are the
 * days families organise; each occurrence told is a notification (and an e-mail by default), so telling the whole
 * year would bury the rest. Later changes show in the timetable whenever they look.
 */
export const UPCOMING_DAYS = 14;

export type UpcomingChange = Omit<DomainEvents["lesson.changed"], "establishmentId" | "changeId">;

export function upcomingOccurrences(db: Db, filter: LessonFilter, now: Date): Promise<Occurrence[]> {
  const today = isoDate(now);
  return occurrencesBetween(db, filter, today, addDays(today, UPCOMING_DAYS - 1));
}

/**
 * Runs a change to the weekly timetable, and tells what it changed in the coming days of the lessons `filter` reaches
 * (after the change, those `reachAfter` names: a lesson edited may be carried on by a new one).
 */
export async function withUpcomingChanges<T>(
  db: Db,
  filter: LessonFilter,
  change: () => Promise<T>,
  { now = new Date(), reachAfter = () => filter }: { now?: Date; reachAfter?: (result: T) => LessonFilter } = {},
) {
  const before = await upcomingOccurrences(db, filter, now);
  const result = await change();
  const after = await upcomingOccurrences(db, reachAfter(result), now);
  return { result, changes: upcomingChanges(before, after) };
}

/** Every lesson of the establishment: what a change of the weeks A and B may reach. */
export async function everyLessonOf(db: Db, establishmentId: string): Promise<LessonFilter> {
  const refs = await loadReferences(db, establishmentId);
  return { establishmentId, classIds: refs.classes.map((c) => c.id), groupIds: refs.groups.map((g) => g.id) };
}

/** An occurrence as its pupils see it: when, what, where, with whom, and whether it is cancelled or changed that day. */
function asSeen(o: Occurrence): string {
  return JSON.stringify([
    o.audience.id,
    o.subject.id,
    o.on,
    o.startsAt,
    o.endsAt,
    o.room?.id ?? null,
    o.teachers.map((teacher) => teacher.id).sort(),
    o.change?.cancelled ?? false,
    o.change?.substitute?.id ?? null,
    o.change?.remote ?? false,
    o.change?.exam ?? false,
  ]);
}

/** The occurrences of `list` left once those matching one of `others` (each used once) are set aside. */
function without(list: Occurrence[], others: Occurrence[]): Occurrence[] {
  const counts = new Map<string, number>();
  for (const o of others) counts.set(asSeen(o), (counts.get(asSeen(o)) ?? 0) + 1);
  return list.filter((o) => {
    const left = counts.get(asSeen(o)) ?? 0;
    if (left > 0) counts.set(asSeen(o), left - 1);
    return left === 0;
  });
}

/**
 * The events that tell the difference between the coming days before and after a change. An occurrence that is new
 * or looks different is "changed", on the earlier of its day and that of the occurrence it replaces (the same
 * lesson's, or else the same subject's for the same class or group, in the same week). An occurrence that went without
 * a replacement is "cancelled", and the event says what it was, since its lesson may be gone or taught to others now.
 * Occurrences that look the same tell nothing: an import that writes a timetable again as it was tells nobody.
 */
export function upcomingChanges(before: Occurrence[], after: Occurrence[]): UpcomingChange[] {
  const gone = without(before, after);
  const arrived = without(after, before);
  const replaced = new Set<Occurrence>();
  const changes: UpcomingChange[] = [];
  for (const o of arrived) {
    const open = (g: Occurrence) => !replaced.has(g) && mondayOf(g.plannedOn) === mondayOf(o.plannedOn);
    const replacing =
      gone.find((g) => open(g) && g.lessonId === o.lessonId) ??
      gone.find((g) => open(g) && g.audience.id === o.audience.id && g.subject.id === o.subject.id);
    if (replacing) replaced.add(replacing);
    const onDate = replacing && replacing.plannedOn < o.plannedOn ? replacing.plannedOn : o.plannedOn;
    changes.push({ lessonId: o.lessonId, onDate, changes: aspectsOf(replacing, o) });
  }
  for (const g of gone) {
    if (replaced.has(g)) continue;
    const was = {
      subjectId: g.subject.id,
      classId: g.audience.kind === "class" ? g.audience.id : null,
      groupId: g.audience.kind === "group" ? g.audience.id : null,
    };
    changes.push({ lessonId: g.lessonId, onDate: g.plannedOn, changes: ["cancelled"], was });
  }
  return changes;
}

/** What families are told of an occurrence that replaces another (or is new): cancelled, moved, in another room. */
function aspectsOf(replaced: Occurrence | undefined, o: Occurrence): LessonChangeAspect[] {
  if (o.change?.cancelled) return ["cancelled"];
  if (!replaced) return ["other"];
  const aspects: LessonChangeAspect[] = [];
  if (replaced.on !== o.on || replaced.startsAt !== o.startsAt || replaced.endsAt !== o.endsAt) aspects.push("moved");
  if ((replaced.room?.id ?? null) !== (o.room?.id ?? null)) aspects.push("room");
  return aspects.length > 0 ? aspects : ["other"];
}
