import type {
  lessonChanges,
  lessons,
  lessonTeachers,
  rooms,
  schoolEventAudiences,
  schoolEvents,
  schoolWeeks,
} from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import {
  lessonChanges as lessonChangesTable,
  lessons as lessonsTable,
  lessonTeachers as lessonTeachersTable,
  rooms as roomsTable,
  schoolEventAudiences as audiencesTable,
  schoolEvents as eventsTable,
  schoolWeeks as schoolWeeksTable,
} from "@/drizzle/schema";
import { SCHOOL_YEAR } from "./calendar";
import type { EstablishmentKind } from "./curricula";
import type { Random } from "./random";
import { insertInChunks, type SeedRows } from "./rows";
import { alternatingWeeks, holidayEvents } from "./school-calendar";
import { weeklyHours } from "./weekly-hours";

/** The timetable of an establishment, generated after its classes, groups and services. */
export interface TimetableRows {
  rooms: (typeof rooms.$inferInsert)[];
  schoolWeeks: (typeof schoolWeeks.$inferInsert)[];
  lessons: (typeof lessons.$inferInsert & { id: string })[];
  lessonTeachers: (typeof lessonTeachers.$inferInsert)[];
  lessonChanges: (typeof lessonChanges.$inferInsert)[];
  schoolEvents: (typeof schoolEvents.$inferInsert & { id: string })[];
  schoolEventAudiences: (typeof schoolEventAudiences.$inferInsert)[];
}

export function emptyTimetable(): TimetableRows {
  return { rooms: [], schoolWeeks: [], lessons: [], lessonTeachers: [], lessonChanges: [], schoolEvents: [], schoolEventAudiences: [] };
}

interface Slot {
  weekday: number;
  startsAt: string;
  endsAt: string;
}

/** The hour slots of a collège or lycée week: Wednesday afternoon is free, a break at 10:00 and 15:30. */
const HOURS = [
  ["08:00", "09:00"],
  ["09:00", "10:00"],
  ["10:15", "11:15"],
  ["11:15", "12:15"],
  ["13:30", "14:30"],
  ["14:30", "15:30"],
  ["15:45", "16:45"],
] as const;
const SECONDARY_SLOTS: Slot[] = [1, 2, 3, 4, 5].flatMap((weekday) =>
  HOURS.slice(0, weekday === 3 ? 4 : HOURS.length).map(([startsAt, endsAt]) => ({ weekday, startsAt, endsAt })),
);
/** The école's half-days: four days, Wednesday off. */
const ECOLE_SLOTS: Slot[] = [1, 2, 4, 5].flatMap((weekday) => [
  { weekday, startsAt: "08:30", endsAt: "11:30" },
  { weekday, startsAt: "13:30", endsAt: "16:30" },
]);

/** Which rooms a subject needs; the others go to the class's home room or any classroom. */
const SPECIAL_ROOMS: Readonly<Record<string, readonly string[]>> = {
  EPS: ["Gymnase", "Plateau sportif", "Salle de danse"],
  SVT: ["Laboratoire SVT 1", "Laboratoire SVT 2"],
  "PH-CH": ["Laboratoire physique 1", "Laboratoire physique 2"],
  TECHN: ["Salle de technologie"],
  "A-PLA": ["Salle d'arts plastiques"],
  EDMUS: ["Salle de musique"],
  SNT: ["Salle informatique"],
  NSI: ["Salle informatique"],
};

type Week = "every" | "A" | "B";

interface Unit {
  teacherId: string;
  subjectId: string;
  code: string;
  classId: string | null;
  groupId: string | null;
  level: string;
  pupils: string[];
  hours: number;
}

/**
 * Lays every teaching assignment's weekly hours on the week's slots, greedily, the most constrained first (groups
 * that gather pupils of several classes), so that no pupil, teacher or room is in two places at once and each unit
 * is spread over the week. A half hour becomes a lesson on week A or B. Then rooms, A/B weeks and holidays.
 */
