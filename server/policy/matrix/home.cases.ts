import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { caseGroup, RECORDS, SIGNED_IN, TEACHERS } from "./kit";

/** The home page's widgets: a pupil's next lessons and homework follow who may see their week and their homework. */
export const homeCases = caseGroup({
  domain: "home",
  setup: async (kit) => ({
    emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
    hugo: await kit.idOf(DEMO_ACCOUNTS.classmate.login),
    chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
  }),
  cases: [
  { procedure: "home.myNextLessons", label: "", allowed: SIGNED_IN, call: (api) => api.home.myNextLessons() },
  { procedure: "home.childNextLessons", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.home.childNextLessons({ studentId: t.emma }) },
  { procedure: "home.childNextLessons", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.home.childNextLessons({ studentId: t.hugo }) },
  { procedure: "home.childNextLessons", label: "of chloé (école)", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.home.childNextLessons({ studentId: t.chloe }) },
  { procedure: "home.homeworkDue", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", "teacherParent", "direction", "cpe"],
    call: (api, t) => api.home.homeworkDue({ studentId: t.emma }) },
  { procedure: "home.homeworkDue", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", "direction", "cpe"],
    call: (api, t) => api.home.homeworkDue({ studentId: t.hugo }) },
  { procedure: "home.homeworkDue", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.home.homeworkDue({ studentId: t.chloe }) },
  { procedure: "home.rollCallsToTake", label: "", allowed: TEACHERS, call: (api) => api.home.rollCallsToTake() },
  ],
});
