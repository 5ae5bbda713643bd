import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseActivationCode, verifySecret } from "@/server/auth/password";
import type { Database } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { SCHOOL_YEAR, TRIMESTERS } from "./calendar";
import { COLLEGE } from "./curricula";
import { DEMO_FATHER, type DemoSummary, seedDemo, seedIfEmpty } from "./demo";
import {
  DEMO_ACCOUNTS,
  DEMO_ACTIVATION_CODE,
  DEMO_ESTABLISHMENTS,
  DEMO_PASSWORD,
  type DemoAccountKey,
} from "./demo-accounts";
import { loadSnapshot, type Snapshot } from "./test-snapshot";

let database: Database;
let summary: DemoSummary;
let data: Snapshot;

beforeAll(async () => {
  database = await createTestDatabase();
  summary = await seedDemo(database.db);
  data = await loadSnapshot(database.db);
});

afterAll(() => database.close());

const login = (key: DemoAccountKey) => DEMO_ACCOUNTS[key].login;
const accountOf = (key: DemoAccountKey) => data.person(login(key));
const college = () => data.establishment(DEMO_ESTABLISHMENTS.college.uai);
const ecole = () => data.establishment(DEMO_ESTABLISHMENTS.ecole.uai);
const classNamesOf = (key: DemoAccountKey) => data.classOf(accountOf(key).id).map((item) => item?.name);
const classNamed = (establishmentId: string, name: string) => {
  const found = data.classes.find((item) => item.establishmentId === establishmentId && item.name === name);
  if (!found) throw new Error(`No class ${name}`);
  return found;
};
const subjectCoded = (code: string) =>
  data.subjects.find((subject) => subject.establishmentId === college().id && subject.code === code);
const holders = (establishmentId: string, role: string) =>
  data.profiles.filter((profile) => profile.establishmentId === establishmentId && profile.role === role);
const personById = (id: string) => data.people.find((person) => person.id === id);