export function addTimetable(rows: SeedRows, establishmentId: string, random: Random): TimetableRows {
  const establishment = rows.establishments.find((e) => e.id === establishmentId)!;
  const schoolYear = rows.schoolYears.find((y) => y.establishmentId === establishmentId)!;
  const kind = establishment.kind as EstablishmentKind;
  const slots = kind === "ecole" ? ECOLE_SLOTS : SECONDARY_SLOTS;
  const timetable = emptyTimetable();
  const newId = () => random.uuid();

  const units = teachingUnits(rows, establishmentId, kind);
  const placements = placeUnits(random, units, slots, kind);
  const roomOf = assignRooms(placements, rows, establishmentId, newId, timetable);
  for (const placement of placements) {
    const slot = slots[placement.slot];
    const id = newId();
    timetable.lessons.push({
      id,
      establishmentId,
      schoolYearId: schoolYear.id!,
      subjectId: placement.unit.subjectId,
      classId: placement.unit.classId,
      groupId: placement.unit.groupId,
      roomId: roomOf.get(placement) ?? null,
      weekday: slot.weekday,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      weeks: placement.week,
      validFrom: SCHOOL_YEAR.startsOn,
      validUntil: SCHOOL_YEAR.endsOn,
    });
    timetable.lessonTeachers.push({ lessonId: id, teacherId: placement.unit.teacherId });
  }
  timetable.schoolWeeks.push(...alternatingWeeks(schoolYear.id!));
  timetable.schoolEvents.push(...holidayEvents(newId, establishmentId));
  return timetable;
}

function teachingUnits(rows: SeedRows, establishmentId: string, kind: EstablishmentKind): Unit[] {
  const levelOfClass = new Map(rows.classes.filter((c) => c.establishmentId === establishmentId).map((c) => [c.id!, c.level]));
  const classOfPupil = new Map(rows.classEnrolments.map((e) => [e.studentId, e.classId]));
  const pupilsOf = new Map<string, string[]>();
  for (const { classId, studentId } of rows.classEnrolments) pupilsOf.set(classId, [...(pupilsOf.get(classId) ?? []), studentId]);
  for (const { groupId, studentId } of rows.groupMemberships) pupilsOf.set(groupId, [...(pupilsOf.get(groupId) ?? []), studentId]);
  const codeOf = new Map(rows.subjects.map((s) => [s.id!, s.code]));

  return rows.teachingAssignments
    .filter((a) => a.establishmentId === establishmentId)
    .map((a) => {
      const pupils = pupilsOf.get((a.classId ?? a.groupId)!) ?? [];
      const level = levelOfClass.get(a.classId ?? classOfPupil.get(pupils[0]) ?? "") ?? "";
      const code = codeOf.get(a.subjectId)!;
      return {
        teacherId: a.teacherId,
        subjectId: a.subjectId,
        code,
        classId: a.classId ?? null,
        groupId: a.groupId ?? null,
        level,
        pupils,
        hours: weeklyHours(kind, code, level),
      };
    });
}

interface Placement {
  unit: Unit;
  slot: number;
  week: Week;
}

/** Tries a few orders and keeps the timetable that leaves the fewest hours unplaced. */
function placeUnits(random: Random, units: Unit[], slots: Slot[], kind: EstablishmentKind): Placement[] {
  let best: { placements: Placement[]; missing: number } | null = null;
  for (let attempt = 0; attempt < PLACEMENT_ATTEMPTS && best?.missing !== 0; attempt++) {
    const result = placeOnce(random, units, slots, kind);
    if (!best || result.missing < best.missing) best = result;
  }
  return best!.placements;
}

const PLACEMENT_ATTEMPTS = 12;

