import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, establishments, lessons, people, rooms } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { loadScope } from "@/server/policy/scope";
import { addDays, isoDate, schoolInstant } from "@/server/calendar/days";
import { schoolWeekAfter } from "@/server/seed/demo-week";
import { DEMO_NEXT_WEEK, DEMO_WEEK, DEMO_WEEK_AFTER_NEXT } from "@/server/seed/timetable-changes";
import { nextLessons, type TimetableWeek } from "./week";
import { NO_CHANGE } from "./what-changed";

/** The timetable through the router, on the demo school: its week has changes in 4eB; the tests change a later one. */
const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const WEEK = DEMO_WEEK;
const TUESDAY = addDays(WEEK, 1);
const LATER = schoolWeekAfter(DEMO_WEEK, 3);
const later = (offset: number) => addDays(LATER, offset);
let database: Database;
let emma: string;
let hugo: string;
let claire: string;
let class4eB: string;
const changed: DomainEvents["lesson.changed"][] = [];
const bus = createLocalBus();
bus.subscribe("lesson.changed", (event) => changed.push(event));

const as = (key: keyof typeof DEMO_ACCOUNTS, uai = COLLEGE) => callerFor(database.db, DEMO_ACCOUNTS[key].login, uai, bus);
const idOf = async (login: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
const all = (week: TimetableWeek) => week.days.flatMap((day) => day.occurrences);
const titles = (week: TimetableWeek) => week.days.flatMap((day) => day.events.map((e) => e.title));

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  [emma, hugo, claire] = await Promise.all([
    idOf(DEMO_ACCOUNTS.student.login),
    idOf(DEMO_ACCOUNTS.classmate.login),
    idOf(DEMO_ACCOUNTS.leadTeacher.login),
  ]);
  const choices = await (await as("direction")).timetable.choices();
  class4eB = choices.classes.find((c) => c.name === "4eB")!.id;
});
afterAll(() => database.close());

