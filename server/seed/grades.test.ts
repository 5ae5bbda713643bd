import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, getTableColumns } from "drizzle-orm";
import { evaluations, marks, teachingAssignments } from "@/drizzle/schema";
import type { Database, Db } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { TRIMESTERS } from "./calendar";
import { seedDemo } from "./demo";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "./demo-accounts";
import { subjectCoefficient } from "./evaluation-catalogue";
import { DEMO_DRAFT_EVALUATION_TITLE, DEMO_GRADES_WINDOW } from "./grades";
import { loadSnapshot, type Snapshot } from "./test-snapshot";

/** Evaluations with who gave them, in which subject, to which class or group: their teaching assignment's. */
function evaluationsWithTargets(db: Db) {
  return db
    .select({
      ...getTableColumns(evaluations),
      teacherId: teachingAssignments.teacherId,
      subjectId: teachingAssignments.subjectId,
      classId: teachingAssignments.classId,
      groupId: teachingAssignments.groupId,
    })
    .from(evaluations)
    .innerJoin(teachingAssignments, eq(teachingAssignments.id, evaluations.assignmentId));
}

async function loadGrades(db: Db) {
  const data = await loadSnapshot(db);
  return { data, evaluations: await evaluationsWithTargets(db), marks: await db.select().from(marks) };
}
type Grades = Awaited<ReturnType<typeof loadGrades>>;

let first: Database;
let second: Database;
let grades: Grades;
let again: Grades;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([seedDemo(first.db), seedDemo(second.db)]);
  [grades, again] = await Promise.all([loadGrades(first.db), loadGrades(second.db)]);
});

afterAll(() => Promise.all([first?.close(), second?.close()]));

const data = (): Snapshot => grades.data;
const college = () => data().establishment(DEMO_ESTABLISHMENTS.college.uai);
const firstTrimester = () => {
  const year = data().schoolYears.find((row) => row.establishmentId === college().id);
  const found = data().periods.find((row) => row.schoolYearId === year?.id && row.ordinal === 1);
  if (!found) throw new Error("No first trimester");
  return found;
};
const collegeAssignments = () => data().assignments.filter((row) => row.establishmentId === college().id);
const codeOf = (subjectId: string) => data().subjects.find((subject) => subject.id === subjectId)?.code;
const levelOfClass = (classId: string) => data().classes.find((item) => item.id === classId)?.level;
const rosters = new Map<string, string[]>();
const pupilsOf = (target: { classId: string | null; groupId: string | null }) => {
  const key = target.classId ?? target.groupId ?? "";
  if (!rosters.has(key)) {
    const members = target.classId
      ? data().roster(target.classId)
      : data()
          .memberships.filter((row) => row.groupId === target.groupId)
          .map((row) => row.studentId);
    rosters.set(key, members);
  }
  return rosters.get(key)!;
};
const published = () => grades.evaluations.filter((row) => row.publishedAt !== null);
const evaluationById = () => new Map(grades.evaluations.map((row) => [row.id, row]));
const on20 = (value: number, outOf: number) => (value * 20) / outOf;
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const emma = () => data().person(DEMO_ACCOUNTS.student.login);
const marksOf = (grades: Grades, studentId: string) =>
  grades.marks
    .filter((row) => row.studentId === studentId)
    .map(({ evaluationId, status, value, comment }) => ({ evaluationId, status, value, comment }))
    .sort((a, b) => a.evaluationId.localeCompare(b.evaluationId));

describe("the demo collège's subject coefficients", () => {
  it("weighs each subject as collèges do, Français more in 3e", () => {
    for (const row of collegeAssignments()) {
      const code = codeOf(row.subjectId) ?? "";
      const level = row.classId ? levelOfClass(row.classId) : data().classOf(pupilsOf(row)[0])[0]?.level;
      expect(row.coefficient, `${code} ${level}`).toBe(subjectCoefficient(code, level ?? ""));
    }
    const classId = (name: string) =>
      data().classes.find((item) => item.establishmentId === college().id && item.name === name)?.id;
    const coefficientIn = (code: string, className: string) =>
      collegeAssignments().find((row) => codeOf(row.subjectId) === code && row.classId === classId(className))
        ?.coefficient;
    expect(coefficientIn("FRANC", "4eB")).toBe(3);
    expect(coefficientIn("FRANC", "3eA")).toBe(4);
    expect(coefficientIn("MATHS", "6eA")).toBe(3);
    expect(coefficientIn("HG-EMC", "5eC")).toBe(2);
    expect(coefficientIn("SVT", "4eB")).toBe(1.5);
    expect(coefficientIn("EPS", "4eB")).toBe(1);
  });

  it("leaves the école alone: default coefficients and no evaluations", () => {
    const others = data().assignments.filter((row) => row.establishmentId !== college().id);
    expect(others.length).toBeGreaterThan(0);
    for (const row of others) expect(row.coefficient).toBe(1);
    expect(grades.evaluations.every((row) => row.establishmentId === college().id)).toBe(true);
  });
});