function placeOnce(random: Random, units: Unit[], slots: Slot[], kind: EstablishmentKind) {
  const busy = new Map<string, Set<string>>();
  const taken = (slot: number, week: Week) => (week === "every" ? ["A", "B"] : [week]).map((w) => `${slot}/${w}`);
  const isFree = (unit: Unit, slot: number, week: Week) =>
    taken(slot, week).every((key) => {
      const set = busy.get(key);
      return !set || (!set.has(unit.teacherId) && unit.pupils.every((pupil) => !set.has(pupil)));
    });
  const occupy = (unit: Unit, slot: number, week: Week) => {
    for (const key of taken(slot, week)) {
      const set = busy.get(key) ?? new Set<string>();
      set.add(unit.teacherId);
      for (const pupil of unit.pupils) set.add(pupil);
      busy.set(key, set);
    }
  };
  // A level's option groups share slots (barrettes): their pupils come from every class of the level, so groups
  // scattered over the week would leave the classes no common free hour.
  const groupSlots = new Map<string, Set<number>>();

  const placements: Placement[] = [];
  let missing = 0;
  const ordered = random
    .shuffle([...units])
    .sort((a, b) => Number(b.groupId !== null) - Number(a.groupId !== null) || b.hours - a.hours);
  for (const unit of ordered) {
    const lessonsPerDay = new Map<number, number>();
    const aligned = unit.groupId ? (groupSlots.get(unit.level) ?? new Set<number>()) : new Set<number>();
    const place = (week: Week) => {
      const order = random
        .shuffle(slots.map((_, index) => index))
        .sort(
          (a, b) =>
            Number(aligned.has(b)) - Number(aligned.has(a)) ||
            (lessonsPerDay.get(slots[a].weekday) ?? 0) - (lessonsPerDay.get(slots[b].weekday) ?? 0),
        );
      const slot = order.find((candidate) => isFree(unit, candidate, week));
      if (slot === undefined) return false;
      occupy(unit, slot, week);
      lessonsPerDay.set(slots[slot].weekday, (lessonsPerDay.get(slots[slot].weekday) ?? 0) + 1);
      if (unit.groupId) groupSlots.set(unit.level, aligned.add(slot));
      placements.push({ unit, slot, week });
      return true;
    };
    const lessons = kind === "ecole" ? slots.length : Math.floor(unit.hours);
    for (let k = 0; k < lessons; k++) if (!place("every")) missing += 1;
    if (unit.hours % 1 !== 0 && !place("A") && !place("B")) missing += 0.5;
  }
  return { placements, missing };
}

/** Special rooms for the subjects that need them, the class's home room otherwise, any free classroom at worst. */
function assignRooms(
  placements: Placement[],
  rows: SeedRows,
  establishmentId: string,
  newId: () => string,
  timetable: TimetableRows,
): Map<Placement, string> {
  const roomIds = new Map<string, string>();
  const room = (name: string) => {
    let id = roomIds.get(name);
    if (!id) {
      id = newId();
      roomIds.set(name, id);
      timetable.rooms.push({ id, establishmentId, name });
    }
    return id;
  };
  const classes = rows.classes.filter((c) => c.establishmentId === establishmentId);
  const homeRoom = new Map(classes.map((c, index) => [c.id!, `Salle ${100 * (1 + Math.floor(index / 8)) + 1 + (index % 8)}`]));
  const spareRooms = Array.from({ length: Math.max(4, Math.ceil(classes.length / 2)) }, (_, i) => `Salle ${301 + i}`);

  const used = new Map<string, Set<string>>();
  const result = new Map<Placement, string>();
  for (const placement of placements) {
    const keys = placement.week === "every" ? [`${placement.slot}/A`, `${placement.slot}/B`] : [`${placement.slot}/${placement.week}`];
    const isFree = (name: string) => keys.every((key) => !used.get(key)?.has(name));
    const home = placement.unit.classId ? homeRoom.get(placement.unit.classId) : undefined;
    const candidates = [...(SPECIAL_ROOMS[placement.unit.code] ?? []), ...(home ? [home] : []), ...spareRooms];
    const name = candidates.find(isFree);
    if (!name) continue;
    for (const key of keys) used.set(key, (used.get(key) ?? new Set()).add(name));
    result.set(placement, room(name));
  }
  return result;
}

/** Writes a generated timetable in foreign-key order. */
export async function insertTimetable(db: Db, rows: TimetableRows): Promise<void> {
  await insertInChunks(db, roomsTable, rows.rooms);
  await insertInChunks(db, schoolWeeksTable, rows.schoolWeeks);
  await insertInChunks(db, lessonsTable, rows.lessons);
  await insertInChunks(db, lessonTeachersTable, rows.lessonTeachers);
  await insertInChunks(db, lessonChangesTable, rows.lessonChanges);
  await insertInChunks(db, eventsTable, rows.schoolEvents);
  await insertInChunks(db, audiencesTable, rows.schoolEventAudiences);
}
