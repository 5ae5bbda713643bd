import { addDays, isoDate, isoWeekday, schoolInstant } from "@/server/calendar/days";
import { demoWeek, schoolWeekAfter } from "./demo-week";
import type { SeedRows } from "./rows";
import type { TimetableRows } from "./timetable";

/** The week the demo's changes happen in, and the next: the demo's "this week", the current one (see demoWeek). */
export const DEMO_WEEK = demoWeek(isoDate(new Date()));
/** The two weeks of classes after it, where the demo's coming changes and events are (holidays skipped). */
export const DEMO_NEXT_WEEK = schoolWeekAfter(DEMO_WEEK, 1);
export const DEMO_WEEK_AFTER_NEXT = schoolWeekAfter(DEMO_WEEK, 2);

/** Every change row sets every flag: rows are inserted together, and a column some rows omit would be null. */
const UNCHANGED = { cancelled: false, remote: false, exam: false } as const;

/** The people the demo's changes are built around. */
export interface DemoTimetablePins {
  className: string;
  /** kept in detention (retenue): seen by them, their family and staff only */
  detainedStudentId: string;
  changedBy: string;
}

/**
 * What makes the demo week look like a real one in a class: a lesson cancelled (teacher absent), a room changed, a
 * substitute, an exam (devoir surveillé), a remote lesson; an outing, a parents' evening for families and teachers, a
 * teachers' meeting, and one pupil's detention.
 */
export function addDemoChanges(timetable: TimetableRows, rows: SeedRows, establishmentId: string, pins: DemoTimetablePins, newId: () => string) {
  const theClass = rows.classes.find((c) => c.establishmentId === establishmentId && c.name === pins.className)!;
  const classLessons = timetable.lessons.filter((l) => l.classId === theClass.id && l.weeks === "every");
  const codeOf = new Map(rows.subjects.map((s) => [s.id!, s.code]));
  const used = new Set<string>();
  const thisWeek = (offset: number) => addDays(DEMO_WEEK, offset);
  const nextWeek = (offset: number) => addDays(DEMO_NEXT_WEEK, offset);
  /** The class's first lesson on a day of the demo fortnight (the subject's if it has one that day). */
  const lessonOn = (day: string, code?: string) => {
    const sameDay = classLessons
      .filter((l) => l.weekday === isoWeekday(day) && !used.has(l.id))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const lesson = sameDay.find((l) => codeOf.get(l.subjectId) === code) ?? sameDay[0];
    used.add(lesson.id);
    return { lesson, day };
  };
  const change = (day: string, code: string | undefined, fields: Partial<TimetableRows["lessonChanges"][number]>) => {
    const { lesson } = lessonOn(day, code);
    timetable.lessonChanges.push({ id: newId(), lessonId: lesson.id, onDate: day, changedBy: pins.changedBy, ...UNCHANGED, ...fields });
    return lesson;
  };
  const teacherOf = (lessonId: string) => timetable.lessonTeachers.find((t) => t.lessonId === lessonId)!.teacherId;
  const colleagueOf = (lessonId: string) => {
    const lesson = timetable.lessons.find((l) => l.id === lessonId)!;
    const teacher = teacherOf(lessonId);
    const sameSubject = timetable.lessons.find(
      (l) => l.subjectId === lesson.subjectId && teacherOf(l.id) !== teacher,
    );
    return sameSubject ? teacherOf(sameSubject.id) : null;
  };

  change(thisWeek(1), "MATHS", { cancelled: true, note: "Professeur absent" });
  const spareRoom = timetable.rooms.find((r) => r.name === "Salle 304") ?? timetable.rooms[0];
  change(thisWeek(3), "SVT", { movedRoomId: spareRoom.id, note: "Laboratoire en travaux" });
  const substituted = lessonOn(thisWeek(4), "HG-EMC");
  timetable.lessonChanges.push({
    id: newId(),
    lessonId: substituted.lesson.id,
    onDate: substituted.day,
    ...UNCHANGED,
    substituteTeacherId: colleagueOf(substituted.lesson.id),
    changedBy: pins.changedBy,
  });
  change(nextWeek(0), "FRANC", { exam: true, note: "Devoir surveillé : le récit au XIXe siècle (2 h)" });
  change(nextWeek(1), "AGL1", { remote: true, note: "Classe virtuelle : lien dans l'ENT" });

  const event = (fields: Omit<TimetableRows["schoolEvents"][number], "id" | "establishmentId">, audience: { classId?: string; personId?: string }[]) => {
    const id = newId();
    timetable.schoolEvents.push({ id, establishmentId, createdBy: pins.changedBy, wholeEstablishment: false, roles: [], ...fields });
    for (const who of audience) timetable.schoolEventAudiences.push({ id: newId(), eventId: id, ...who });
  };
  event(
    {
      kind: "outing",
      title: "Sortie au musée des Confluences",
      startsAt: schoolInstant(nextWeek(3), "09:00"),
      endsAt: schoolInstant(nextWeek(3), "16:00"),
      location: "Musée des Confluences, Lyon",
    },
    [{ classId: theClass.id }],
  );
  const level = rows.classes.filter((c) => c.establishmentId === establishmentId && c.level === theClass.level);
  event(
    {
      kind: "meeting",
      title: `Réunion parents-professeurs des ${theClass.level}`,
      startsAt: schoolInstant(addDays(DEMO_WEEK_AFTER_NEXT, 3), "17:30"),
      endsAt: schoolInstant(addDays(DEMO_WEEK_AFTER_NEXT, 3), "20:00"),
      location: "Salle polyvalente",
      roles: ["guardian", "teacher"],
    },
    level.map((c) => ({ classId: c.id })),
  );
  event(
    {
      kind: "meeting",
      title: "Réunion des professeurs",
      startsAt: schoolInstant(thisWeek(3), "17:00"),
      endsAt: schoolInstant(thisWeek(3), "18:30"),
      location: "Salle des professeurs",
      wholeEstablishment: true,
      roles: ["teacher"],
    },
    [],
  );
  event(
    {
      kind: "detention",
      title: "Retenue",
      startsAt: schoolInstant(thisWeek(2), "13:30"),
      endsAt: schoolInstant(thisWeek(2), "15:30"),
      location: "Permanence",
    },
    [{ personId: pins.detainedStudentId }],
  );
}
