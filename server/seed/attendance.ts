import type { absenceJustifications, absences, rollCalls } from "@/drizzle/schema";
import {
  absenceJustifications as justificationsTable,
  absences as absencesTable,
  rollCalls as rollCallsTable,
} from "@/drizzle/schema";
import { halfDaySpan } from "@/server/attendance/school-day";
import { addDays, daysFrom, isoWeekday, mondayOf, schoolInstant } from "@/server/calendar/days";
import type { Db } from "@/server/db/client";
import { insertInChunks, type SeedRows } from "./rows";
import { schoolDaysIn } from "./demo-week";
import { isHoliday } from "./school-calendar";
import { DEMO_WEEK } from "./timetable-changes";
import type { TimetableRows } from "./timetable";

/** The roll calls, absences and justifications of the demo, written after the timetable they refer to. */
export interface AttendanceRows {
  rollCalls: (typeof rollCalls.$inferInsert)[];
  absences: (typeof absences.$inferInsert & { id: string })[];
  justifications: (typeof absenceJustifications.$inferInsert)[];
}

/** The people the demo's absences are built around. */
export interface DemoAttendancePins {
  className: string;
  /** emma: an absence last week still to justify, and a late her mother (guardianId) justified */
  studentId: string;
  guardianId: string;
  /** hugo: ill two days, his family phoned */
  classmateId: string;
  /** ines, whose account is not activated: left out */
  pendingId: string;
  cpeId: string;
  /** claire, professeur principal: her last lesson in the class before the demo week is the roll call forgotten */
  leadTeacherId: string;
}

type Absence = AttendanceRows["absences"][number];

/** The roll calls start here. */
const FIRST_DAY = addDays(DEMO_WEEK, -14);

/**
 * The two weeks before the demo week: every lesson's roll call taken by its teacher but one the professeur principal
 * forgot, and in her class what vie scolaire follows up — an absence to justify, lates, a justification waiting for
 * a decision, one refused, a pupil ill for two days, another reported absent today. Same rows at every seeding.
 */
