import { people, profiles } from "@/drizzle/schema";
import { fixture } from "@/server/imports/test-establishment";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { currentSchoolYear } from "@/server/services/school-year";
import { caseGroup, COLLEGE, ECOLE, SIGNED_IN } from "./kit";

const ADMIN = ["admin"] as const;

/** A guardians file naming an unknown pupil: its dry run lists the error, and applying it writes nothing. */
const FAULTY_IMPORT = { guardians: fixture("responsables-erreurs.csv") };

let created = 0;

/** Administration (ADML), imports and data protection: only the establishment's administrators, only for their people. */
export const adminCases = caseGroup({
  domain: "admin",
  setup: async (kit) => {
    const college = await kit.establishmentId(COLLEGE);
    const year = (await currentSchoolYear(kit.db, college))!;
    /** A throwaway pupil of the collège for the calls that change or erase an account. */
    const freshPupil = async () => {
      const [person] = await kit.db
        .insert(people)
        .values({ login: `matrice.eleve${++created}`, firstName: "Matrice", lastName: `Élève ${created}`, status: "active" })
        .returning({ id: people.id });
      await kit.db.insert(profiles).values({ personId: person.id, establishmentId: college, role: "student" });
      return person.id;
    };
    return {
      year: { label: year.label, startsOn: year.startsOn, endsOn: year.endsOn, kind: year.periods[0].kind, periods: year.periods.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })) },
      yearId: year.id,
      emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
      chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
      class3eA: await kit.classId(COLLEGE, "3eA"),
      classCE2: await kit.classId(ECOLE, "CE2"),
      freshPupil,
    };
  },
  cases: [
    { procedure: "admin.accounts", label: "", allowed: ADMIN, call: (api) => api.admin.accounts({ query: "bernard" }) },
    { procedure: "admin.account", label: "of emma", allowed: ADMIN, call: (api, t) => api.admin.account({ personId: t.emma }) },
    { procedure: "admin.account", label: "of chloé (another establishment)", allowed: [], call: (api, t) => api.admin.account({ personId: t.chloe }) },
    { procedure: "admin.createAccount", label: "", allowed: ADMIN,
      call: (api) => api.admin.createAccount({ firstName: "Nouvelle", lastName: "Personne", email: null, phone: null, roles: ["agent"] }) },
    { procedure: "admin.updateAccount", label: "", allowed: ADMIN,
      call: async (api, t) => api.admin.updateAccount({ personId: await t.freshPupil(), firstName: "Matrice", lastName: "Modifiée", email: null, phone: null }) },
    { procedure: "admin.disableAccount", label: "", allowed: ADMIN, call: async (api, t) => api.admin.disableAccount({ personId: await t.freshPupil() }) },
    { procedure: "admin.enableAccount", label: "", allowed: ADMIN, call: async (api, t) => api.admin.enableAccount({ personId: await t.freshPupil() }) },
    { procedure: "admin.issueCode", label: "", allowed: ADMIN, call: async (api, t) => api.admin.issueCode({ personId: await t.freshPupil() }) },
    { procedure: "admin.issueCode", label: "for chloé (another establishment)", allowed: [], call: (api, t) => api.admin.issueCode({ personId: t.chloe }) },
    { procedure: "admin.setRoles", label: "", allowed: ADMIN,
      call: async (api, t) => api.admin.setRoles({ personId: await t.freshPupil(), roles: ["student", "guardian"] }) },
    { procedure: "admin.mergePreview", label: "of two pupils", allowed: ADMIN,
      call: async (api, t) => api.admin.mergePreview({ survivorId: await t.freshPupil(), duplicateId: await t.freshPupil() }) },
    { procedure: "admin.mergePreview", label: "of chloé into emma (another establishment)", allowed: [],
      call: (api, t) => api.admin.mergePreview({ survivorId: t.emma, duplicateId: t.chloe }) },
    { procedure: "admin.mergeAccounts", label: "of two pupils", allowed: ADMIN,
      call: async (api, t) => api.admin.mergeAccounts({ survivorId: await t.freshPupil(), duplicateId: await t.freshPupil() }) },
    { procedure: "admin.mergeAccounts", label: "of chloé into emma (another establishment)", allowed: [],
      call: (api, t) => api.admin.mergeAccounts({ survivorId: t.emma, duplicateId: t.chloe }) },
    { procedure: "admin.mergeAccounts", label: "of emma into chloé (another establishment)", allowed: [],
      call: (api, t) => api.admin.mergeAccounts({ survivorId: t.chloe, duplicateId: t.emma }) },
    { procedure: "admin.classes", label: "", allowed: ADMIN, call: (api) => api.admin.classes() },
    { procedure: "admin.printLetters", label: "of 3eA", allowed: ADMIN, call: (api, t) => api.admin.printLetters({ classId: t.class3eA }) },
    { procedure: "admin.printLetters", label: "of the école's CE2", allowed: [], call: (api, t) => api.admin.printLetters({ classId: t.classCE2 }) },
    { procedure: "admin.modules", label: "", allowed: ADMIN, call: (api) => api.admin.modules() },
    { procedure: "admin.setModule", label: "", allowed: ADMIN, call: (api) => api.admin.setModule({ module: "homework", enabled: true }) },
    { procedure: "admin.schoolYears", label: "", allowed: ADMIN, call: (api) => api.admin.schoolYears() },
    { procedure: "admin.saveSchoolYear", label: "as it is", allowed: ADMIN, call: (api, t) => api.admin.saveSchoolYear(t.year) },
    { procedure: "admin.retention", label: "", allowed: ADMIN, call: (api) => api.admin.retention() },
    { procedure: "admin.setRetention", label: "", allowed: ADMIN, call: (api) => api.admin.setRetention({ auditDays: 365 }) },
    { procedure: "admin.audit", label: "", allowed: ADMIN, call: (api) => api.admin.audit({ action: "auth" }) },
    { procedure: "admin.establishments", label: "super-administrator", allowed: ADMIN, call: (api) => api.admin.establishments() },
    { procedure: "admin.createEstablishment", label: "super-administrator", allowed: ADMIN,
      call: (api) => api.admin.createEstablishment({ uai: `069${String(8000 + ++created)}M`, name: "Collège de la matrice", kind: "college", city: null }) },
    { procedure: "imports.exportOneRoster", label: "", allowed: ADMIN, call: (api) => api.imports.exportOneRoster() },
    { procedure: "imports.schoolYears", label: "", allowed: ADMIN, call: (api) => api.imports.schoolYears() },
    { procedure: "imports.preview", label: "", allowed: ADMIN, call: (api, t) => api.imports.preview({ schoolYearId: t.yearId, files: FAULTY_IMPORT }) },
    { procedure: "imports.run", label: "a faulty file, which writes nothing", allowed: ADMIN,
      call: async (api, t) => {
        for await (const event of await api.imports.run({ schoolYearId: t.yearId, files: FAULTY_IMPORT })) void event;
      } },
    { procedure: "privacy.accessLog", label: "", allowed: SIGNED_IN, call: (api) => api.privacy.accessLog({}) },
    { procedure: "privacy.exportMine", label: "", allowed: SIGNED_IN, call: (api) => api.privacy.exportMine() },
    { procedure: "privacy.exportPerson", label: "of emma", allowed: ADMIN, call: (api, t) => api.privacy.exportPerson({ personId: t.emma }) },
    { procedure: "privacy.exportPerson", label: "of chloé (another establishment)", allowed: [], call: (api, t) => api.privacy.exportPerson({ personId: t.chloe }) },
    { procedure: "privacy.erasePerson", label: "", allowed: ADMIN, call: async (api, t) => api.privacy.erasePerson({ personId: await t.freshPupil() }) },
  ],
});
