import { eq } from "drizzle-orm";
import { absenceJustifications, absences } from "@/drizzle/schema";
import { justifyAbsence } from "@/server/attendance/justify";
import { rollCallWindow } from "@/server/attendance/roll-call-window";
import { addDays, isoDate, schoolInstant } from "@/server/calendar/days";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { occurrencesBetween } from "@/server/timetable/occurrences";
import { caseGroup, COLLEGE, type MatrixKit, TEACHERS } from "./kit";

const VIE_SCOLAIRE = ["direction", "cpe"] as const;

/** A lesson of claire's in 4eB, unchanged, whose roll can be taken now: the latest begun in the last week. */
async function claireOpenLesson(kit: MatrixKit) {
  const now = new Date();
  const claire = await kit.idOf(DEMO_ACCOUNTS.leadTeacher.login);
  const recent = await occurrencesBetween(
    kit.db,
    { establishmentId: await kit.establishmentId(COLLEGE), teacherIds: [claire] },
    addDays(isoDate(now), -7),
    isoDate(now),
  );
  const open = recent.filter((o) => o.audience.name === "4eB" && !o.change && rollCallWindow(o, now) === "open").at(-1);
  if (!open) throw new Error("claire has no lesson in the last week: the matrix needs a school week");
  return { lessonId: open.lessonId, plannedOn: open.plannedOn };
}

/** Absences, roll calls and justifications. */
export const attendanceCases = caseGroup({
  domain: "attendance",
  setup: async (kit) => {
    const [college, emma, hugo, chloe, sophie] = await Promise.all([
      kit.establishmentId(COLLEGE),
      kit.idOf(DEMO_ACCOUNTS.student.login),
      kit.idOf(DEMO_ACCOUNTS.classmate.login),
      kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
      kit.idOf(DEMO_ACCOUNTS.guardian.login),
    ]);
    // Each call that changes an absence gets one of its own, on a day of its own.
    let days = 0;
    const nextDay = () => addDays("2026-09-14", days++);
    const freshAbsence = async () => {
      const day = nextDay();
      const [row] = await kit.db
        .insert(absences)
        .values({
          establishmentId: college,
          studentId: emma,
          kind: "absence",
          startsAt: schoolInstant(day, "08:00"),
          endsAt: schoolInstant(day, "09:00"),
        })
        .returning({ id: absences.id });
      return row.id;
    };
    const freshPending = async () => {
      const absenceId = await freshAbsence();
      await justifyAbsence(kit.db, { absenceId, submittedBy: sophie, reason: "illness" });
      return absenceId;
    };
    const withDocument = await freshAbsence();
    await justifyAbsence(kit.db, {
      absenceId: withDocument,
      submittedBy: sophie,
      reason: "illness",
      document: { name: "certificat.pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n") },
    });
    const [justification] = await kit.db
      .select({ id: absenceJustifications.id })
      .from(absenceJustifications)
      .where(eq(absenceJustifications.absenceId, withDocument));
    return {
      occurrence: await claireOpenLesson(kit),
      emma,
      hugo,
      chloe,
      class4eB: await kit.classId(COLLEGE, "4eB"),
      justificationId: justification.id,
      nextDay,
      freshAbsence,
      freshPending,
    };
  },
  cases: [
  { procedure: "attendance.myRollCalls", label: "", allowed: TEACHERS, call: (api) => api.attendance.myRollCalls() },
  { procedure: "attendance.rollCall", label: "of claire's lesson in 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.attendance.rollCall(t.occurrence) },
  { procedure: "attendance.saveRollCall", label: "of claire's lesson in 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.attendance.saveRollCall({ ...t.occurrence, marks: [{ studentId: t.emma, status: "present" }] }) },
  { procedure: "attendance.desk", label: "of the own establishment", allowed: [...VIE_SCOLAIRE, "ecoleDirection"],
    call: (api) => api.attendance.desk() },
  { procedure: "attendance.followUp", label: "of the own establishment", allowed: [...VIE_SCOLAIRE, "ecoleDirection"],
    call: (api, t) => api.attendance.followUp({ classId: t.class4eB }) },
  { procedure: "attendance.recordAbsence", label: "for emma (4eB)", allowed: VIE_SCOLAIRE,
    call: (api, t) => {
      const day = t.nextDay();
      return api.attendance.recordAbsence({ studentId: t.emma, from: { day, half: "morning" }, to: { day, half: "afternoon" } });
    } },
  { procedure: "attendance.recordAbsence", label: "for chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => {
      const day = t.nextDay();
      return api.attendance.recordAbsence({ studentId: t.chloe, from: { day, half: "morning" }, to: { day, half: "morning" } });
    } },
  { procedure: "attendance.recordLate", label: "for hugo (4eB)", allowed: VIE_SCOLAIRE,
    call: (api, t) => api.attendance.recordLate({ studentId: t.hugo, day: t.nextDay(), arrivedAt: "08:10", minutesLate: 10 }) },
  { procedure: "attendance.decide", label: "on emma's pending justification", allowed: VIE_SCOLAIRE,
    call: async (api, t) => api.attendance.decide({ absenceId: await t.freshPending(), decision: "accepted" }) },
  { procedure: "attendance.setReason", label: "of emma's absence", allowed: VIE_SCOLAIRE,
    call: async (api, t) => api.attendance.setReason({ absenceId: await t.freshAbsence(), reason: "family" }) },
  { procedure: "attendance.ofStudent", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", ...VIE_SCOLAIRE],
    call: (api, t) => api.attendance.ofStudent({ studentId: t.emma }) },
  { procedure: "attendance.ofStudent", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", ...VIE_SCOLAIRE],
    call: (api, t) => api.attendance.ofStudent({ studentId: t.hugo }) },
  { procedure: "attendance.ofStudent", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.attendance.ofStudent({ studentId: t.chloe }) },
  { procedure: "attendance.justify", label: "emma's absence", allowed: ["guardian"],
    call: async (api, t) => api.attendance.justify({ absenceId: await t.freshAbsence(), reason: "illness", comment: "Fièvre" }) },
  { procedure: "attendance.document", label: "sent by sophie for emma", allowed: ["guardian", ...VIE_SCOLAIRE],
    call: (api, t) => api.attendance.document({ justificationId: t.justificationId }) },
  { procedure: "attendance.toJustify", label: "", allowed: ["guardian", "otherGuardian", "teacherParent"],
    call: (api) => api.attendance.toJustify() },
  ],
});
