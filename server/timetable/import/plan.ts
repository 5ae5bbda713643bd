import { addDays, isoDate } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import { currentSchoolYear } from "@/server/services/school-year";
import { clashBetween, loadPupilSets, loadSlots, type PupilSets, type SavedSlot } from "../conflicts";
import type { LessonDraft } from "../lessons";
import type { WeekLetter } from "../alternation";
import { loadReferences, type References } from "../references";
import { weekLettersOf, weekOfLetterWithin } from "../school-weeks";
import { type Column, type CsvLine, normalised, readTimetableCsv } from "./csv";
import { dateOf, teacherNames, timeOf, weekdayOf, weeksOf } from "./fields";

/**
 * The dry run of a timetable import: every line of the file read, resolved against the establishment (subjects,
 * teachers, classes, groups, rooms) and checked against the other lines and the lessons already there. Applying
 * runs the same plan inside one transaction and writes only a plan without errors.
 */
export interface LineMessage {
  /** a key of the timetable catalogue namespace */
  key: string;
  values?: Record<string, string | number>;
}

export interface PlannedLesson extends LessonDraft {
  /** a room to create when the file names one the establishment does not have yet */
  newRoom: string | null;
}

export interface PlannedLine {
  line: number;
  values: Record<Column, string>;
  errors: LineMessage[];
  notes: LineMessage[];
  lesson: PlannedLesson | null;
}

export interface ImportPlan {
  fileError: LineMessage | null;
  lines: PlannedLine[];
  errorCount: number;
  schoolYearId: string | null;
  newRooms: string[];
  /** with "replace": the lessons of the file's classes and groups that go (deleted, or ended the day before) */
  replaced: { deleted: string[]; ended: { id: string; until: string }[] };
}

export interface ImportOptions {
  /** replace the timetable of the classes and groups the file names, from the file's start date on */
  replace: boolean;
}

const emptyPlan = (fileError: LineMessage): ImportPlan => ({
  fileError,
  lines: [],
  errorCount: 0,
  schoolYearId: null,
  newRooms: [],
  replaced: { deleted: [], ended: [] },
});

export async function planImport(db: Db, establishmentId: string, text: string, options: ImportOptions, now = new Date()) {
  const reading = readTimetableCsv(text);
  if ("fileError" in reading) return emptyPlan(reading.fileError);
  const year = await currentSchoolYear(db, establishmentId, now);
  if (!year) return emptyPlan({ key: "import.errors.noSchoolYear" });
  const [refs, existing, pupils, letters] = await Promise.all([
    loadReferences(db, establishmentId),
    loadSlots(db, establishmentId, year.id),
    loadPupilSets(db, establishmentId),
    weekLettersOf(db, year.id),
  ]);
  const resolve = resolver(refs, year, letters);
  const lines: PlannedLine[] = reading.lines.map((line) => resolve(line));

  const replaced = options.replace ? replacedLessons(lines, existing, isoDate(now)) : { deleted: [], ended: [], kept: existing };
  checkClashes(lines, replaced.kept, pupils, refs);
  const errorCount = lines.filter((line) => line.errors.length > 0).length;
  const newRooms = [...new Set(lines.flatMap((line) => (line.lesson?.newRoom ? [line.lesson.newRoom] : [])))];
  return {
    fileError: null,
    lines,
    errorCount,
    schoolYearId: year.id,
    newRooms,
    replaced: { deleted: replaced.deleted, ended: replaced.ended },
  } satisfies ImportPlan;
}