describe("the demo seed's shape", () => {
  it("reports the counts of what it created", () => {
    expect(summary.establishments).toBe(2);
    expect(summary.classes).toBe(19);
    expect(summary.people).toBe(data.people.length);
    expect(summary.pupils).toBe(data.enrolments.length);
    expect(summary.pupils).toBeGreaterThanOrEqual(16 * 23 + 3 * 19);
    expect(summary.guardians).toBeGreaterThan(summary.pupils * 1.2);
    expect(summary.teachers).toBeGreaterThanOrEqual(33);
    expect(summary.staff).toBe(11);
  });

  it("runs 2026-2027 in three trimesters in both establishments", () => {
    expect(data.schoolYears).toHaveLength(2);
    for (const year of data.schoolYears) {
      expect(year).toMatchObject(SCHOOL_YEAR);
      const trimesters = data.periods
        .filter((period) => period.schoolYearId === year.id)
        .sort((a, b) => a.ordinal - b.ordinal)
        .map(({ kind, startsOn, endsOn }) => ({ kind, startsOn, endsOn }));
      expect(trimesters).toEqual(TRIMESTERS.map((trimester) => ({ kind: "trimester", ...trimester })));
    }
  });

  it("opens 6eA to 3eD at the collège and CP, CE2, CM2 at the école", () => {
    const namesAt = (establishmentId: string) =>
      data.classes
        .filter((item) => item.establishmentId === establishmentId)
        .map((item) => `${item.level}:${item.name}`);
    const collegeClasses = ["6e", "5e", "4e", "3e"].flatMap((level) =>
      ["A", "B", "C", "D"].map((letter) => `${level}:${level}${letter}`),
    );
    expect(namesAt(college().id).sort()).toEqual(collegeClasses.sort());
    expect(namesAt(ecole().id)).toEqual(["CP:CP", "CE2:CE2", "CM2:CM2"]);
  });

  it("fills collège classes with 23 to 28 pupils and école classes with about 20, each pupil in one class", () => {
    for (const item of data.classes) {
      const size = data.roster(item.id).length;
      const [min, max] = item.establishmentId === college().id ? [23, 28] : [19, 22];
      expect(size, item.name).toBeGreaterThanOrEqual(min);
      expect(size, item.name).toBeLessThanOrEqual(max);
    }
    for (const student of data.profiles.filter((profile) => profile.role === "student")) {
      expect(data.classOf(student.personId)).toHaveLength(1);
    }
  });

  it("gives every class exactly one professeur principal, who teaches it", () => {
    for (const item of data.classes) {
      const leads = data.assignments.filter((row) => row.classId === item.id && row.isLeadTeacher);
      expect(leads, item.name).toHaveLength(1);
    }
  });

  it("teaches every subject of every collège class, and every group, exactly once", () => {
    for (const item of data.classes.filter((row) => row.establishmentId === college().id)) {
      const taught = data.assignments
        .filter((row) => row.classId === item.id)
        .map((row) => data.subjects.find((subject) => subject.id === row.subjectId)?.code)
        .sort();
      expect(taught, item.name).toEqual([...COLLEGE.classSubjects[item.level]].sort());
    }
    for (const group of data.groups) {
      expect(data.assignments.filter((row) => row.groupId === group.id), group.name).toHaveLength(1);
      expect(data.memberships.filter((row) => row.groupId === group.id).length).toBeGreaterThan(10);
    }
    const names = data.groups.map((group) => group.name);
    expect(names).toContain("6e Allemand bilangue");
    for (const level of ["5e", "4e", "3e"]) {
      for (const option of ["Espagnol", "Allemand", "Latin"]) {
        expect(names.some((name) => name.startsWith(`${level} ${option}`)), `${level} ${option}`).toBe(true);
      }
    }
  });

  it("gives each collège teacher one subject and a service of 3 to 6 classes or groups", () => {
    const teachers = holders(college().id, "teacher").filter(({ personId }) => personId !== accountOf("disabled").id);
    expect(teachers.length).toBeGreaterThanOrEqual(32);
    expect(teachers.length).toBeLessThanOrEqual(38);
    for (const { personId } of teachers) {
      const service = data.assignments.filter((row) => row.teacherId === personId);
      expect(new Set(service.map((row) => row.subjectId)).size).toBe(1);
      expect(service.length).toBeGreaterThanOrEqual(3);
      expect(service.length).toBeLessThanOrEqual(6);
    }
    for (const { personId } of holders(ecole().id, "teacher")) {
      expect(data.assignments.filter((row) => row.teacherId === personId)).toHaveLength(1);
    }
  });

  it("staffs the collège and the école", () => {
    const roles = ["direction", "cpe", "secretariat", "agent", "admin"];
    expect(roles.map((role) => holders(college().id, role).length)).toEqual([2, 3, 1, 2, 1]);
    expect(holders(ecole().id, "direction")).toHaveLength(1);
    expect(holders(ecole().id, "admin")).toHaveLength(1);
    expect(holders(ecole().id, "teacher")).toHaveLength(3);
  });

  it("gives every person a profile, adults an e-mail and guardians a phone", () => {
    const withProfile = new Set(data.profiles.map((profile) => profile.personId));
    for (const person of data.people) expect(withProfile.has(person.id), person.login).toBe(true);
    for (const { personId } of data.profiles.filter((profile) => profile.role !== "student")) {
      expect(personById(personId)?.email, personById(personId)?.login).toMatch(/@example\.org$/);
    }
    for (const { personId } of holders(college().id, "guardian")) {
      expect(personById(personId)?.phone).toMatch(/^0[67]( \d\d){4}$/);
    }
  });

  it("gives most pupils two guardians, some families several children, a few tutors", () => {
    const pupils = data.profiles.filter((profile) => profile.role === "student");
    const twoGuardians = pupils.filter(({ personId }) => data.guardiansOf(personId).length === 2);
    expect(twoGuardians.length / pupils.length).toBeGreaterThan(0.65);
    for (const { personId } of pupils) expect(data.guardiansOf(personId).length).toBeGreaterThanOrEqual(1);
    const parentsOfSeveral = data.profiles.filter(({ personId }) => data.childrenOf(personId).length >= 2);
    expect(parentsOfSeveral.length).toBeGreaterThan(20);
    expect(data.guardianships.some((row) => row.relationship === "tutor")).toBe(true);
    const informed = data.guardianships.filter((row) => row.receivesInformation);
    expect(informed.length / data.guardianships.length).toBeGreaterThan(0.9);
  });

  it("hands out unique, plain identifiants and leaves a few guardians pending", () => {
    const logins = data.people.map((person) => person.login);
    expect(new Set(logins).size).toBe(logins.length);
    for (const value of logins) expect(value).toMatch(/^[a-z-]+\.[a-z-]+\d*$/);
    const pending = data.people.filter((person) => person.status === "pending");
    expect(pending.length).toBeGreaterThan(10);
    for (const person of pending) expect(person.passwordHash).toBeNull();
  });
});