describe("a week of the timetable", () => {
  it("shows a pupil their class's and groups' lessons with the week's changes, and the week A/B", async () => {
    const week = await (await as("student")).timetable.studentWeek({ studentId: emma, week: WEEK });
    expect(week.monday).toBe(WEEK);
    expect(["A", "B"]).toContain(week.label);
    expect(week.days.map((d) => d.date).slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((offset) => addDays(WEEK, offset)));
    const lessonsOfWeek = all(week);
    expect(lessonsOfWeek.some((o) => o.audience.kind === "group")).toBe(true);
    const cancelled = lessonsOfWeek.find((o) => o.change?.cancelled);
    expect(cancelled).toMatchObject({ on: TUESDAY, subject: { code: "MATHS" }, change: { note: "Professeur absent" } });
    expect(lessonsOfWeek.find((o) => o.change?.roomChanged)?.change?.note).toBe("Laboratoire en travaux");
    expect(lessonsOfWeek.some((o) => o.change?.substitute)).toBe(true);
  });

  it("keeps a pupil's detention to that pupil, their family and staff, never their classmates or class", async () => {
    const ofHugo = async (key: keyof typeof DEMO_ACCOUNTS) => titles(await (await as(key)).timetable.studentWeek({ studentId: hugo, week: WEEK }));
    expect(await ofHugo("classmate")).toContain("Retenue");
    expect(await ofHugo("otherGuardian")).toContain("Retenue");
    expect(await ofHugo("cpe")).toContain("Retenue");
    expect(titles(await (await as("student")).timetable.studentWeek({ studentId: emma, week: WEEK }))).not.toContain("Retenue");
    expect(titles(await (await as("direction")).timetable.classWeek({ classId: class4eB, week: WEEK }))).not.toContain("Retenue");
    await expect((await as("student")).timetable.studentWeek({ studentId: hugo, week: WEEK })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows the class's outing to its pupils and teachers, and whole-school holidays to everyone", async () => {
    const next = await (await as("guardian")).timetable.studentWeek({ studentId: emma, week: DEMO_NEXT_WEEK });
    expect(titles(next)).toContain("Sortie au musée des Confluences");
    const claireNext = await (await as("leadTeacher")).timetable.teacherWeek({ teacherId: claire, week: DEMO_NEXT_WEEK });
    expect(titles(claireNext)).toContain("Sortie au musée des Confluences");
    const christmas = await (await as("student")).timetable.studentWeek({ studentId: emma, week: "2026-12-21" });
    expect(all(christmas)).toEqual([]);
    expect(christmas.days[0].events[0]).toMatchObject({ kind: "holiday", allDay: true });
  });

  it("gives a teacher their own lessons, those they substitute in, and their own given to a substitute", async () => {
    const director = await as("direction");
    const week = await director.timetable.classWeek({ classId: class4eB, week: WEEK });
    const substituted = all(week).find((o) => o.change?.substitute)!;
    const substitute = substituted.change!.substitute!;
    const theirs = await director.timetable.teacherWeek({ teacherId: substitute.id, week: WEEK });
    expect(all(theirs).some((o) => o.lessonId === substituted.lessonId && o.plannedOn === substituted.plannedOn)).toBe(true);
    const original = await director.timetable.teacherWeek({ teacherId: substituted.teachers[0].id, week: WEEK });
    expect(all(original).find((o) => o.lessonId === substituted.lessonId)?.change?.substitute?.id).toBe(substitute.id);

    const own = await (await as("leadTeacher")).timetable.teacherWeek({ teacherId: claire, week: WEEK });
    expect(all(own).length).toBeGreaterThan(5);
    expect(all(own).every((o) => o.teachers.some((t) => t.id === claire) || o.change?.substitute?.id === claire)).toBe(true);
  });

  it("shows staff what takes place in a room, room changes included", async () => {
    const director = await as("direction");
    const moved = all(await director.timetable.classWeek({ classId: class4eB, week: WEEK })).find((o) => o.change?.roomChanged)!;
    const week = await director.timetable.roomWeek({ roomId: moved.room!.id, week: WEEK });
    expect(all(week).some((o) => o.lessonId === moved.lessonId && o.change?.roomChanged)).toBe(true);
  });
});

describe("the next lessons (home page)", () => {
  it("gives a guardian their child's next lessons from now on, a cancelled one flagged, and nobody else's", async () => {
    const [college] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, COLLEGE));
    const sophie = await loadScope(database.db, await idOf(DEMO_ACCOUNTS.guardian.login), college.id);
    // Tuesday at 13:00 in Paris: the morning is over, the cancelled maths lesson is next
    const next = await nextLessons(database.db, sophie, emma, schoolInstant(TUESDAY, "13:00"), 3);
    expect(next).toHaveLength(3);
    expect(next[0]).toMatchObject({ on: TUESDAY, subject: { code: "MATHS" }, change: { cancelled: true } });
    expect(next.every((o) => o.on > TUESDAY || o.startsAt >= "13:00")).toBe(true);
    expect(await nextLessons(database.db, sophie, hugo, schoolInstant(TUESDAY, "13:00"))).toEqual([]);
  });
});