/** Turns a line's cells into a lesson, or into the reasons it cannot be one. */
function resolver(refs: References, year: { startsOn: string; endsOn: string }, letters: ReadonlyMap<string, WeekLetter>) {
  const byKey = <T>(items: T[], ...keys: ((item: T) => string)[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      for (const key of new Set(keys.map((k) => normalised(k(item))))) map.set(key, [...(map.get(key) ?? []), item]);
    }
    return map;
  };
  const subjects = byKey(refs.subjects, (s) => s.code, (s) => s.name);
  const teachers = byKey(refs.teachers, (t) => t.login, (t) => `${t.lastName} ${t.firstName}`, (t) => `${t.firstName} ${t.lastName}`);
  const compact = (name: string) => normalised(name).replace(/ /g, "");
  const classes = new Map(refs.classes.map((c) => [compact(c.name), c]));
  const groups = new Map(refs.groups.map((g) => [normalised(g.name), g]));
  const rooms = new Map(refs.rooms.map((r) => [normalised(r.name), r]));

  return ({ line, values }: CsvLine): PlannedLine => {
    const errors: LineMessage[] = [];
    const notes: LineMessage[] = [];
    const fail = (key: string, value?: string) => errors.push({ key: `import.errors.${key}`, values: value === undefined ? undefined : { value } });

    const weekday = weekdayOf(values.jour);
    if (weekday === null) fail("badDay", values.jour);
    const startsAt = timeOf(values.debut);
    if (startsAt === null) fail("badTime", values.debut);
    const endsAt = timeOf(values.fin);
    if (endsAt === null) fail("badTime", values.fin);
    if (startsAt && endsAt && startsAt >= endsAt) fail("endsBeforeStart");

    const subject = subjects.get(normalised(values.matiere))?.[0];
    if (!subject) fail("unknownSubject", values.matiere);

    const teacherIds: string[] = [];
    for (const name of teacherNames(values.enseignants)) {
      const found = teachers.get(normalised(name)) ?? [];
      if (found.length === 1) teacherIds.push(found[0].id);
      else fail(found.length ? "ambiguousTeacher" : "unknownTeacher", name);
    }

    let classId: string | null = null;
    let groupId: string | null = null;
    if (values.classe && values.groupe) fail("classAndGroup");
    else if (values.classe) {
      classId = classes.get(compact(values.classe))?.id ?? null;
      if (!classId) fail("unknownClass", values.classe);
    } else if (values.groupe) {
      groupId = groups.get(normalised(values.groupe))?.id ?? null;
      if (!groupId) fail("unknownGroup", values.groupe);
    } else fail("classOrGroup");

    const room = values.salle ? rooms.get(normalised(values.salle)) : undefined;
    const newRoom = values.salle && !room ? values.salle : null;
    if (newRoom) notes.push({ key: "import.notes.newRoom", values: { value: newRoom } });

    const weeks = weeksOf(values.semaine);
    if (!weeks) fail("badWeek", values.semaine);

    const validFrom = values.du ? dateOf(values.du) : year.startsOn;
    if (!validFrom) fail("badDate", values.du);
    const validUntil = values.au ? dateOf(values.au) : year.endsOn;
    if (!validUntil) fail("badDate", values.au);
    if (validFrom && validUntil) {
      if (validFrom > validUntil) fail("validity");
      else if (validFrom < year.startsOn || validUntil > year.endsOn) fail("outsideSchoolYear");
      else if (weekday && weeks && weeks !== "every" && !weekOfLetterWithin(letters, { weekday, weeks, validFrom, validUntil })) {
        fail("noWeekOfLetter", weeks);
      }
    }

    const lesson =
      errors.length === 0
        ? {
            subjectId: subject!.id,
            teacherIds,
            classId,
            groupId,
            roomId: room?.id ?? (newRoom ? `new:${normalised(newRoom)}` : null),
            newRoom,
            weekday: weekday!,
            startsAt: startsAt!,
            endsAt: endsAt!,
            weeks: weeks!,
            validFrom: validFrom!,
            validUntil: validUntil!,
          }
        : null;
    return { line, values, errors, notes, lesson };
  };
}

/**
 * With "replace", the timetable of each class and group of the file changes on the earliest start date (du) of its
 * lines: its lessons that start then or later go, those that started before end the day before. The past is never
 * rewritten: cahier de textes, roll calls and absences point to past lessons, so the change must start after today.
 */
function replacedLessons(lines: PlannedLine[], existing: SavedSlot[], today: string) {
  const cutoff = new Map<string, { from: string; line: PlannedLine }>();
  for (const line of lines) {
    const audience = line.lesson?.classId ?? line.lesson?.groupId;
    if (!line.lesson || !audience) continue;
    const known = cutoff.get(audience);
    if (!known || line.lesson.validFrom < known.from) cutoff.set(audience, { from: line.lesson.validFrom, line });
  }
  const deleted: string[] = [];
  const ended: { id: string; until: string }[] = [];
  const kept: SavedSlot[] = [];
  const rewritesPast = new Set<PlannedLine>();
  for (const slot of existing) {
    const change = cutoff.get(slot.classId ?? slot.groupId ?? "");
    if (!change || slot.validUntil < change.from) {
      kept.push(slot);
      continue;
    }
    if (change.from <= today && slot.validFrom <= today) rewritesPast.add(change.line);
    if (slot.validFrom >= change.from) deleted.push(slot.id);
    else {
      ended.push({ id: slot.id, until: addDays(change.from, -1) });
      kept.push({ ...slot, validUntil: addDays(change.from, -1) });
    }
  }
  for (const line of rewritesPast) {
    line.errors.push({ key: "import.errors.replacesPast", values: { audience: line.values.classe || line.values.groupe } });
  }
  return { deleted, ended, kept };
}

/** Double booking between the file's lines, and between a line and a lesson already in the timetable. */
function checkClashes(lines: PlannedLine[], existing: SavedSlot[], pupils: PupilSets, refs: References) {
  const audienceName = (slot: { classId: string | null; groupId: string | null }) =>
    refs.classes.find((c) => c.id === slot.classId)?.name ?? refs.groups.find((g) => g.id === slot.groupId)?.name ?? "";
  const planned = lines.filter((line) => line.lesson !== null);
  // the first clash of each kind is enough to fix a line; listing every lesson of a busy day would drown it
  planned.forEach((line, index) => {
    const lesson = line.lesson!;
    const inFile = planned.slice(0, index).find((earlier) => clashBetween(lesson, earlier.lesson!, pupils));
    if (inFile) {
      line.errors.push({ key: "import.errors.clashInFile", values: { line: inFile.line, clash: clashBetween(lesson, inFile.lesson!, pupils)! } });
    }
    const slot = existing.find((other) => clashBetween(lesson, other, pupils));
    if (slot) {
      line.errors.push({
        key: "import.errors.clashExisting",
        values: {
          clash: clashBetween(lesson, slot, pupils)!,
          subject: slot.subjectCode,
          audience: audienceName(slot),
          day: String(slot.weekday),
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
        },
      });
    }
  });
  for (const line of lines) if (line.errors.length) line.lesson = null;
}
