import { eq, inArray } from "drizzle-orm";
import { groupMemberships, rooms, teachingAssignments, teachingGroups } from "@/drizzle/schema";
import { addDays, mondayOf } from "@/server/calendar/days";
import { SCHOOL_YEAR } from "@/server/seed/calendar";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { currentSchoolYear } from "@/server/services/school-year";
import { NO_CHANGE } from "@/server/timetable/what-changed";
import { caseGroup, COLLEGE, ECOLE, RECORDS, SIGNED_IN } from "./kit";

const WEEK = "2026-11-30";
/** The last week of the demo's school year: changing its letter moves no lesson another case relies on. */
const LAST_WEEK = mondayOf(SCHOOL_YEAR.endsOn);
const EDITORS = ["direction", "admin"] as const;
const DAY_CHANGERS = ["direction", "cpe"] as const;

/**
 * Each call that writes a lesson gets a Saturday slot of its own (the demo has no Saturday lessons): one Saturday of
 * the second half of the year and an hour, so that no call clashes with a lesson an earlier call wrote.
 */
let slots = 0;
const nextSaturdaySlot = () => {
  const index = slots++;
  const day = addDays("2027-01-09", 7 * (index % 25));
  const hour = String(8 + Math.floor(index / 25)).padStart(2, "0");
  return { day, startsAt: `${hour}:00`, endsAt: `${hour}:30` };
};
const saturdayLesson = (subjectId: string, classId: string) => {
  const slot = nextSaturdaySlot();
  return {
    subjectId,
    teacherIds: [],
    classId,
    groupId: null,
    roomId: null,
    weekday: 6,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    weeks: "every" as const,
    validFrom: slot.day,
    validUntil: slot.day,
  };
};
const saturdayCsv = () => {
  const slot = nextSaturdaySlot();
  return `jour;debut;fin;matiere;enseignants;classe;du;au\nsamedi;${slot.startsAt};${slot.endsAt};FRANC;;4eB;${slot.day};${slot.day}\n`;
};

/** A day's change the matrix makes: the lesson cancelled, with a note. */
const cancelled = { ...NO_CHANGE, cancelled: true, note: "Matrice" };

