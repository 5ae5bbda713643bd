import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import type { Caller } from "@/server/testing/callers";
import { caseGroup, COLLEGE, ECOLE, GRADE_READERS } from "./kit";

/** Who reads a pupil's published bulletins: the pupil, their guardians, their teachers, and staff following results. */
const READERS_OF_EMMA = ["student", "guardian", "leadTeacher", "teacherParent", ...GRADE_READERS] as const;

/** A draft bulletin must never come out, even to those who may read the pupil's published ones. */
async function expectNothing(read: Promise<unknown>) {
  const card = await read;
  if (card !== null) throw new Error("a bulletin that is not published was returned");
}

/** Bulletins: appréciations, conseil de classe, validation and publication, published bulletins. */
export const reportCardsCases = caseGroup({
  domain: "reportCards",
  setup: async (kit) => {
    const claire = await kit.callerOf("leadTeacher");
    const direction = await kit.callerOf("direction");
    const { periods } = await claire.grades.periods();
    const firstTerm = periods.find((p) => p.ordinal === 1)!.id;
    const secondTerm = periods.find((p) => p.ordinal === 2)!.id;
    const classOf = (name: string) => kit.classId(COLLEGE, name);
    const validated = async (api: Caller, classId: string, periodId: string) => {
      await api.reportCards.validate({ classId, periodId });
      return classId;
    };
    const c4eB = await classOf("4eB");
    // 4eB's second term is published (empty of marks, but published); its first term stays a draft.
    await validated(direction, c4eB, secondTerm);
    await direction.reportCards.publish({ classId: c4eB, periodId: secondTerm });
    return {
      firstTerm,
      secondTerm,
      c4eB,
      c6eA: await classOf("6eA"),
      toValidate: await classOf("4eA"),
      toReopen: await validated(direction, await classOf("4eC"), firstTerm),
      toPublish: await validated(direction, await classOf("4eD"), firstTerm),
      ecoleClass: await kit.classId(ECOLE, "CE2"),
      frenchIn4eB: (await claire.grades.myAssignments()).find((a) => a.className === "4eB")!.id,
      emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
      hugo: await kit.idOf(DEMO_ACCOUNTS.classmate.login),
      chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
    };
  },
  cases: [
  { procedure: "reportCards.overview", label: "of the active establishment", allowed: [...GRADE_READERS, "ecoleDirection"],
    call: (api) => api.reportCards.overview({}) },
  { procedure: "reportCards.assignmentSheet", label: "of French in 4eB", allowed: ["leadTeacher"],
    call: (api, t) => api.reportCards.assignmentSheet({ assignmentId: t.frenchIn4eB, periodId: t.firstTerm }) },
  { procedure: "reportCards.saveSubjectAppreciation", label: "in French 4eB for emma", allowed: ["leadTeacher"],
    call: (api, t) => api.reportCards.saveSubjectAppreciation({ assignmentId: t.frenchIn4eB, periodId: t.firstTerm, studentId: t.emma, text: "Bon travail." }) },
  { procedure: "reportCards.council", label: "of 4eB, a draft (not to pupils nor families)", allowed: ["leadTeacher", "teacherParent", ...GRADE_READERS],
    call: (api, t) => api.reportCards.council({ classId: t.c4eB, periodId: t.firstTerm }) },
  { procedure: "reportCards.council", label: "of 6eA (lucas's class, not to his family)", allowed: ["leadTeacher", "teacherParent", ...GRADE_READERS],
    call: (api, t) => api.reportCards.council({ classId: t.c6eA, periodId: t.firstTerm }) },
  { procedure: "reportCards.council", label: "of CE2 (école)", allowed: ["ecoleDirection"],
    call: async (api, t) => {
      const { currentId } = await api.grades.periods();
      return api.reportCards.council({ classId: t.ecoleClass, periodId: currentId! });
    } },
  { procedure: "reportCards.saveGeneralAppreciation", label: "in 4eB for emma (professeur principal)", allowed: ["leadTeacher"],
    call: (api, t) => api.reportCards.saveGeneralAppreciation({ classId: t.c4eB, periodId: t.firstTerm, studentId: t.emma, text: "Bon trimestre." }) },
  { procedure: "reportCards.validate", label: "4eA", allowed: ["direction"],
    call: (api, t) => api.reportCards.validate({ classId: t.toValidate, periodId: t.firstTerm }) },
  { procedure: "reportCards.reopen", label: "4eC, validated", allowed: ["direction"],
    call: (api, t) => api.reportCards.reopen({ classId: t.toReopen, periodId: t.firstTerm }) },
  { procedure: "reportCards.publish", label: "4eD, validated", allowed: ["direction"],
    call: (api, t) => api.reportCards.publish({ classId: t.toPublish, periodId: t.firstTerm }) },
  { procedure: "reportCards.studentCards", label: "of emma (4eB)", allowed: READERS_OF_EMMA,
    call: (api, t) => api.reportCards.studentCards({ studentId: t.emma }) },
  { procedure: "reportCards.studentCards", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", ...GRADE_READERS],
    call: (api, t) => api.reportCards.studentCards({ studentId: t.hugo }) },
  { procedure: "reportCards.studentCard", label: "of emma, published", allowed: READERS_OF_EMMA,
    call: (api, t) => api.reportCards.studentCard({ studentId: t.emma, periodId: t.secondTerm }) },
  { procedure: "reportCards.studentCard", label: "of emma, a draft: nothing, to anyone", allowed: READERS_OF_EMMA,
    call: (api, t) => expectNothing(api.reportCards.studentCard({ studentId: t.emma, periodId: t.firstTerm })) },
  { procedure: "reportCards.studentCard", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.reportCards.studentCard({ studentId: t.chloe, periodId: t.firstTerm }) },
  ],
});