describe("a day's changes", () => {
  async function firstLessonOf4eB(on: string) {
    const week = await (await as("direction")).timetable.classWeek({ classId: class4eB, week: on });
    return all(week).find((o) => o.on === on && !o.change)!;
  }
  const unchanged = NO_CHANGE;

  it("lets vie scolaire cancel a lesson: the pupil sees it cancelled, lesson.changed is published, the audit keeps it", async () => {
    const lesson = await firstLessonOf4eB(LATER);
    const occurrence = { lessonId: lesson.lessonId, plannedOn: lesson.plannedOn };
    await (await as("cpe")).timetable.changeOccurrence({ ...occurrence, ...unchanged, cancelled: true, note: "Sortie pédagogique" });
    expect(changed.at(-1)).toMatchObject({ lessonId: lesson.lessonId, onDate: lesson.plannedOn, changes: ["cancelled", "other"] });
    const seen = all(await (await as("student")).timetable.studentWeek({ studentId: emma, week: LATER }));
    expect(seen.find((o) => o.lessonId === lesson.lessonId)?.change).toMatchObject({ cancelled: true, note: "Sortie pédagogique" });
    const [audited] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "timetable.occurrence.changed"));
    expect(audited.n).toBeGreaterThan(0);

    await (await as("direction")).timetable.restoreOccurrence(occurrence);
    expect(changed.at(-1)).toMatchObject({ lessonId: lesson.lessonId, changes: ["reinstated"] });
    const after = all(await (await as("student")).timetable.studentWeek({ studentId: emma, week: LATER }));
    expect(after.find((o) => o.lessonId === lesson.lessonId)?.change).toBeNull();
  });

  it("refuses to move a lesson onto another lesson of the class, and writes nothing", async () => {
    const week = await (await as("direction")).timetable.classWeek({ classId: class4eB, week: LATER });
    const [first, second] = all(week).filter((o) => o.on === later(1) && o.audience.kind === "class");
    const move = { ...unchanged, movedToDate: second.on, movedStartsAt: second.startsAt, movedEndsAt: second.endsAt };
    await expect(
      (await as("direction")).timetable.changeOccurrence({ lessonId: first.lessonId, plannedOn: first.plannedOn, ...move }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "timetable.errors.classBusy" });
    const after = all(await (await as("direction")).timetable.classWeek({ classId: class4eB, week: LATER }));
    expect(after.find((o) => o.lessonId === first.lessonId && o.plannedOn === first.plannedOn)?.change).toEqual(first.change);
  });

  it("lets a teacher mark their own lesson remote or exam with a note, and nothing else", async () => {
    const own = all(await (await as("leadTeacher")).timetable.teacherWeek({ teacherId: claire, week: LATER }))
      .find((o) => !o.change && o.teachers.some((t) => t.id === claire))!;
    const teacher = await as("leadTeacher");
    await teacher.timetable.annotateOccurrence({ lessonId: own.lessonId, plannedOn: own.plannedOn, remote: false, exam: true, note: "Contrôle chapitre 3" });
    expect(changed.at(-1)).toMatchObject({ lessonId: own.lessonId, changes: ["exam", "other"] });
    const seen = all(await teacher.timetable.teacherWeek({ teacherId: claire, week: LATER })).find((o) => o.lessonId === own.lessonId && o.plannedOn === own.plannedOn);
    expect(seen?.change).toMatchObject({ exam: true, note: "Contrôle chapitre 3", cancelled: false });
    await expect(
      teacher.timetable.changeOccurrence({ lessonId: own.lessonId, plannedOn: own.plannedOn, ...unchanged, cancelled: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const notHers = all(await (await as("direction")).timetable.classWeek({ classId: class4eB, week: LATER }))
      .find((o) => !o.teachers.some((t) => t.id === claire))!;
    await expect(
      teacher.timetable.annotateOccurrence({ lessonId: notHers.lessonId, plannedOn: notHers.plannedOn, remote: true, exam: false, note: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a change to a day the lesson does not take place", async () => {
    const lesson = await firstLessonOf4eB(LATER);
    await expect(
      (await as("cpe")).timetable.changeOccurrence({ lessonId: lesson.lessonId, plannedOn: later(2), ...unchanged, cancelled: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "timetable.errors.notPlanned" });
  });
});

describe("events", () => {
  it("schedules a detention for one pupil that their classmates do not see", async () => {
    const cpe = await as("cpe");
    await cpe.timetable.createEvent({
      kind: "detention",
      title: "Retenue du mercredi",
      location: "Permanence",
      startsOn: later(2),
      startsAt: "13:30",
      endsOn: later(2),
      endsAt: "15:30",
      wholeEstablishment: false,
      classIds: [],
      groupIds: [],
      personIds: [emma],
    });
    const ofEmma = await (await as("guardian")).timetable.studentWeek({ studentId: emma, week: later(2) });
    expect(ofEmma.days[2].events.find((e) => e.title === "Retenue du mercredi")).toMatchObject({ from: "13:30", to: "15:30", allDay: false });
    expect(titles(await (await as("classmate")).timetable.studentWeek({ studentId: hugo, week: later(2) }))).not.toContain("Retenue du mercredi");
    expect(titles(await cpe.timetable.classWeek({ classId: class4eB, week: later(2) }))).not.toContain("Retenue du mercredi");
    expect((await cpe.timetable.events({ week: later(1) })).find((e) => e.title === "Retenue du mercredi")?.audience).toEqual(["Emma Bernard"]);
  });

  it("refuses an audience from another establishment (policy), and an event without audience", async () => {
    const chloe = await idOf(DEMO_ACCOUNTS.ecoleStudent.login);
    const event = {
      kind: "outing" as const,
      title: "Sortie",
      location: null,
      startsOn: later(2),
      startsAt: null,
      endsOn: later(2),
      endsAt: null,
      wholeEstablishment: false,
      classIds: [],
      groupIds: [],
    };
    const cpe = await as("cpe");
    await expect(cpe.timetable.createEvent({ ...event, personIds: [chloe] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cpe.timetable.createEvent({ ...event, personIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("events narrowed to profiles", () => {
  const TEACHERS_MEETING = "Réunion des professeurs";
  const PARENTS_EVENING = "Réunion parents-professeurs des 4e";
  const EVENING_WEEK = DEMO_WEEK_AFTER_NEXT;

  it("shows the teachers' meeting to teachers only, and 4e's parents' evening to its families and teachers, not its pupils", async () => {
    const ofEmma = async (key: keyof typeof DEMO_ACCOUNTS, week: string) => titles(await (await as(key)).timetable.studentWeek({ studentId: emma, week }));
    const ofClaire = async (week: string) => titles(await (await as("leadTeacher")).timetable.teacherWeek({ teacherId: claire, week }));
    expect(await ofClaire(WEEK)).toContain(TEACHERS_MEETING);
    expect(await ofClaire(EVENING_WEEK)).toContain(PARENTS_EVENING);
    expect(await ofEmma("guardian", WEEK)).not.toContain(TEACHERS_MEETING);
    expect(await ofEmma("guardian", EVENING_WEEK)).toContain(PARENTS_EVENING);
    expect(await ofEmma("student", WEEK)).not.toContain(TEACHERS_MEETING);
    expect(await ofEmma("student", EVENING_WEEK)).not.toContain(PARENTS_EVENING);
    // staff who follow every class see the class's week whole; its pupil sees it as a pupil
    expect(titles(await (await as("direction")).timetable.classWeek({ classId: class4eB, week: EVENING_WEEK }))).toContain(PARENTS_EVENING);
    expect(titles(await (await as("student")).timetable.classWeek({ classId: class4eB, week: EVENING_WEEK }))).not.toContain(PARENTS_EVENING);
  });

  it("shows a teacher who is also a parent the teachers' meeting in their own week, never in their child's", async () => {
    const julien = await as("teacherParent");
    const choices = await julien.timetable.choices();
    expect(titles(await julien.timetable.teacherWeek({ teacherId: choices.teacher!, week: WEEK }))).toContain(TEACHERS_MEETING);
    expect(choices.children.length).toBeGreaterThan(0);
    for (const child of choices.children) {
      expect(titles(await julien.timetable.studentWeek({ studentId: child.id, week: WEEK }))).not.toContain(TEACHERS_MEETING);
    }
  });

  it("keeps a class's event for its teachers from its pupils, their families and the teachers of other classes", async () => {
    const cpe = await as("cpe");
    await cpe.timetable.createEvent({
      kind: "meeting",
      title: "Conseil de classe de 4eB",
      location: "Salle 12",
      startsOn: later(3),
      startsAt: "17:00",
      endsOn: later(3),
      endsAt: "19:00",
      wholeEstablishment: false,
      roles: ["teacher"],
      classIds: [class4eB],
      groupIds: [],
      personIds: [],
    });
    const week = later(3);
    expect(titles(await (await as("leadTeacher")).timetable.teacherWeek({ teacherId: claire, week }))).toContain("Conseil de classe de 4eB");
    expect(titles(await (await as("guardian")).timetable.studentWeek({ studentId: emma, week }))).not.toContain("Conseil de classe de 4eB");
    expect(titles(await (await as("student")).timetable.studentWeek({ studentId: emma, week }))).not.toContain("Conseil de classe de 4eB");
    const marc = await as("otherTeacher"); // teaches no lesson in 4eB
    const marcId = (await marc.timetable.choices()).teacher!;
    expect(titles(await marc.timetable.teacherWeek({ teacherId: marcId, week }))).not.toContain("Conseil de classe de 4eB");
    const listed = (await cpe.timetable.events({ week: later(1) })).find((e) => e.title === "Conseil de classe de 4eB");
    expect(listed).toMatchObject({ roles: ["teacher"], audience: ["4eB"] });
  });
});

describe("weekly lessons", () => {
  const wednesday = (fields: object = {}) => ({
    subjectId: "",
    teacherIds: [claire],
    classId: class4eB,
    groupId: null,
    roomId: null,
    weekday: 3,
    startsAt: "13:30",
    endsAt: "14:30",
    weeks: "every" as const,
    validFrom: "2026-09-01",
    validUntil: "2027-07-03",
    ...fields,
  });

  it("refuses double booking of a teacher, a class or a room, on weeks that meet", async () => {
    const director = await as("direction");
    const refs = await director.timetable.references();
    const french = refs.subjects.find((s) => s.code === "FRANC")!.id;
    const maths = refs.subjects.find((s) => s.code === "MATHS")!.id;
    const julien = refs.teachers.find((t) => t.login === DEMO_ACCOUNTS.teacherParent.login)!.id;
    const class6eA = refs.classes.find((c) => c.name === "6eA")!.id;
    const room = refs.rooms.find((r) => r.name === "Salle 101")!.id;

    const first = await director.timetable.createLesson(wednesday({ subjectId: french, roomId: room, weeks: "A" }));
    const refused = (fields: object) => director.timetable.createLesson(wednesday({ subjectId: maths, teacherIds: [julien], ...fields }));
    await expect(refused({ teacherIds: [claire], classId: class6eA })).rejects.toMatchObject({ message: "timetable.errors.teacherBusy" });
    await expect(refused({})).rejects.toMatchObject({ message: "timetable.errors.classBusy" });
    await expect(refused({ classId: class6eA, roomId: room })).rejects.toMatchObject({ message: "timetable.errors.roomBusy" });
    // week B meets neither week A's lesson: the same class, room and slot are free then
    await director.timetable.createLesson(wednesday({ subjectId: maths, teacherIds: [julien], roomId: room, weeks: "B" }));
    await expect(refused({ weeks: "every", classId: class6eA, startsAt: "14:00", endsAt: "15:00" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // it began in September: the lesson as edited takes over from today, and September's keeps its hours
    const edited = await director.timetable.updateLesson({ lessonId: first.id, ...wednesday({ subjectId: french, roomId: room, weeks: "A", startsAt: "15:45", endsAt: "16:45" }) });
    const of4eB = await director.timetable.lessons({ classId: class4eB });
    expect(of4eB.find((l) => l.id === edited.id)).toMatchObject({ startsAt: "15:45", endsAt: "16:45", teachers: [{ id: claire }] });
    expect(of4eB.find((l) => l.id === first.id)).toMatchObject({ startsAt: "13:30", validUntil: addDays(isoDate(new Date()), -1) });
  });

  it("ends a lesson that has taken place instead of deleting its past, and deletes one that has not", async () => {
    const { removeLesson } = await import("./lessons");
    const director = await as("direction");
    const of4eB = await director.timetable.lessons({ classId: class4eB });
    const now = new Date("2026-11-23T12:00:00Z");
    expect(await removeLesson(database.db, of4eB[0].id, now)).toBe("ended");
    const [ended] = await database.db.select({ validUntil: lessons.validUntil }).from(lessons).where(eq(lessons.id, of4eB[0].id));
    expect(ended.validUntil).toBe("2026-11-22");
    const future = await director.timetable.createLesson(
      wednesday({ subjectId: of4eB[0].subjectId, teacherIds: [], startsAt: "14:30", endsAt: "15:30", validFrom: "2027-01-04" }),
    );
    expect(await removeLesson(database.db, future.id, now)).toBe("deleted");
    expect(await database.db.select().from(lessons).where(eq(lessons.id, future.id))).toEqual([]);
  });

  it("refuses a room of another establishment", async () => {
    const [ecole] = await database.db.select({ id: establishments.id }).from(establishments).where(eq(establishments.uai, DEMO_ESTABLISHMENTS.ecole.uai));
    const [foreign] = await database.db.insert(rooms).values({ establishmentId: ecole.id, name: "Préau couvert" }).returning();
    const director = await as("direction");
    const refs = await director.timetable.references();
    await expect(
      director.timetable.createLesson(wednesday({ subjectId: refs.subjects[0].id, teacherIds: [], roomId: foreign.id, startsAt: "08:00", endsAt: "08:30" })),
    ).rejects.toMatchObject({ message: "timetable.errors.unknownRoom" });
  });
});
