import { eq } from "drizzle-orm";
import { establishments, people, profiles } from "@/drizzle/schema";
import { fixture } from "@/server/imports/test-establishment";
import { DEMO_ACCOUNTS } from "@/server/seed/demo-accounts";
import { currentSchoolYear } from "@/server/services/school-year";
import { caseGroup, COLLEGE, ECOLE, SIGNED_IN } from "./kit";

/**
 * The two administrators: the collège's, who is also the installation's super-administrator, and the école's, an
 * ordinary ADML. What concerns one establishment is each one's in their own only; what is the installation's
 * (establishments) is the super-administrator's alone.
 */
const ADMINS = ["admin", "ecoleAdmin"] as const;
const COLLEGE_ADMIN = ["admin"] as const;
const ECOLE_ADMIN = ["ecoleAdmin"] as const;
const SUPER_ADMIN = ["admin"] as const;

/** A guardians file naming an unknown pupil: its dry run lists the error, and applying it writes nothing. */
const FAULTY_IMPORT = { guardians: fixture("responsables-erreurs.csv") };

let created = 0;

/** Administration (ADML), imports and data protection: only the establishment's administrators, only for their people. */
export const adminCases = caseGroup({
  domain: "admin",
  setup: async (kit) => {
    const college = await kit.establishmentId(COLLEGE);
    const ecole = await kit.establishmentId(ECOLE);
    const year = (await currentSchoolYear(kit.db, college))!;
    /** A throwaway pupil of an establishment for the calls that change or erase an account. */
    const pupilOf = (establishmentId: string) => async () => {
      const [person] = await kit.db
        .insert(people)
        .values({ login: `matrice.eleve${++created}`, firstName: "Matrice", lastName: `Élève ${created}`, status: "active" })
        .returning({ id: people.id });
      await kit.db.insert(profiles).values({ personId: person.id, establishmentId, role: "student" });
      return person.id;
    };
    const [ecoleDetails] = await kit.db
      .select({ uai: establishments.uai, name: establishments.name, kind: establishments.kind, city: establishments.city })
      .from(establishments)
      .where(eq(establishments.id, ecole));
    const [spare] = await kit.db.insert(establishments).values({ uai: "0697000E", name: "Collège de la matrice", kind: "college", city: null }).returning({ id: establishments.id });
    return {
      /** The école's details as they are, and an establishment nobody works in, for corrections that change nothing else. */
      ecoleAsItIs: { establishmentId: ecole, ...ecoleDetails },
      spareEstablishment: spare.id,
      year: { label: year.label, startsOn: year.startsOn, endsOn: year.endsOn, kind: year.periods[0].kind, periods: year.periods.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })) },
      yearId: year.id,
      ecoleYearId: (await currentSchoolYear(kit.db, ecole))!.id,
      emma: await kit.idOf(DEMO_ACCOUNTS.student.login),
      chloe: await kit.idOf(DEMO_ACCOUNTS.ecoleStudent.login),
      class3eA: await kit.classId(COLLEGE, "3eA"),
      classCE2: await kit.classId(ECOLE, "CE2"),
      freshPupil: pupilOf(college),
      freshEcolePupil: pupilOf(ecole),
    };
  },
  cases: [
    { procedure: "admin.accounts", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.accounts({ query: "bernard" }) },
    { procedure: "admin.account", label: "of emma (the collège's)", allowed: COLLEGE_ADMIN, call: (api, t) => api.admin.account({ personId: t.emma }) },
    { procedure: "admin.account", label: "of chloé (the école's)", allowed: ECOLE_ADMIN, call: (api, t) => api.admin.account({ personId: t.chloe }) },
    { procedure: "admin.createAccount", label: "in their establishment", allowed: ADMINS,
      call: (api) => api.admin.createAccount({ firstName: "Nouvelle", lastName: "Personne", email: null, phone: null, roles: ["agent"] }) },
    { procedure: "admin.updateAccount", label: "of a collège pupil", allowed: COLLEGE_ADMIN,
      call: async (api, t) => api.admin.updateAccount({ personId: await t.freshPupil(), firstName: "Matrice", lastName: "Modifiée", email: null, phone: null }) },
    { procedure: "admin.updateAccount", label: "of an école pupil", allowed: ECOLE_ADMIN,
      call: async (api, t) => api.admin.updateAccount({ personId: await t.freshEcolePupil(), firstName: "Matrice", lastName: "Modifiée", email: null, phone: null }) },
    { procedure: "admin.disableAccount", label: "of a collège pupil", allowed: COLLEGE_ADMIN, call: async (api, t) => api.admin.disableAccount({ personId: await t.freshPupil() }) },
    { procedure: "admin.disableAccount", label: "of an école pupil", allowed: ECOLE_ADMIN, call: async (api, t) => api.admin.disableAccount({ personId: await t.freshEcolePupil() }) },
    { procedure: "admin.enableAccount", label: "of a collège pupil", allowed: COLLEGE_ADMIN, call: async (api, t) => api.admin.enableAccount({ personId: await t.freshPupil() }) },
    { procedure: "admin.enableAccount", label: "of an école pupil", allowed: ECOLE_ADMIN, call: async (api, t) => api.admin.enableAccount({ personId: await t.freshEcolePupil() }) },
    { procedure: "admin.issueCode", label: "for a collège pupil", allowed: COLLEGE_ADMIN, call: async (api, t) => api.admin.issueCode({ personId: await t.freshPupil() }) },
    { procedure: "admin.issueCode", label: "for an école pupil", allowed: ECOLE_ADMIN, call: async (api, t) => api.admin.issueCode({ personId: await t.freshEcolePupil() }) },
    { procedure: "admin.setRoles", label: "of a collège pupil", allowed: COLLEGE_ADMIN,
      call: async (api, t) => api.admin.setRoles({ personId: await t.freshPupil(), roles: ["student", "guardian"] }) },
    { procedure: "admin.setRoles", label: "of an école pupil", allowed: ECOLE_ADMIN,
      call: async (api, t) => api.admin.setRoles({ personId: await t.freshEcolePupil(), roles: ["student", "guardian"] }) },
    { procedure: "admin.mergePreview", label: "of two collège pupils", allowed: COLLEGE_ADMIN,
      call: async (api, t) => api.admin.mergePreview({ survivorId: await t.freshPupil(), duplicateId: await t.freshPupil() }) },
    { procedure: "admin.mergePreview", label: "of two école pupils", allowed: ECOLE_ADMIN,
      call: async (api, t) => api.admin.mergePreview({ survivorId: await t.freshEcolePupil(), duplicateId: await t.freshEcolePupil() }) },
    { procedure: "admin.mergePreview", label: "of chloé into emma (two establishments)", allowed: [],
      call: (api, t) => api.admin.mergePreview({ survivorId: t.emma, duplicateId: t.chloe }) },
    { procedure: "admin.mergeAccounts", label: "of two collège pupils", allowed: COLLEGE_ADMIN,
      call: async (api, t) => api.admin.mergeAccounts({ survivorId: await t.freshPupil(), duplicateId: await t.freshPupil() }) },
    { procedure: "admin.mergeAccounts", label: "of two école pupils", allowed: ECOLE_ADMIN,
      call: async (api, t) => api.admin.mergeAccounts({ survivorId: await t.freshEcolePupil(), duplicateId: await t.freshEcolePupil() }) },
    { procedure: "admin.mergeAccounts", label: "of chloé into emma (two establishments)", allowed: [],
      call: (api, t) => api.admin.mergeAccounts({ survivorId: t.emma, duplicateId: t.chloe }) },
    { procedure: "admin.mergeAccounts", label: "of emma into chloé (two establishments)", allowed: [],
      call: (api, t) => api.admin.mergeAccounts({ survivorId: t.chloe, duplicateId: t.emma }) },
    { procedure: "admin.classes", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.classes() },
    { procedure: "admin.printLetters", label: "of the collège's 3eA", allowed: COLLEGE_ADMIN, call: (api, t) => api.admin.printLetters({ classId: t.class3eA }) },
    { procedure: "admin.printLetters", label: "of the école's CE2", allowed: ECOLE_ADMIN, call: (api, t) => api.admin.printLetters({ classId: t.classCE2 }) },
    { procedure: "admin.modules", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.modules() },
    { procedure: "admin.setModule", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.setModule({ module: "homework", enabled: true }) },
    { procedure: "admin.schoolYears", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.schoolYears() },
    { procedure: "admin.saveSchoolYear", label: "of their establishment, as it is", allowed: ADMINS, call: (api, t) => api.admin.saveSchoolYear(t.year) },
    { procedure: "admin.retention", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.retention() },
    { procedure: "admin.setRetention", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.setRetention({ auditDays: 365 }) },
    { procedure: "admin.audit", label: "of their establishment", allowed: ADMINS, call: (api) => api.admin.audit({ action: "auth" }) },
    { procedure: "admin.establishments", label: "super-administrators only", allowed: SUPER_ADMIN, call: (api) => api.admin.establishments() },
    { procedure: "admin.createEstablishment", label: "super-administrators only", allowed: SUPER_ADMIN,
      call: (api) => api.admin.createEstablishment({ uai: `069${String(8000 + ++created)}M`, name: "Collège de la matrice", kind: "college", city: null }) },
    { procedure: "admin.updateEstablishment", label: "super-administrators only", allowed: SUPER_ADMIN,
      call: (api, t) => api.admin.updateEstablishment({ establishmentId: t.spareEstablishment, uai: "0697000E", name: "Lycée de la matrice", kind: "lycee", city: "Lyon" }) },
    { procedure: "admin.updateEstablishment", label: "of the école, not even by its own administrator", allowed: SUPER_ADMIN,
      call: (api, t) => api.admin.updateEstablishment(t.ecoleAsItIs) },
    { procedure: "imports.exportOneRoster", label: "of their establishment", allowed: ADMINS, call: (api) => api.imports.exportOneRoster() },
    { procedure: "imports.schoolYears", label: "of their establishment", allowed: ADMINS, call: (api) => api.imports.schoolYears() },
    { procedure: "imports.preview", label: "naming the collège's school year", allowed: COLLEGE_ADMIN,
      call: (api, t) => api.imports.preview({ schoolYearId: t.yearId, files: FAULTY_IMPORT }) },
    { procedure: "imports.preview", label: "naming the école's school year", allowed: ECOLE_ADMIN,
      call: (api, t) => api.imports.preview({ schoolYearId: t.ecoleYearId, files: FAULTY_IMPORT }) },
    { procedure: "imports.run", label: "a faulty file, which writes nothing, naming the collège's school year", allowed: COLLEGE_ADMIN,
      call: async (api, t) => {
        for await (const event of await api.imports.run({ schoolYearId: t.yearId, files: FAULTY_IMPORT })) void event;
      } },
    { procedure: "imports.run", label: "a faulty file, which writes nothing, naming the école's school year", allowed: ECOLE_ADMIN,
      call: async (api, t) => {
        for await (const event of await api.imports.run({ schoolYearId: t.ecoleYearId, files: FAULTY_IMPORT })) void event;
      } },
    { procedure: "privacy.accessLog", label: "", allowed: SIGNED_IN, call: (api) => api.privacy.accessLog({}) },
    { procedure: "privacy.exportMine", label: "", allowed: SIGNED_IN, call: (api) => api.privacy.exportMine() },
    { procedure: "privacy.exportPerson", label: "of emma (the collège's)", allowed: COLLEGE_ADMIN, call: (api, t) => api.privacy.exportPerson({ personId: t.emma }) },
    { procedure: "privacy.exportPerson", label: "of chloé (the école's)", allowed: ECOLE_ADMIN, call: (api, t) => api.privacy.exportPerson({ personId: t.chloe }) },
    { procedure: "privacy.erasePerson", label: "of a collège pupil", allowed: COLLEGE_ADMIN, call: async (api, t) => api.privacy.erasePerson({ personId: await t.freshPupil() }) },
    { procedure: "privacy.erasePerson", label: "of an école pupil", allowed: ECOLE_ADMIN, call: async (api, t) => api.privacy.erasePerson({ personId: await t.freshEcolePupil() }) },
  ],
});
