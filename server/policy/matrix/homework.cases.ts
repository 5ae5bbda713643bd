import { lessonChanges } from "@/drizzle/schema";
import { addDays } from "@/server/calendar/days";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { DEMO_WEEK } from "@/server/seed/timetable-changes";
import { caseGroup, COLLEGE, ECOLE, TEACHERS } from "./kit";

const text = (value: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
const homeworkFields = (dueOn: string) => ({ dueOn, instructions: text("Exercice 4 p. 52"), estimatedMinutes: 20, handIn: false });

/** Who follows a 4eB pupil's homework besides the pupil and their family: their teachers, direction and the CPE. */
const FOLLOWERS_4EB = ["leadTeacher", "teacherParent", "direction", "cpe"] as const;

/** Cahier de textes and travail à faire. */
export const homeworkCases = caseGroup({
  domain: "homework",
  setup: async (kit) => {
    const claire = await kit.callerOf("leadTeacher");
    const julien = await kit.callerOf("teacherParent");
    const in4eB = async (api: typeof claire, code: string) =>
      (await api.homework.teacherWeek({ monday: DEMO_WEEK })).lessons.filter(
        (l) => l.audience.name === "4eB" && l.subject.code === code && !l.change,
      );
    const [french, frenchLater] = await in4eB(claire, "FRANC");
    const [maths] = await in4eB(julien, "MATHS");
    const sixthA = (await claire.homework.teacherWeek({ monday: DEMO_WEEK })).lessons.find((l) => l.audience.name === "6eA")!;
    // marc.leroy (otherTeacher) substitutes for claire in one 4eB lesson: he may write that occurrence, and no other
    await kit.db.insert(lessonChanges).values({
      lessonId: frenchLater.lessonId,
      onDate: frenchLater.plannedOn,
      substituteTeacherId: await kit.idOf(DEMO_ACCOUNTS.otherTeacher.login),
    });
    const occurrence = (lesson: typeof french) => ({ lessonId: lesson.lessonId, plannedOn: lesson.plannedOn });
    const give = async (lesson: typeof french, api = claire) =>
      (await api.homework.give({ ...occurrence(lesson), ...homeworkFields(addDays(lesson.on, 3)) })).id;
    return {
      french: occurrence(french),
      frenchDue: addDays(french.on, 3),
      substituted: occurrence(frenchLater),
      maths: occurrence(maths),
      homework: await give(french),
      sixthAHomework: await give(sixthA),
      freshHomework: () => give(french),
      emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
      hugo: await kit.idOf(DEMO_ACCOUNTS.classmate.login),
      chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
      class4eB: await kit.classId(COLLEGE, "4eB"),
      classCE2: await kit.classId(ECOLE, "CE2"),
    };
  },
  cases: [
  { procedure: "homework.teacherWeek", label: "", allowed: TEACHERS, call: (api) => api.homework.teacherWeek({ monday: DEMO_WEEK }) },
  { procedure: "homework.occurrence", label: "of claire's French in 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.homework.occurrence(t.french) },
  { procedure: "homework.occurrence", label: "of julien's maths in 4eB", allowed: ["teacherParent"],
    call: (api, t) => api.homework.occurrence(t.maths) },
  { procedure: "homework.occurrence", label: "of claire's lesson marc substitutes in", allowed: ["leadTeacher", "otherTeacher"],
    call: (api, t) => api.homework.occurrence(t.substituted) },
  { procedure: "homework.saveLog", label: "in claire's French 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.homework.saveLog({ ...t.french, content: text("Lecture analytique") }) },
  { procedure: "homework.saveLog", label: "on the day marc substitutes", allowed: ["leadTeacher", "otherTeacher"],
    call: (api, t) => api.homework.saveLog({ ...t.substituted, content: text("Séance de remplacement") }) },
  { procedure: "homework.give", label: "in claire's French 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.homework.give({ ...t.french, ...homeworkFields(t.frenchDue) }) },
  { procedure: "homework.update", label: "claire's homework", allowed: ["leadTeacher"],
    call: (api, t) => api.homework.update({ homeworkId: t.homework, ...homeworkFields(t.frenchDue) }) },
  { procedure: "homework.remove", label: "claire's homework", allowed: ["leadTeacher"],
    call: async (api, t) => api.homework.remove({ homeworkId: await t.freshHomework() }) },
  { procedure: "homework.workload", label: "of 4eB from claire's lesson", allowed: ["leadTeacher"],
    call: (api, t) => api.homework.workload({ ...t.french, days: [t.frenchDue] }) },
  { procedure: "homework.pupilHomework", label: "of emma (4eB)", allowed: ["student", "guardian", ...FOLLOWERS_4EB],
    call: (api, t) => api.homework.pupilHomework({ studentId: t.emma }) },
  { procedure: "homework.pupilHomework", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", ...FOLLOWERS_4EB],
    call: (api, t) => api.homework.pupilHomework({ studentId: t.hugo }) },
  { procedure: "homework.pupilHomework", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.homework.pupilHomework({ studentId: t.chloe }) },
  { procedure: "homework.setDone", label: "on 4eB's homework, each pupil for themself", allowed: ["student", "classmate"],
    call: (api, t) => api.homework.setDone({ homeworkId: t.homework, done: true }) },
  { procedure: "homework.setDone", label: "on 6eA's homework", allowed: [],
    call: (api, t) => api.homework.setDone({ homeworkId: t.sixthAHomework, done: true }) },
  { procedure: "homework.pupilLogbook", label: "of emma (4eB)", allowed: ["student", "guardian", ...FOLLOWERS_4EB],
    call: (api, t) => api.homework.pupilLogbook({ studentId: t.emma }) },
  { procedure: "homework.pupilLogbook", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.homework.pupilLogbook({ studentId: t.chloe }) },
  { procedure: "homework.classLogbook", label: "of 4eB", allowed: FOLLOWERS_4EB,
    call: (api, t) => api.homework.classLogbook({ classId: t.class4eB }) },
  { procedure: "homework.classLogbook", label: "of the école's CE2", allowed: ["ecoleDirection"],
    call: (api, t) => api.homework.classLogbook({ classId: t.classCE2 }) },
  ],
});
