import { TRPCError } from "@trpc/server";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, groupMemberships, people, teachingAssignments } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { marksTableRows, toSpreadsheetCsv } from "@/server/grades/export";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let teacher: Caller;
let period: string;
let frenchIn4eB: string;
let emma: string;
let hugo: string;
const published: DomainEvents["grade.published"][] = [];

const as = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE);
const idOf = async (login: string) =>
  (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
const fields = (title: string, extra: object = {}) => ({
  periodId: period,
  title,
  givenOn: "2026-11-16",
  outOf: 20,
  coefficient: 1,
  kind: "normal" as const,
  ...extra,
});

async function frenchSubject(api: Caller, studentId: string, title: string) {
  const report = await api.grades.report({ studentId, periodId: period });
  const french = report!.subjects.find((s) => s.subject === "Français");
  return { french, evaluation: french?.evaluations.find((e) => e.title === title), report: report! };
}

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const bus = createLocalBus();
  bus.subscribe("grade.published", (event) => published.push(event));
  teacher = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE, bus);
  frenchIn4eB = (await teacher.grades.myAssignments()).find((a) => a.className === "4eB")!.id;
  period = (await teacher.grades.periods()).currentId!;
  [emma, hugo] = await Promise.all([idOf(DEMO_ACCOUNTS.student.login), idOf(DEMO_ACCOUNTS.classmate.login)]);
});
afterAll(() => database.close());

