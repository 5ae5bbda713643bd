import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classes, establishments, people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { seedDemo } from "@/server/seed/demo";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS, type DemoAccountKey } from "@/server/seed/demo-accounts";
import { anonymousCaller, type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { appRouter } from "@/server/trpc/root";

/**
 * The policy matrix: every procedure, called by every profile of the demo school (and by nobody, and from the other
 * establishment), is allowed or refused as expected. A procedure added without a row here fails the last test.
 */
type Persona = "anonymous" | Exclude<DemoAccountKey, "pending" | "disabled" | "sibling" | "ecoleStudent">;

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
const ECOLE = DEMO_ESTABLISHMENTS.ecole.uai;
const PERSONAS: Persona[] = [
  "anonymous",
  "student",
  "classmate",
  "guardian",
  "otherGuardian",
  "leadTeacher",
  "otherTeacher",
  "teacherParent",
  "direction",
  "cpe",
  "secretariat",
  "agent",
  "admin",
  "ecoleDirection",
];

interface Targets {
  frenchIn4eB: string;
  evaluation: string;
  period: string;
  freshDraft: () => Promise<string>;
  class4eB: string;
  classCE2: string;
  emma: string;
  hugo: string;
  chloe: string;
  ecole: string;
}

interface Case {
  procedure: string;
  label: string;
  call: (api: Caller, targets: Targets) => Promise<unknown>;
  allowed: readonly Persona[];
}

const SIGNED_IN = PERSONAS.filter((p) => p !== "anonymous");
const RECORDS = ["direction", "cpe", "secretariat", "admin"] as const;
const GRADE_READERS = ["direction", "cpe", "secretariat"] as const;
const TEACHERS = ["leadTeacher", "otherTeacher", "teacherParent"] as const;
const evaluationFields = (period: string) => ({
  periodId: period,
  title: "Dictée",
  givenOn: "2026-11-20",
  outOf: 20,
  coefficient: 1,
  kind: "normal" as const,
});

const CASES: Case[] = [
  { procedure: "account.activate", label: "anyone may try a code", allowed: PERSONAS, call: (api) =>
      api.account.activate({ login: "nobody", code: "AAAA-BBBB-CCCC", password: "x", acceptCharter: true }) },
  { procedure: "me.whoAmI", label: "", allowed: SIGNED_IN, call: (api) => api.me.whoAmI() },
  { procedure: "me.children", label: "", allowed: SIGNED_IN, call: (api) => api.me.children() },
  { procedure: "me.classes", label: "", allowed: SIGNED_IN, call: (api) => api.me.classes() },
  { procedure: "me.sessions", label: "", allowed: SIGNED_IN, call: (api) => api.me.sessions() },
  { procedure: "me.setLanguage", label: "", allowed: SIGNED_IN, call: (api) => api.me.setLanguage({ language: "en" }) },
  { procedure: "me.logOutEverywhere", label: "", allowed: SIGNED_IN, call: (api) => api.me.logOutEverywhere() },
  { procedure: "me.switchEstablishment", label: "to the école", allowed: ["guardian", "ecoleDirection"],
    call: (api, t) => api.me.switchEstablishment({ establishmentId: t.ecole }) },
  { procedure: "directory.classes", label: "", allowed: SIGNED_IN, call: (api) => api.directory.classes() },
  { procedure: "directory.classRoster", label: "of 4eB", allowed: ["student", "classmate", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.directory.classRoster({ classId: t.class4eB }) },
  { procedure: "directory.classRoster", label: "of the école's CE2", allowed: ["ecoleDirection"],
    call: (api, t) => api.directory.classRoster({ classId: t.classCE2 }) },
  { procedure: "directory.studentCard", label: "of emma (4eB)", allowed: ["student", "guardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.directory.studentCard({ studentId: t.emma }) },
  { procedure: "directory.studentCard", label: "of hugo (4eB, other family)", allowed: ["classmate", "otherGuardian", "leadTeacher", "teacherParent", ...RECORDS],
    call: (api, t) => api.directory.studentCard({ studentId: t.hugo }) },
  { procedure: "directory.studentCard", label: "of chloé (école)", allowed: ["ecoleDirection"],
    call: (api, t) => api.directory.studentCard({ studentId: t.chloe }) },
  { procedure: "directory.overview", label: "", allowed: [...RECORDS, "ecoleDirection"], call: (api) => api.directory.overview() },
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
];

let database: Database;
let targets: Targets;

async function idOf(login: string) {
  const [row] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, login));
  return row.id;
}

async function classId(uai: string, name: string) {
  const [row] = await database.db
    .select({ id: classes.id })
    .from(classes)
    .innerJoin(establishments, eq(establishments.id, classes.establishmentId))
    .where(and(eq(establishments.uai, uai), eq(classes.name, name)));
  return row.id;
}

/** A fresh caller per call: some procedures (log out everywhere) end the session they run in. */
function callerOf(persona: Persona): Promise<Caller> {
  if (persona === "anonymous") return anonymousCaller(database.db);
  return callerFor(database.db, DEMO_ACCOUNTS[persona].login, persona === "ecoleDirection" ? ECOLE : COLLEGE);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [ecole] = await database.db.select().from(establishments).where(eq(establishments.uai, ECOLE));
  const claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE);
  const frenchIn4eB = (await claire.grades.myAssignments()).find((a) => a.className === "4eB")!.id;
  const period = (await claire.grades.periods()).currentId!;
  const newEvaluation = async () =>
    (await claire.grades.createEvaluation({ assignmentId: frenchIn4eB, ...evaluationFields(period) })).id;
  targets = {
    frenchIn4eB,
    period,
    evaluation: await newEvaluation(),
    freshDraft: newEvaluation,
    class4eB: await classId(COLLEGE, "4eB"),
    classCE2: await classId(ECOLE, "CE2"),
    emma: await idOf(DEMO_ACCOUNTS.student.login),
    hugo: await idOf(DEMO_ACCOUNTS.classmate.login),
    chloe: await idOf(DEMO_ACCOUNTS.ecoleStudent.login),
    ecole: ecole.id,
  };
});

afterAll(() => database.close());

describe.each(CASES)("$procedure $label", (testCase) => {
  it.each(PERSONAS)("%s", async (persona) => {
    const api = await callerOf(persona);
    const outcome = await testCase.call(api, targets).then(
      () => "allowed",
      (error: unknown) => {
        if (error instanceof TRPCError && ["UNAUTHORIZED", "FORBIDDEN"].includes(error.code)) return "refused";
        throw error;
      },
    );
    expect(outcome).toBe(testCase.allowed.includes(persona) ? "allowed" : "refused");
  });
});

describe("the matrix", () => {
  it("covers every procedure of the app router", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    const covered = [...new Set(CASES.map((c) => c.procedure))].sort();
    expect(covered).toEqual(procedures);
  });
});