describe("the demo collège's first-trimester evaluations", () => {
  it("gives every assignment 3 to 5 published evaluations in T1, to its class or group, by its teacher", () => {
    const trimester = firstTrimester();
    for (const assignment of collegeAssignments()) {
      const given = published().filter((row) => row.assignmentId === assignment.id);
      expect(given.length, assignment.id).toBeGreaterThanOrEqual(3);
      expect(given.length, assignment.id).toBeLessThanOrEqual(5);
      expect(new Set(given.map((row) => row.title)).size, "titles differ").toBe(given.length);
      expect(given.filter((row) => row.kind !== "normal").length).toBeLessThanOrEqual(1);
      for (const row of given) {
        expect(row).toMatchObject({
          establishmentId: college().id,
          teacherId: assignment.teacherId,
          subjectId: assignment.subjectId,
          classId: assignment.classId,
          groupId: assignment.groupId,
          periodId: trimester.id,
        });
        expect(row.givenOn >= TRIMESTERS[0].startsOn && row.givenOn <= "2026-11-20", row.givenOn).toBe(true);
        expect(row.givenOn >= DEMO_GRADES_WINDOW.firstOn).toBe(true);
        const published = row.publishedAt!.getTime();
        expect(published).toBeGreaterThan(new Date(`${row.givenOn}T00:00:00Z`).getTime() + 86_400_000);
        expect(published).toBeLessThan(new Date(`${row.givenOn}T00:00:00Z`).getTime() + 6 * 86_400_000);
        expect(published).toBeLessThan(Date.UTC(2026, 10, 23));
        expect(row.createdAt.getTime()).toBeLessThan(published);
      }
    }
  });

  it("uses barèmes out of 20 mostly, coefficients 0.5 to 2, and a few optional and bonus evaluations", () => {
    const rows = published();
    expect(rows.length).toBeGreaterThan(collegeAssignments().length * 3);
    for (const row of rows) {
      expect([10, 20, 40]).toContain(row.outOf);
      expect([0.5, 1, 2]).toContain(row.coefficient);
    }
    const share = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length / rows.length;
    expect(share((row) => row.outOf === 20)).toBeGreaterThan(0.6);
    expect(share((row) => row.outOf !== 20)).toBeGreaterThan(0.05);
    expect(share((row) => row.coefficient === 1)).toBeGreaterThan(0.4);
    expect(share((row) => row.coefficient === 2)).toBeGreaterThan(0.1);
    expect(share((row) => row.coefficient === 0.5)).toBeGreaterThan(0.03);
    expect(share((row) => row.kind === "normal")).toBeGreaterThan(0.92);
    expect(rows.some((row) => row.kind === "optional")).toBe(true);
    expect(rows.some((row) => row.kind === "bonus")).toBe(true);
  });

  it("titles evaluations as French teachers do", () => {
    const titles = published().map((row) => row.title);
    expect(titles).toContain("Dictée n°1");
    expect(titles.some((title) => title.startsWith("Contrôle : "))).toBe(true);
    expect(titles.some((title) => title.startsWith("Compréhension orale : "))).toBe(true);
    expect(titles.every((title) => title.length > 3 && !title.includes("{"))).toBe(true);
  });

  it("keeps one draft, claire moreau's rédaction in 4eB French, without marks", () => {
    const drafts = grades.evaluations.filter((row) => row.publishedAt === null);
    expect(drafts).toHaveLength(1);
    const [draft] = drafts;
    expect(draft.title).toBe(DEMO_DRAFT_EVALUATION_TITLE);
    expect(draft.title).toBe("Rédaction : portrait");
    expect(grades.evaluations.filter((row) => row.title === DEMO_DRAFT_EVALUATION_TITLE)).toHaveLength(1);
    expect(draft.teacherId).toBe(data().person(DEMO_ACCOUNTS.leadTeacher.login).id);
    expect(data().classes.find((item) => item.id === draft.classId)?.name).toBe("4eB");
    expect(codeOf(draft.subjectId)).toBe("FRANC");
    expect(draft.periodId).toBe(firstTrimester().id);
    expect(draft.givenOn <= TRIMESTERS[0].endsOn).toBe(true);
    expect(grades.marks.filter((row) => row.evaluationId === draft.id)).toHaveLength(0);
  });
});