describe("marking an evaluation", () => {
  it("keeps a draft from pupils and families, then publishes it with an event", async () => {
    const { id } = await teacher.grades.createEvaluation({ assignmentId: frenchIn4eB, ...fields("Dictée n°9") });
    const statistics = await teacher.grades.saveMarks({
      evaluationId: id,
      marks: [
        { studentId: emma, status: "graded", value: 15.5, comment: "Très bien" },
        { studentId: hugo, status: "absent" },
      ],
    });
    expect(statistics).toEqual({ average: 15.5, min: 15.5, max: 15.5, count: 1 });
    expect((await frenchSubject(await as("student"), emma, "Dictée n°9")).evaluation).toBeUndefined();
    expect(published).toHaveLength(0);

    await teacher.grades.publish({ evaluationId: id });
    const seen = await frenchSubject(await as("guardian"), emma, "Dictée n°9");
    expect(seen.evaluation).toMatchObject({ status: "graded", value: 15.5, comment: "Très bien" });
    expect(published.at(-1)).toMatchObject({ evaluationId: id, studentIds: expect.arrayContaining([emma, hugo]) });
  });

  it("refuses, translated, a mark above the barème and a pupil of another class, and writes nothing", async () => {
    const { id } = await teacher.grades.createEvaluation({ assignmentId: frenchIn4eB, ...fields("Sur 10", { outOf: 10 }) });
    await expect(
      teacher.grades.saveMarks({ evaluationId: id, marks: [{ studentId: emma, status: "graded", value: 12 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "grades.errors.aboveOutOf" });
    const lucas = await idOf(DEMO_ACCOUNTS.sibling.login);
    await expect(
      teacher.grades.saveMarks({
        evaluationId: id,
        marks: [
          { studentId: emma, status: "graded", value: 8 },
          { studentId: lucas, status: "graded", value: 8 },
        ],
      }),
    ).rejects.toBeInstanceOf(TRPCError);
    const sheet = await teacher.grades.markSheet({ evaluationId: id });
    expect(sheet.pupils.filter((p) => p.status !== null)).toHaveLength(0);
  });

  it("does not delete a published evaluation", async () => {
    const { id } = await teacher.grades.createEvaluation({ assignmentId: frenchIn4eB, ...fields("Publiée") });
    await teacher.grades.publish({ evaluationId: id });
    await expect(teacher.grades.deleteEvaluation({ evaluationId: id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("exporting a class's marks", () => {
  it("gives one row per pupil with local decimals, statuses, the average, and defused formulas", async () => {
    const { id } = await teacher.grades.createEvaluation({ assignmentId: frenchIn4eB, ...fields("=HYPERLINK(1)") });
    await teacher.grades.saveMarks({
      evaluationId: id,
      marks: [
        { studentId: emma, status: "graded", value: 12.5 },
        { studentId: hugo, status: "not_handed_in" },
      ],
    });
    const table = await teacher.grades.exportMarks({ assignmentId: frenchIn4eB, periodId: period });
    const rows = marksTableRows(table, "fr");
    const column = rows[0].indexOf("=HYPERLINK(1) (2026-11-16, sur 20, coef. 1)");
    expect(column).toBeGreaterThan(1);
    const emmaRow = rows.find((row) => row[0] === DEMO_ACCOUNTS.student.lastName && row[1] === "Emma")!;
    expect(emmaRow[column]).toBe("12,5");
    expect(emmaRow.at(-1)).toMatch(/^\d+(,\d{1,2})?$/);
    const hugoRow = rows.find((row) => row[1] === DEMO_ACCOUNTS.classmate.firstName)!;
    expect(hugoRow[column]).toBe("Non rendu");
    expect(toSpreadsheetCsv(rows)).toContain("'=HYPERLINK(1)");
  });
});

describe("the report", () => {
  it("computes the subject average and the class's as worked by hand", async () => {
    const a = await teacher.grades.createEvaluation({ assignmentId: frenchIn4eB, ...fields("Hand A", { coefficient: 2 }) });
    const b = await teacher.grades.createEvaluation({ assignmentId: frenchIn4eB, ...fields("Hand B", { outOf: 10 }) });
    await teacher.grades.saveMarks({
      evaluationId: a.id,
      marks: [
        { studentId: emma, status: "graded", value: 12 },
        { studentId: hugo, status: "graded", value: 18 },
      ],
    });
    await teacher.grades.saveMarks({
      evaluationId: b.id,
      marks: [
        { studentId: emma, status: "graded", value: 9 },
        { studentId: hugo, status: "exempted" },
      ],
    });
    await teacher.grades.publish({ evaluationId: a.id });
    await teacher.grades.publish({ evaluationId: b.id });
    const { evaluation, french } = await frenchSubject(teacher, emma, "Hand B");
    // Hand B for the class: only Emma's 9 is a mark (Hugo is exempted).
    expect(evaluation?.statistics).toEqual({ average: 9, min: 9, max: 9, count: 1 });
    // Emma's French average includes every published French mark of hers; recompute it from the report itself:
    const counted = french!.evaluations.filter((e) => e.status === "graded" && e.kind === "normal");
    const expected =
      counted.reduce((sum, e) => sum + (e.value! / e.outOf) * 20 * e.coefficient, 0) /
      counted.reduce((sum, e) => sum + e.coefficient, 0);
    expect(french!.average).toBeCloseTo(expected, 10);
  });

  it("leaves a trace in the audit log when staff read a pupil's marks, not when the family does", async () => {
    await (await as("guardian")).grades.report({ studentId: emma });
    await (await as("direction")).grades.report({ studentId: emma });
    const traces = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "grades.viewed"), eq(auditLog.subjectId, emma)));
    const readers = traces.map((trace) => trace.actorId);
    expect(readers).toContain(await idOf(DEMO_ACCOUNTS.direction.login));
    expect(readers).not.toContain(await idOf(DEMO_ACCOUNTS.guardian.login));
  });

  it("keeps a pupil's marks given in a group they have left", async () => {
    const [assignment] = await database.db
      .select({ id: teachingAssignments.id, groupId: teachingAssignments.groupId, login: people.login })
      .from(teachingAssignments)
      .innerJoin(people, eq(people.id, teachingAssignments.teacherId))
      .where(isNotNull(teachingAssignments.groupId))
      .limit(1);
    const groupTeacher = await callerFor(database.db, assignment.login, COLLEGE);
    const [member] = await database.db
      .select({ id: groupMemberships.studentId })
      .from(groupMemberships)
      .where(eq(groupMemberships.groupId, assignment.groupId!));
    const { id } = await groupTeacher.grades.createEvaluation({ assignmentId: assignment.id, ...fields("Avant le départ") });
    await groupTeacher.grades.saveMarks({ evaluationId: id, marks: [{ studentId: member.id, status: "graded", value: 11 }] });
    await groupTeacher.grades.publish({ evaluationId: id });

    await database.db
      .delete(groupMemberships)
      .where(and(eq(groupMemberships.groupId, assignment.groupId!), eq(groupMemberships.studentId, member.id)));

    const sheet = await groupTeacher.grades.markSheet({ evaluationId: id });
    expect(sheet.pupils.find((p) => p.id === member.id)?.value).toBe(11);
    const report = await (await as("direction")).grades.report({ studentId: member.id, periodId: period });
    const marks = report!.subjects.flatMap((s) => s.evaluations);
    expect(marks.find((e) => e.id === id)?.value).toBe(11);
  });
});
