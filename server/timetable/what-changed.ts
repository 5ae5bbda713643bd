/**
 * One-off changes to one occurrence of a lesson (the lesson planned on a day): cancelled, given to a substitute,
 * moved to another day, time or room, held remotely, turned into an exam, or annotated. An occurrence keeps at most
 * one change row, which holds all of these at once.
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

/** The occurrence as the weekly timetable plans it. */
export const NO_CHANGE: ChangeDraft = {
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

/**
 * What one saving did to an occurrence, as pupils and families are told it: cancelled, reinstated (no longer
 * cancelled), back as planned (every change removed), moved (day or time), a substitute, another room, held remotely
 * (a virtual class), back on site, made an exam (devoir surveillé), or something else (its note, an exam removed).
 */
export type LessonChangeAspect =
  | "cancelled"
  | "reinstated"
  | "asPlanned"
  | "moved"
  | "substitute"
  | "room"
  | "remote"
  | "onSite"
  | "exam"
  | "other";

export const isNoChange = (draft: ChangeDraft) => (Object.keys(NO_CHANGE) as (keyof ChangeDraft)[]).every((key) => draft[key] === NO_CHANGE[key]);

/** What differs from `before` to `after`, the most telling first; nothing when they are the same. */
export function whatChanged(before: ChangeDraft, after: ChangeDraft): LessonChangeAspect[] {
  const differs = (...keys: (keyof ChangeDraft)[]) => keys.some((key) => before[key] !== after[key]);
  if (!differs(...(Object.keys(NO_CHANGE) as (keyof ChangeDraft)[]))) return [];
  if (isNoChange(after)) return [before.cancelled ? "reinstated" : "asPlanned"];
  const aspects: [LessonChangeAspect, boolean][] = [
    ["cancelled", after.cancelled && !before.cancelled],
    ["reinstated", before.cancelled && !after.cancelled],
    ["moved", differs("movedToDate", "movedStartsAt", "movedEndsAt")],
    ["substitute", differs("substituteTeacherId")],
    ["room", differs("movedRoomId")],
    ["remote", after.remote && !before.remote],
    ["onSite", before.remote && !after.remote],
    ["exam", after.exam && !before.exam],
    ["other", (before.exam && !after.exam) || differs("note")],
  ];
  return aspects.filter(([, changed]) => changed).map(([aspect]) => aspect);
}
