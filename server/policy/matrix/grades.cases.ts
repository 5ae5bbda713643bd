import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { caseGroup, GRADE_READERS, SIGNED_IN, TEACHERS } from "./kit";

const evaluationFields = (period: string) => ({
  periodId: period,
  title: "Dictée",
  givenOn: "2026-11-20",
  outOf: 20,
  coefficient: 1,
  kind: "normal" as const,
});

/** Evaluations, marks, relevés de notes. */
export const gradesCases = caseGroup({
  domain: "grades",
  setup: async (kit) => {
    const claire = await kit.callerOf("leadTeacher");
    const frenchIn4eB = (await claire.grades.myAssignments()).find((a) => a.className === "4eB")!.id;
    const period = (await claire.grades.periods()).currentId!;
    const newEvaluation = async () =>
      (await claire.grades.createEvaluation({ assignmentId: frenchIn4eB, ...evaluationFields(period) })).id;
    return {
      frenchIn4eB,
      period,
      evaluation: await newEvaluation(),
      freshDraft: newEvaluation,
      emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
      hugo: await kit.idOf(DEMO_ACCOUNTS.classmate.login),
      chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
    };
  },
  cases: [
  { procedure: "grades.periods", label: "", allowed: SIGNED_IN, call: (api) => api.grades.periods() },
  { procedure: "grades.myAssignments", label: "", allowed: TEACHERS, call: (api) => api.grades.myAssignments() },
  { procedure: "grades.evaluations", label: "of French in 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.evaluations({ assignmentId: t.frenchIn4eB }) },
  { procedure: "grades.createEvaluation", label: "in French 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.createEvaluation({ assignmentId: t.frenchIn4eB, ...evaluationFields(t.period) }) },
  { procedure: "grades.updateEvaluation", label: "", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.updateEvaluation({ evaluationId: t.evaluation, ...evaluationFields(t.period) }) },
  { procedure: "grades.markSheet", label: "", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.markSheet({ evaluationId: t.evaluation }) },
  { procedure: "grades.saveMarks", label: "for emma", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.saveMarks({ evaluationId: t.evaluation, marks: [{ studentId: t.emma, status: "graded", value: 14 }] }) },
  { procedure: "grades.publish", label: "", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.publish({ evaluationId: t.evaluation }) },
  { procedure: "grades.deleteEvaluation", label: "a draft", allowed: ["leadTeacher"],
    call: async (api, t) => api.grades.deleteEvaluation({ evaluationId: await t.freshDraft() }) },
  { procedure: "grades.report", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", "teacherParent", ...GRADE_READERS],
    call: (api, t) => api.grades.report({ studentId: t.emma }) },
  { procedure: "grades.report", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", ...GRADE_READERS],
    call: (api, t) => api.grades.report({ studentId: t.hugo }) },
  { procedure: "grades.report", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.grades.report({ studentId: t.chloe }) },
  { procedure: "grades.exportMarks", label: "of French in 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.grades.exportMarks({ assignmentId: t.frenchIn4eB, periodId: t.period }) },
  { procedure: "grades.latest", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", "teacherParent", ...GRADE_READERS],
    call: (api, t) => api.grades.latest({ studentId: t.emma }) },
  ],
});