export function addDemoAttendance(
  timetable: TimetableRows,
  rows: SeedRows,
  establishmentId: string,
  pins: DemoAttendancePins,
  newId: () => string,
): AttendanceRows {
  const theClass = rows.classes.find((c) => c.establishmentId === establishmentId && c.name === pins.className)!;
  // Lessons of every week only: which week is A or B does not matter then.
  const classLessons = timetable.lessons.filter((l) => l.classId === theClass.id && l.weeks === "every");
  const teacherOf = new Map(timetable.lessonTeachers.map((t) => [t.lessonId, t.teacherId]));
  const lessonsOn = (day: string) =>
    classLessons.filter((l) => l.weekday === isoWeekday(day)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const schoolDays = daysFrom(FIRST_DAY, addDays(DEMO_WEEK, -1)).filter((day) => isoWeekday(day) <= 5 && !isHoliday(day));
  const result: AttendanceRows = { rollCalls: [], absences: [], justifications: [] };

  const weekOf = new Map(timetable.schoolWeeks.map((w) => [w.monday, w.pattern]));
  const forgotten = schoolDays
    .flatMap((day) => lessonsOn(day).map((lesson) => ({ day, lesson })))
    .filter(({ lesson }) => teacherOf.get(lesson.id) === pins.leadTeacherId)
    .at(-1);
  for (const day of schoolDays) {
    const held = timetable.lessons.filter(
      (l) => l.weekday === isoWeekday(day) && (l.weeks === "every" || l.weeks === weekOf.get(mondayOf(day))),
    );
    for (const lesson of held) {
      if (forgotten?.day === day && forgotten.lesson.id === lesson.id) continue;
      result.rollCalls.push({
        lessonId: lesson.id,
        onDate: day,
        takenBy: teacherOf.get(lesson.id)!,
        takenAt: new Date(schoolInstant(day, lesson.startsAt).getTime() + 5 * 60_000),
      });
    }
  }

  const pupils = rows.classEnrolments
    .filter((e) => e.classId === theClass.id)
    .map((e) => e.studentId)
    .filter((id) => ![pins.studentId, pins.classmateId, pins.pendingId].includes(id));
  const guardianOf = (studentId: string) =>
    studentId === pins.studentId ? pins.guardianId : rows.guardianships.find((g) => g.studentId === studentId)!.guardianId;

  const base = (studentId: string, kind: "absence" | "late", startsAt: Date, endsAt: Date): Absence => ({
    id: newId(),
    establishmentId,
    studentId,
    kind,
    startsAt,
    endsAt,
    minutesLate: null,
    lessonId: null,
    lessonDate: null,
    status: "unjustified",
    reason: null,
    staffComment: null,
    recordedBy: pins.cpeId,
    recordedAt: endsAt,
  });
  /** marked absent or late by the teacher at the roll call of the class's nth lesson of a day */
  const atRollCall = (studentId: string, day: string, nth: number, minutesLate?: number): Absence => {
    const lesson = lessonsOn(day)[nth];
    const startsAt = schoolInstant(day, lesson.startsAt);
    const endsAt = minutesLate ? new Date(startsAt.getTime() + minutesLate * 60_000) : schoolInstant(day, lesson.endsAt);
    return {
      ...base(studentId, minutesLate ? "late" : "absence", startsAt, endsAt),
      minutesLate: minutesLate ?? null,
      lessonId: lesson.id,
      lessonDate: day,
      recordedBy: teacherOf.get(lesson.id)!,
      recordedAt: new Date(startsAt.getTime() + 5 * 60_000),
    };
  };
  const justify = (
    absence: Absence,
    fields: Pick<AttendanceRows["justifications"][number], "reason" | "comment" | "decision" | "decisionComment">,
  ) => {
    const submittedAt = new Date((absence.endsAt as Date).getTime() + 20 * 3_600_000);
    const decided = fields.decision !== "pending";
    absence.status = fields.decision;
    absence.reason = fields.decision === "accepted" ? fields.reason : null;
    absence.staffComment = fields.decisionComment;
    result.justifications.push({
      id: newId(),
      absenceId: absence.id,
      submittedBy: guardianOf(absence.studentId),
      submittedAt,
      documentName: null,
      documentType: null,
      document: null,
      decidedBy: decided ? pins.cpeId : null,
      decidedAt: decided ? new Date(submittedAt.getTime() + 3 * 3_600_000) : null,
      ...fields,
    });
  };
  /** A day of the demo's fortnight, or when a bank holiday falls on it, the next (else the previous) school day of its week. */
  const day = (offset: number) => {
    const wanted = addDays(DEMO_WEEK, offset);
    const week = schoolDaysIn(mondayOf(wanted));
    return week.find((d) => d >= wanted) ?? week.at(-1)!;
  };

  // Emma: absent on Thursday's first lesson last week, not justified yet; late on Tuesday, bus delayed.
  result.absences.push(atRollCall(pins.studentId, day(-4), 0));
  const late = atRollCall(pins.studentId, day(-6), 0, 10);
  result.absences.push(late);
  justify(late, { reason: "transport", comment: "Le bus de 7 h 40 n'est pas passé.", decision: "accepted", decisionComment: null });

  // Hugo: ill Monday and Tuesday of the week before; his mother phoned, vie scolaire entered the reason.
  const ill = base(pins.classmateId, "absence", ...spanOf(day(-14), day(-13)));
  Object.assign(ill, { status: "accepted", reason: "illness", staffComment: "Appel de la mère le lundi matin." });
  result.absences.push(ill);

  // Others: a justification waiting for vie scolaire, one refused, two lates to follow up, one pupil absent today.
  const [waiting, refused, oftenLate, absentToday] = pupils;
  const appointment = atRollCall(waiting, day(-10), 1);
  result.absences.push(appointment);
  justify(appointment, { reason: "medical_appointment", comment: "Rendez-vous chez l'orthodontiste.", decision: "pending", decisionComment: null });
  const overslept = atRollCall(refused, day(-11), 0);
  result.absences.push(overslept);
  justify(overslept, { reason: "other", comment: "Panne de réveil.", decision: "refused", decisionComment: "Ce motif ne justifie pas une absence." });
  result.absences.push(atRollCall(oftenLate, day(-7), 0, 5), atRollCall(oftenLate, day(-5), 0, 15));
  const today = base(absentToday, "absence", ...spanOf(day(0), day(0)));
  Object.assign(today, { status: "accepted", reason: "illness", staffComment: "Appel du père : gastro-entérite." });
  result.absences.push(today);
  return result;
}

/** Whole days, as vie scolaire records them. */
function spanOf(from: string, to: string): [Date, Date] {
  const span = halfDaySpan({ day: from, half: "morning" }, { day: to, half: "afternoon" });
  return [span.startsAt, span.endsAt];
}

/** Writes the demo's attendance once its lessons are in. */
export async function insertAttendance(db: Db, rows: AttendanceRows): Promise<void> {
  await insertInChunks(db, rollCallsTable, rows.rollCalls);
  await insertInChunks(db, absencesTable, rows.absences);
  await insertInChunks(db, justificationsTable, rows.justifications);
}
