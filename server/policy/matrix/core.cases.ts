import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { caseGroup, COLLEGE, ECOLE, PERSONAS, RECORDS, SIGNED_IN } from "./kit";

/** Accounts, the person's own data and the directory. */
export const coreCases = caseGroup({
  domain: "core",
  setup: async (kit) => ({
    class4eB: await kit.classId(COLLEGE, "4eB"),
    classCE2: await kit.classId(ECOLE, "CE2"),
    emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
    hugo: await kit.idOf(DEMO_ACCOUNTS.classmate.login),
    chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
    ecole: await kit.establishmentId(ECOLE),
  }),
  cases: [
  { procedure: "account.activate", label: "anyone may try a code", allowed: PERSONAS, call: (api) =>
      api.account.activate({ login: "nobody", code: "AAAA-BBBB-CCCC", password: "x", acceptCharter: true }) },
  { procedure: "me.whoAmI", label: "", allowed: SIGNED_IN, call: (api) => api.me.whoAmI() },
  { procedure: "me.children", label: "", allowed: SIGNED_IN, call: (api) => api.me.children() },
  { procedure: "me.classes", label: "", allowed: SIGNED_IN, call: (api) => api.me.classes() },
  { procedure: "me.sessions", label: "", allowed: SIGNED_IN, call: (api) => api.me.sessions() },
  { procedure: "me.setLanguage", label: "", allowed: SIGNED_IN, call: (api) => api.me.setLanguage({ language: "en" }) },
  { procedure: "me.logOutEverywhere", label: "", allowed: SIGNED_IN, call: (api) => api.me.logOutEverywhere() },
  { procedure: "me.switchEstablishment", label: "to the école", allowed: ["guardian", "ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.me.switchEstablishment({ establishmentId: t.ecole }) },
  { procedure: "directory.classes", label: "", allowed: SIGNED_IN, call: (api) => api.directory.classes() },
  { procedure: "directory.classRoster", label: "of 4eB", allowed: ["student", "classmate", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.directory.classRoster({ classId: t.class4eB }) },
  { procedure: "directory.classRoster", label: "of the école's CE2", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.directory.classRoster({ classId: t.classCE2 }) },
  { procedure: "directory.studentCard", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.directory.studentCard({ studentId: t.emma }) },
  { procedure: "directory.studentCard", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.directory.studentCard({ studentId: t.hugo }) },
  { procedure: "directory.studentCard", label: "of chloé (école)", allowed: ["ecoleDirection", "ecoleAdmin"],
    call: (api, t) => api.directory.studentCard({ studentId: t.chloe }) },
  { procedure: "directory.overview", label: "", allowed: [...RECORDS, "ecoleDirection", "ecoleAdmin"], call: (api) => api.directory.overview() },
  ],
});
