import type { Curriculum } from "./curricula";
import type { Random } from "./random";

/** A class or a group a teacher may be given, named as pins name it ("4eB", "5e Latin"). */
export interface TeachingUnit {
  name: string;
  classId?: string;
  groupId?: string;
}

/** A named teacher placed on purpose: their subject, the classes they must or must not teach, the class they lead. */
export interface TeacherPin {
  personId: string;
  subjectCode: string;
  teaches?: readonly string[];
  avoids?: readonly string[];
  leads?: string;
}

/**
 * Shares a subject's classes and groups between its teachers, each with a service near the usual load. Pinned
 * teachers come first and get the units they must teach; units someone avoids are placed first, while every
 * teacher still has room.
 */
export function distributeUnits(
  random: Random,
  units: readonly TeachingUnit[],
  pins: readonly TeacherPin[],
  load: Curriculum["teacherLoad"],
): TeachingUnit[][] {
  const count = Math.max(pins.length, 1, Math.ceil(units.length / load.max), Math.round(units.length / load.target));
  const capacity = (index: number) => Math.floor(units.length / count) + (index < units.length % count ? 1 : 0);
  const buckets = Array.from({ length: count }, (_, index) =>
    units.filter((unit) => pins[index]?.teaches?.includes(unit.name)),
  );
  const isAvoided = (unit: TeachingUnit) => pins.some((pin) => pin.avoids?.includes(unit.name));
  const free = random
    .shuffle(units.filter((unit) => !buckets.some((bucket) => bucket.includes(unit))))
    .sort((a, b) => Number(isAvoided(b)) - Number(isAvoided(a)));
  for (const unit of free) {
    const allowed = (index: number) => !pins[index]?.avoids?.includes(unit.name);
    let index = buckets.findIndex((bucket, i) => bucket.length < capacity(i) && allowed(i));
    if (index < 0) index = buckets.findIndex((_, i) => allowed(i));
    buckets[index].push(unit);
  }
  return buckets;
}

export interface ClassAssignment {
  classId?: string | null;
  teacherId: string;
  isLeadTeacher?: boolean;
}

/**
 * Names one professeur principal per class among the teachers of the whole class, each teacher leading at most one
 * class while that is possible. Pinned leads are served first.
 */
export function chooseLeadTeachers(
  random: Random,
  classes: readonly { id: string; name: string }[],
  assignments: readonly ClassAssignment[],
  pins: readonly TeacherPin[],
): void {
  const leaders = new Set<string>();
  const lead = (assignment: ClassAssignment) => {
    assignment.isLeadTeacher = true;
    leaders.add(assignment.teacherId);
  };
  const pinnedClasses = new Set<string>();
  for (const pin of pins) {
    const target = classes.find((item) => item.name === pin.leads);
    const assignment = assignments.find((item) => item.classId === target?.id && item.teacherId === pin.personId);
    if (!target || !assignment) continue;
    lead(assignment);
    pinnedClasses.add(target.id);
  }
  for (const item of random.shuffle(classes.filter((candidate) => !pinnedClasses.has(candidate.id)))) {
    const teaching = assignments.filter((assignment) => assignment.classId === item.id);
    const fresh = teaching.filter((assignment) => !leaders.has(assignment.teacherId));
    lead(random.pick(fresh.length > 0 ? fresh : teaching));
  }
}