describe("the demo collège's marks", () => {
  it("marks every pupil of the class or group once per published evaluation, within the barème", () => {
    const byEvaluation = new Map<string, (typeof grades.marks)[number][]>();
    for (const row of grades.marks) {
      if (!byEvaluation.has(row.evaluationId)) byEvaluation.set(row.evaluationId, []);
      byEvaluation.get(row.evaluationId)!.push(row);
    }
    const problems: string[] = [];
    for (const evaluation of published()) {
      const given = byEvaluation.get(evaluation.id) ?? [];
      expect(given.map((row) => row.studentId).sort(), evaluation.title).toEqual([...pupilsOf(evaluation)].sort());
      for (const mark of given) {
        const value = `${mark.status} ${mark.value}/${evaluation.outOf}`;
        if ((mark.status === "graded") !== (mark.value !== null)) problems.push(`status: ${value}`);
        if (mark.updatedBy !== evaluation.teacherId) problems.push(`updated by someone else: ${value}`);
        if (mark.value === null) continue;
        if (mark.value < 0 || mark.value > evaluation.outOf) problems.push(`beyond the barème: ${value}`);
        // To the half point on /20: quarter points on /10, whole points on /40.
        if (!Number.isInteger(on20(mark.value, evaluation.outOf) * 2)) problems.push(`not rounded: ${value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has about 3% absences, 1% exemptions, 1% copies not handed in, and comments on a few marks", () => {
    const total = grades.marks.length;
    expect(total).toBeGreaterThan(10_000);
    const share = (status: string) => grades.marks.filter((row) => row.status === status).length / total;
    expect(share("absent")).toBeGreaterThan(0.02);
    expect(share("absent")).toBeLessThan(0.045);
    for (const status of ["exempted", "not_handed_in"]) {
      expect(share(status), status).toBeGreaterThan(0.004);
      expect(share(status), status).toBeLessThan(0.02);
    }
    expect(share("not_graded")).toBe(0);
    expect(share("graded")).toBeGreaterThan(0.93);
    const commented = grades.marks.filter((row) => row.comment !== null).length / total;
    expect(commented).toBeGreaterThan(0.02);
    expect(commented).toBeLessThan(0.1);
  });

  it("gives each pupil a consistent level across subjects, averages spreading from about 6 to 18", () => {
    const evaluation = evaluationById();
    const codeOfMark = (row: (typeof grades.marks)[number]) => codeOf(evaluation.get(row.evaluationId)!.subjectId);
    const averages = new Map<string, { literary: number[]; scientific: number[]; all: number[] }>();
    for (const row of grades.marks) {
      const given = evaluation.get(row.evaluationId)!;
      if (row.value === null || given.kind !== "normal") continue;
      const pupil = averages.get(row.studentId) ?? { literary: [], scientific: [], all: [] };
      averages.set(row.studentId, pupil);
      const value = on20(row.value, given.outOf);
      pupil.all.push(value);
      const code = codeOfMark(row) ?? "";
      if (["FRANC", "HG-EMC", "AGL1"].includes(code)) pupil.literary.push(value);
      if (["MATHS", "SVT", "PH-CH"].includes(code)) pupil.scientific.push(value);
    }
    const overall = [...averages.values()].map((pupil) => mean(pupil.all));
    expect(Math.min(...overall)).toBeGreaterThan(5);
    expect(Math.min(...overall)).toBeLessThan(8.5);
    expect(Math.max(...overall)).toBeLessThan(19.5);
    expect(Math.max(...overall)).toBeGreaterThan(15.5);
    expect(mean(overall)).toBeGreaterThan(10.5);
    expect(mean(overall)).toBeLessThan(14);
    // A pupil strong in French and history is usually strong in maths and sciences too.
    const pairs = [...averages.values()].map((pupil) => [mean(pupil.literary), mean(pupil.scientific)] as const);
    expect(correlation(pairs)).toBeGreaterThan(0.6);
  });
});

describe("emma bernard's grades", () => {
  const emmaPublished = () => {
    const evaluation = evaluationById();
    return grades.marks
      .filter((row) => row.studentId === emma().id)
      .map((row) => ({ mark: row, evaluation: evaluation.get(row.evaluationId)! }))
      .filter(({ evaluation }) => evaluation.publishedAt !== null && evaluation.periodId === firstTrimester().id);
  };

  it("has a published graded mark in Français and in Mathématiques in T1", () => {
    for (const code of ["FRANC", "MATHS"]) {
      const graded = emmaPublished().filter(
        ({ mark, evaluation }) => codeOf(evaluation.subjectId) === code && mark.status === "graded",
      );
      expect(graded.length, code).toBeGreaterThan(0);
    }
  });

  it("was absent from at least one evaluation", () => {
    expect(emmaPublished().some(({ mark }) => mark.status === "absent")).toBe(true);
  });

  it("has marks in every subject of 4eB", () => {
    const codes = new Set(emmaPublished().map(({ evaluation }) => codeOf(evaluation.subjectId)));
    for (const code of ["FRANC", "MATHS", "HG-EMC", "AGL1", "SVT", "PH-CH", "TECHN", "A-PLA", "EDMUS", "EPS"]) {
      expect(codes.has(code), code).toBe(true);
    }
  });

  it("gets the same marks, in the same evaluations, at every seeding", () => {
    expect(again.data.person(DEMO_ACCOUNTS.student.login).id).toBe(emma().id);
    const mine = marksOf(grades, emma().id);
    expect(mine.length).toBeGreaterThan(30);
    expect(marksOf(again, emma().id)).toEqual(mine);
    const summary = (rows: Grades["evaluations"]) =>
      rows.map(({ id, title, givenOn, outOf, coefficient, kind }) => [id, title, givenOn, outOf, coefficient, kind]);
    expect(summary(again.evaluations)).toEqual(summary(grades.evaluations));
    expect(again.marks.length).toBe(grades.marks.length);
  });
});

function correlation(pairs: readonly (readonly [number, number])[]): number {
  const mx = mean(pairs.map(([x]) => x));
  const my = mean(pairs.map(([, y]) => y));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