describe("the named demo accounts", () => {
  it("makes emma and lucas the children of sophie and thomas bernard, and chloé sophie's child at the école", () => {
    expect(classNamesOf("student")).toEqual(["4eB"]);
    expect(classNamesOf("sibling")).toEqual(["6eA"]);
    expect(classNamesOf("ecoleStudent")).toEqual(["CE2"]);
    const sophie = accountOf("guardian");
    const thomas = data.person(DEMO_FATHER.login);
    for (const key of ["student", "sibling", "ecoleStudent"] as const) {
      const guardians = data.guardiansOf(accountOf(key).id).map((row) => `${row.guardianId}:${row.relationship}`);
      expect(guardians.sort(), key).toEqual([`${sophie.id}:mother`, `${thomas.id}:father`].sort());
    }
    expect(data.rolesOf(sophie.id, college().id)).toEqual(["guardian"]);
    expect(data.rolesOf(sophie.id, ecole().id)).toEqual(["guardian"]);
    expect(data.classOf(accountOf("ecoleStudent").id)[0]?.establishmentId).toBe(ecole().id);
  });

  it("puts hugo petit in 4eB in another family, nathalie petit's", () => {
    expect(classNamesOf("classmate")).toEqual(["4eB"]);
    const hugo = accountOf("classmate");
    const nathalie = accountOf("otherGuardian");
    const guardianIds = data.guardiansOf(hugo.id).map((row) => row.guardianId);
    expect(guardianIds).toContain(nathalie.id);
    expect(guardianIds).not.toContain(accountOf("guardian").id);
    expect(data.childrenOf(nathalie.id).map((row) => row.studentId)).toEqual([hugo.id]);
    expect(data.rolesOf(nathalie.id, college().id)).toEqual(["guardian"]);
  });

  it("makes claire moreau the French teacher and professeur principal of 4eB", () => {
    const claire = accountOf("leadTeacher");
    const assignment = data.assignments.find(
      (row) => row.teacherId === claire.id && row.classId === classNamed(college().id, "4eB").id,
    );
    expect(assignment?.subjectId).toBe(subjectCoded("FRANC")?.id);
    expect(assignment?.isLeadTeacher).toBe(true);
    expect(data.rolesOf(claire.id, college().id)).toEqual(["teacher"]);
  });

  it("keeps marc leroy away from 4eB and 6eA, pupils of his groups included", () => {
    const service = data.assignments.filter((row) => row.teacherId === accountOf("otherTeacher").id);
    expect(service.length).toBeGreaterThan(0);
    const taughtPupils = new Set(
      service.flatMap((row) =>
        row.classId
          ? data.roster(row.classId)
          : data.memberships.filter((member) => member.groupId === row.groupId).map((member) => member.studentId),
      ),
    );
    for (const name of ["4eB", "6eA"]) {
      for (const pupil of data.roster(classNamed(college().id, name).id)) expect(taughtPupils.has(pupil)).toBe(false);
    }
  });

  it("makes julien garnier the maths teacher of 6eA and the father of a 5eC pupil", () => {
    const julien = accountOf("teacherParent");
    const sixthA = classNamed(college().id, "6eA").id;
    const teachesMaths = data.assignments.some(
      (row) => row.teacherId === julien.id && row.subjectId === subjectCoded("MATHS")?.id && row.classId === sixthA,
    );
    expect(teachesMaths).toBe(true);
    const children = data.childrenOf(julien.id);
    expect(children).toHaveLength(1);
    expect(children[0].relationship).toBe("father");
    expect(data.classOf(children[0].studentId).map((item) => item?.name)).toEqual(["5eC"]);
    expect(data.rolesOf(julien.id, college().id)).toEqual(["guardian", "teacher"]);
  });

  it("leaves ines diallo, a 4eB pupil, pending with the demo activation code for 90 days", async () => {
    const ines = accountOf("pending");
    expect(classNamesOf("pending")).toEqual(["4eB"]);
    expect(ines.status).toBe("pending");
    expect(ines.passwordHash).toBeNull();
    const code = normaliseActivationCode(DEMO_ACTIVATION_CODE);
    expect(await verifySecret(ines.activationCodeHash ?? "", code)).toBe(true);
    const days = ((ines.activationExpiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);
  });

  it("keeps olivier blanc as a disabled teacher whose password is still set", async () => {
    const olivier = accountOf("disabled");
    expect(olivier.status).toBe("disabled");
    expect(olivier.disabledAt).not.toBeNull();
    expect(await verifySecret(olivier.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    expect(data.rolesOf(olivier.id, college().id)).toEqual(["teacher"]);
  });

  it("activates every other named account with the demo password and the right profile", async () => {
    const expected: Partial<Record<DemoAccountKey, [() => { id: string }, string]>> = {
      direction: [college, "direction"],
      cpe: [college, "cpe"],
      secretariat: [college, "secretariat"],
      agent: [college, "agent"],
      admin: [college, "admin"],
      ecoleDirection: [ecole, "direction"],
      ecoleAdmin: [ecole, "admin"],
      student: [college, "student"],
      sibling: [college, "student"],
      classmate: [college, "student"],
      ecoleStudent: [ecole, "student"],
    };
    for (const [key, [place, role]] of Object.entries(expected)) {
      expect(data.rolesOf(accountOf(key as DemoAccountKey).id, place().id), key).toEqual([role]);
    }
    const active = Object.values(DEMO_ACCOUNTS).filter(({ key }) => key !== "pending" && key !== "disabled");
    for (const account of [...active, DEMO_FATHER]) {
      const person = data.person(account.login);
      expect(person.status, account.login).toBe("active");
      expect([person.firstName, person.lastName]).toEqual([account.firstName, account.lastName]);
      expect(await verifySecret(person.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
  });
});

describe("seeding again", () => {
  let again: Database;
  beforeAll(async () => {
    again = await createTestDatabase();
  });
  afterAll(() => again.close());

  it("seeds an empty database once, and the same school as before", async () => {
    expect(await seedIfEmpty(again.db)).toBe(true);
    expect(await seedIfEmpty(again.db)).toBe(false);
    const second = await loadSnapshot(again.db);
    const logins = (snapshot: Snapshot) => snapshot.people.map((person) => person.login).sort();
    const loginById = (snapshot: Snapshot) => new Map(snapshot.people.map((person) => [person.id, person.login]));
    const rosters = (snapshot: Snapshot) =>
      Object.fromEntries(
        snapshot.classes.map((item) => [
          `${item.establishmentId}/${item.name}`,
          snapshot.roster(item.id).map((id) => loginById(snapshot).get(id)).sort(),
        ]),
      );
    expect(logins(second)).toEqual(logins(data));
    expect(rosters(second)).toEqual(rosters(data));
  });

  it("leaves a seeded database alone", async () => {
    expect(await seedIfEmpty(database.db)).toBe(false);
    expect((await loadSnapshot(database.db)).people).toHaveLength(data.people.length);
  });
});