/** Emploi du temps: weeks, the weekly timetable, a day's changes, events, the CSV import and the calendar feed. */
export const timetableCases = caseGroup({
  domain: "timetable",
  setup: async (kit) => {
    const [emma, hugo, chloe, claire, julien, marc, lucas] = await Promise.all(
      [
        DEMO_ACCOUNTS.student,
        DEMO_ACCOUNTS.classmate,
        DEMO_ACCOUNTS.ecoleStudent,
        DEMO_ACCOUNTS.leadTeacher,
        DEMO_ACCOUNTS.teacherParent,
        DEMO_ACCOUNTS.otherTeacher,
        DEMO_ACCOUNTS.sibling,
      ].map((account) => kit.idOf(account.login)),
    );
    const [college, ecole] = await Promise.all([kit.establishmentId(COLLEGE), kit.establishmentId(ECOLE)]);
    // a group none of the personas attends or teaches: only the school-wide staff may see its week
    const attended = await kit.db
      .select({ id: groupMemberships.groupId })
      .from(groupMemberships)
      .where(inArray(groupMemberships.studentId, [emma, hugo, lucas]));
    const taught = await kit.db
      .select({ id: teachingAssignments.groupId })
      .from(teachingAssignments)
      .where(inArray(teachingAssignments.teacherId, [claire, julien, marc]));
    const personaGroups = new Set([...attended, ...taught].map((g) => g.id));
    const strangers = (
      await kit.db.select({ id: teachingGroups.id }).from(teachingGroups).where(eq(teachingGroups.establishmentId, college))
    ).find((g) => !personaGroups.has(g.id))!;
    const [collegeRoom] = await kit.db.select({ id: rooms.id }).from(rooms).where(eq(rooms.establishmentId, college)).limit(1);
    const [ecoleRoom] = await kit.db.select({ id: rooms.id }).from(rooms).where(eq(rooms.establishmentId, ecole)).limit(1);

    const director = await kit.callerOf("direction");
    const cpe = await kit.callerOf("cpe");
    const class4eB = await kit.classId(COLLEGE, "4eB");
    const french = (await director.timetable.references()).subjects.find((s) => s.code === "FRANC")!.id;
    const claireIn4eB = (await director.timetable.teacherWeek({ teacherId: claire, week: WEEK })).days
      .flatMap((day) => day.occurrences)
      .find((o) => o.audience.name === "4eB" && !o.change)!;
    const newEvent = async () =>
      (
        await cpe.timetable.createEvent({
          kind: "meeting",
          title: "Réunion",
          location: null,
          startsOn: WEEK,
          startsAt: "17:00",
          endsOn: WEEK,
          endsAt: "18:00",
          wholeEstablishment: false,
          classIds: [class4eB],
          groupIds: [],
          personIds: [],
        })
      ).id;
    return {
      emma,
      hugo,
      chloe,
      claire,
      julien,
      class4eB,
      classCE2: await kit.classId(ECOLE, "CE2"),
      strangersGroup: strangers.id,
      collegeRoom: collegeRoom.id,
      ecoleRoom: ecoleRoom.id,
      french,
      claireLesson: { lessonId: claireIn4eB.lessonId, plannedOn: claireIn4eB.plannedOn },
      lesson: (await director.timetable.createLesson(saturdayLesson(french, class4eB))).id,
      freshLesson: async () => (await director.timetable.createLesson(saturdayLesson(french, class4eB))).id,
      freshEvent: newEvent,
      collegeYear: (await currentSchoolYear(kit.db, college))!.id,
      ecoleYear: (await currentSchoolYear(kit.db, ecole))!.id,
    };
  },
  cases: [
  { procedure: "timetable.choices", label: "", allowed: SIGNED_IN, call: (api) => api.timetable.choices() },
  { procedure: "timetable.studentWeek", label: "of emma (4eB)",
    allowed: ["student", "guardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.timetable.studentWeek({ studentId: t.emma, week: WEEK }) },
  { procedure: "timetable.studentWeek", label: "of hugo (4eB, other family, has a detention)",
    allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.timetable.studentWeek({ studentId: t.hugo, week: WEEK }) },
  { procedure: "timetable.studentWeek", label: "of chloé (école)", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.timetable.studentWeek({ studentId: t.chloe, week: WEEK }) },
  { procedure: "timetable.classWeek", label: "of 4eB", allowed: ["student", "classmate", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.timetable.classWeek({ classId: t.class4eB, week: WEEK }) },
  { procedure: "timetable.classWeek", label: "of the école's CE2", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.timetable.classWeek({ classId: t.classCE2, week: WEEK }) },
  { procedure: "timetable.groupWeek", label: "of a group no persona attends or teaches", allowed: RECORDS,
    call: (api, t) => api.timetable.groupWeek({ groupId: t.strangersGroup, week: WEEK }) },
  { procedure: "timetable.teacherWeek", label: "of claire", allowed: ["leadTeacher", ...RECORDS],
    call: (api, t) => api.timetable.teacherWeek({ teacherId: t.claire, week: WEEK }) },
  { procedure: "timetable.teacherWeek", label: "of julien", allowed: ["teacherParent", ...RECORDS],
    call: (api, t) => api.timetable.teacherWeek({ teacherId: t.julien, week: WEEK }) },
  { procedure: "timetable.roomWeek", label: "of a collège room", allowed: RECORDS,
    call: (api, t) => api.timetable.roomWeek({ roomId: t.collegeRoom, week: WEEK }) },
  { procedure: "timetable.roomWeek", label: "of an école room", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.timetable.roomWeek({ roomId: t.ecoleRoom, week: WEEK }) },
  { procedure: "timetable.references", label: "", allowed: [...EDITORS, "cpe", "ecoleDirection", "ecoleAdmin"],
    call: (api) => api.timetable.references() },
  { procedure: "timetable.lessons", label: "of 4eB", allowed: EDITORS,
    call: (api, t) => api.timetable.lessons({ classId: t.class4eB }) },
  { procedure: "timetable.createLesson", label: "for 4eB", allowed: EDITORS,
    call: (api, t) => api.timetable.createLesson(saturdayLesson(t.french, t.class4eB)) },
  { procedure: "timetable.updateLesson", label: "of 4eB", allowed: EDITORS,
    call: (api, t) => api.timetable.updateLesson({ lessonId: t.lesson, ...saturdayLesson(t.french, t.class4eB) }) },
  { procedure: "timetable.deleteLesson", label: "of 4eB", allowed: EDITORS,
    call: async (api, t) => api.timetable.deleteLesson({ lessonId: await t.freshLesson() }) },
  { procedure: "timetable.changeOccurrence", label: "cancel claire's lesson in 4eB", allowed: DAY_CHANGERS,
    call: (api, t) => api.timetable.changeOccurrence({ ...t.claireLesson, ...cancelled }) },
  { procedure: "timetable.annotateOccurrence", label: "exam on claire's lesson in 4eB", allowed: ["leadTeacher", ...DAY_CHANGERS],
    call: (api, t) => api.timetable.annotateOccurrence({ ...t.claireLesson, remote: false, exam: true, note: null }) },
  { procedure: "timetable.restoreOccurrence", label: "claire's lesson in 4eB", allowed: DAY_CHANGERS,
    call: (api, t) => api.timetable.restoreOccurrence(t.claireLesson) },
  { procedure: "timetable.events", label: "", allowed: [...DAY_CHANGERS, "ecoleDirection"],
    call: (api) => api.timetable.events({ week: WEEK }) },
  { procedure: "timetable.createEvent", label: "for the whole establishment", allowed: [...DAY_CHANGERS, "ecoleDirection"],
    call: (api) => api.timetable.createEvent({ kind: "holiday", title: "Pont", location: null, startsOn: "2027-05-07", startsAt: null,
      endsOn: "2027-05-07", endsAt: null, wholeEstablishment: true, classIds: [], groupIds: [], personIds: [] }) },
  { procedure: "timetable.createEvent", label: "a detention of emma (collège)", allowed: DAY_CHANGERS,
    call: (api, t) => api.timetable.createEvent({ kind: "detention", title: "Retenue", location: null, startsOn: WEEK, startsAt: "13:30",
      endsOn: WEEK, endsAt: "15:30", wholeEstablishment: false, classIds: [], groupIds: [], personIds: [t.emma] }) },
  { procedure: "timetable.createEvent", label: "an outing of 4eB (collège)", allowed: DAY_CHANGERS,
    call: (api, t) => api.timetable.createEvent({ kind: "outing", title: "Sortie", location: null, startsOn: WEEK, startsAt: null,
      endsOn: WEEK, endsAt: null, wholeEstablishment: false, classIds: [t.class4eB], groupIds: [], personIds: [] }) },
  { procedure: "timetable.createEvent", label: "a meeting of 4eB's teachers only (collège)", allowed: DAY_CHANGERS,
    call: (api, t) => api.timetable.createEvent({ kind: "meeting", title: "Conseil de classe", location: null, startsOn: WEEK, startsAt: "17:00",
      endsOn: WEEK, endsAt: "19:00", wholeEstablishment: false, roles: ["teacher"], classIds: [t.class4eB], groupIds: [], personIds: [] }) },
  { procedure: "timetable.deleteEvent", label: "of 4eB", allowed: DAY_CHANGERS,
    call: async (api, t) => api.timetable.deleteEvent({ eventId: await t.freshEvent() }) },
  { procedure: "timetable.previewImport", label: "", allowed: [...EDITORS, "ecoleDirection", "ecoleAdmin"],
    call: (api) => api.timetable.previewImport({ csv: saturdayCsv(), replace: false }) },
  { procedure: "timetable.applyImport", label: "a file for 4eB, applied when its dry run is clean (in the école: unknown class)",
    allowed: [...EDITORS, "ecoleDirection", "ecoleAdmin"],
    call: async (api) => {
      const csv = saturdayCsv();
      const dryRun = await api.timetable.previewImport({ csv, replace: false });
      return dryRun.errorCount === 0 && !dryRun.fileError ? api.timetable.applyImport({ csv, replace: false }) : dryRun;
    } },
  { procedure: "timetable.schoolWeeks", label: "of the collège's year", allowed: EDITORS,
    call: (api, t) => api.timetable.schoolWeeks({ schoolYearId: t.collegeYear }) },
  { procedure: "timetable.schoolWeeks", label: "of the école's year", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.timetable.schoolWeeks({ schoolYearId: t.ecoleYear }) },
  { procedure: "timetable.alternateWeeks", label: "of the collège's year, from its last week", allowed: EDITORS,
    call: (api, t) => api.timetable.alternateWeeks({ schoolYearId: t.collegeYear, weekA: LAST_WEEK }) },
  { procedure: "timetable.alternateWeeks", label: "of the école's year, from its last week", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.timetable.alternateWeeks({ schoolYearId: t.ecoleYear, weekA: LAST_WEEK }) },
  { procedure: "timetable.setSchoolWeek", label: "the collège's last week to B", allowed: EDITORS,
    call: (api, t) => api.timetable.setSchoolWeek({ schoolYearId: t.collegeYear, monday: LAST_WEEK, pattern: "B" }) },
  { procedure: "timetable.setSchoolWeek", label: "the école's last week to B", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.timetable.setSchoolWeek({ schoolYearId: t.ecoleYear, monday: LAST_WEEK, pattern: "B" }) },
  { procedure: "timetable.feed", label: "", allowed: SIGNED_IN, call: (api) => api.timetable.feed() },
  { procedure: "timetable.regenerateFeed", label: "", allowed: SIGNED_IN, call: (api) => api.timetable.regenerateFeed() },
  { procedure: "timetable.revokeFeed", label: "", allowed: SIGNED_IN, call: (api) => api.timetable.revokeFeed() },
  ],
});
