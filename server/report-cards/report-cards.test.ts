import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, classEnrolments, groupMemberships, people, teachingAssignments } from "@/drizzle/schema";
import { absenceCounts } from "@/server/attendance/counts";
import type { Database } from "@/server/db/client";
import { createLocalBus, type DomainEvents } from "@/server/events/bus";
import { roundForDisplay } from "@/server/grades/averages";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let claire: Caller;
let julien: Caller;
let direction: Caller;
let emma: string;
let hugo: string;
let lucas: string;
let classId: string;
let frenchIn4eB: string;
let mathsIn4eB: string;
let firstTerm: string;
let secondTerm: string;
const published: DomainEvents["reportCards.published"][] = [];

const as = (key: keyof typeof DEMO_ACCOUNTS) => callerFor(database.db, DEMO_ACCOUNTS[key].login, COLLEGE);
const idOf = async (login: string) =>
  (await database.db.select({ id: people.id }).from(people).where(eq(people.login, login)))[0].id;
const french = <S extends { subject: string }>(card: { subjects: S[] } | null) =>
  card?.subjects.find((s) => s.subject === "Français");

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  const bus = createLocalBus();
  bus.subscribe("reportCards.published", (event) => published.push(event));
  claire = await as("leadTeacher");
  julien = await as("teacherParent");
  direction = await callerFor(database.db, DEMO_ACCOUNTS.direction.login, COLLEGE, bus);
  const claireIn4eB = (await claire.grades.myAssignments()).find((a) => a.className === "4eB")!;
  frenchIn4eB = claireIn4eB.id;
  classId = claireIn4eB.classId!;
  mathsIn4eB = (await julien.grades.myAssignments()).find((a) => a.className === "4eB")!.id;
  const { periods } = await claire.grades.periods();
  firstTerm = periods.find((p) => p.ordinal === 1)!.id;
  secondTerm = periods.find((p) => p.ordinal === 2)!.id;
  [emma, hugo, lucas] = await Promise.all(
    [DEMO_ACCOUNTS.student, DEMO_ACCOUNTS.classmate, DEMO_ACCOUNTS.sibling].map((a) => idOf(a.login)),
  );
});
afterAll(() => database.close());

describe("writing appréciations", () => {
  it("lets a teacher write, correct and clear appréciations for the pupils of their own service", async () => {
    const saved = await claire.reportCards.saveSubjectAppreciation({
      assignmentId: frenchIn4eB,
      periodId: firstTerm,
      studentId: emma,
      text: "  Très bon trimestre, à l'écoute.  ",
    });
    expect(saved.text).toBe("Très bon trimestre, à l'écoute.");
    await claire.reportCards.saveSubjectAppreciation({ assignmentId: frenchIn4eB, periodId: firstTerm, studentId: hugo, text: "Brouillon" });
    await claire.reportCards.saveSubjectAppreciation({ assignmentId: frenchIn4eB, periodId: firstTerm, studentId: hugo, text: " " });
    const sheet = await claire.reportCards.assignmentSheet({ assignmentId: frenchIn4eB, periodId: firstTerm });
    const row = (id: string) => sheet.pupils.find((p) => p.id === id)!;
    expect(row(emma)).toMatchObject({ appreciation: "Très bon trimestre, à l'écoute.", locked: false, className: "4eB" });
    expect(row(hugo).appreciation).toBe("");
  });

  it("refuses a pupil outside the service, a text too long, and another teacher's service", async () => {
    const base = { assignmentId: frenchIn4eB, periodId: firstTerm };
    await expect(claire.reportCards.saveSubjectAppreciation({ ...base, studentId: lucas, text: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "reportCards.errors.notInAssignment",
    });
    await expect(
      claire.reportCards.saveSubjectAppreciation({ ...base, studentId: emma, text: "x".repeat(601) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(julien.reportCards.saveSubjectAppreciation({ ...base, studentId: emma, text: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const sheet = await claire.reportCards.assignmentSheet(base);
    expect(sheet.pupils.find((p) => p.id === emma)!.appreciation).toBe("Très bon trimestre, à l'écoute.");
  });

  it("shows on the sheet each pupil's average in the subject, the one of their relevé de notes", async () => {
    const sheet = await claire.reportCards.assignmentSheet({ assignmentId: frenchIn4eB, periodId: firstTerm });
    const report = await claire.grades.report({ studentId: emma, periodId: firstTerm });
    const average = report!.subjects.find((s) => s.subject === "Français")!.average!;
    expect(sheet.pupils.find((p) => p.id === emma)!.average).toBe(roundForDisplay(average));
  });

  it("lets only the professeur principal write the general appréciation, for the pupils of their class", async () => {
    const base = { classId, periodId: firstTerm };
    await claire.reportCards.saveGeneralAppreciation({ ...base, studentId: emma, text: "Bon trimestre. Continuez ainsi." });
    await expect(julien.reportCards.saveGeneralAppreciation({ ...base, studentId: emma, text: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(claire.reportCards.saveGeneralAppreciation({ ...base, studentId: lucas, text: "x" })).rejects.toMatchObject({
      message: "reportCards.errors.notInClass",
    });
    const council = await claire.reportCards.council(base);
    expect(council.may).toEqual({ writeGeneral: true, manage: false });
    const card = council.cards.find((c) => c.pupil.id === emma)!;
    expect(card.generalAppreciation).toBe("Bon trimestre. Continuez ainsi.");
    expect(french(card)).toMatchObject({ teachers: ["Claire Moreau"], appreciation: "Très bon trimestre, à l'écoute." });
    expect(card.leadTeacher).toBe("Claire Moreau");
    // The demo's other teachers have written theirs.
    expect(card.subjects.find((s) => s.subject === "Mathématiques")!.appreciation).toEqual(expect.any(String));
    // The period's absences, counted as the pupil's absences page counts them.
    const { halfDays, unjustifiedHalfDays, lates } = await absenceCounts(database.db, emma, firstTerm);
    expect(card.absences).toEqual({ halfDays, unjustifiedHalfDays, lates });
  });
});

describe("validation and publication", () => {
  it("locks every appréciation once direction validates, until it reopens", async () => {
    const subject = { assignmentId: frenchIn4eB, periodId: firstTerm, studentId: emma };
    await expect(direction.reportCards.publish({ classId, periodId: firstTerm })).rejects.toMatchObject({
      message: "reportCards.errors.notValidated",
    });
    await direction.reportCards.validate({ classId, periodId: firstTerm });
    await expect(claire.reportCards.saveSubjectAppreciation({ ...subject, text: "Changée" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "reportCards.errors.locked",
    });
    await expect(
      claire.reportCards.saveGeneralAppreciation({ classId, periodId: firstTerm, studentId: emma, text: "Changée" }),
    ).rejects.toMatchObject({ message: "reportCards.errors.locked" });
    const council = await claire.reportCards.council({ classId, periodId: firstTerm });
    expect(council.status.status).toBe("validated");
    expect(council.may.writeGeneral).toBe(false);
    expect((await claire.reportCards.assignmentSheet(subject)).pupils.every((p) => p.locked)).toBe(true);

    await direction.reportCards.reopen({ classId, periodId: firstTerm });
    await claire.reportCards.saveSubjectAppreciation({ ...subject, text: "Très bon trimestre, à l'écoute et investie." });
    await direction.reportCards.validate({ classId, periodId: firstTerm });
    expect((await direction.reportCards.council({ classId, periodId: firstTerm })).status).toMatchObject({
      status: "validated",
      validatedBy: "Isabelle Fontaine",
    });
  });

  it("shows families nothing before publication, then the frozen bulletin whatever changes afterwards", async () => {
    const family = await as("guardian");
    expect(await family.reportCards.studentCard({ studentId: emma, periodId: firstTerm })).toBeNull();
    expect(await (await as("student")).reportCards.studentCards({ studentId: emma })).toEqual([]);

    await direction.reportCards.publish({ classId, periodId: firstTerm });
    expect(published).toEqual([
      expect.objectContaining({ classId, periodId: firstTerm, studentIds: expect.arrayContaining([emma, hugo]) }),
    ]);
    const before = await family.reportCards.studentCard({ studentId: emma, periodId: firstTerm });
    expect(before).toMatchObject({
      pupil: { firstName: "Emma", lastName: "Bernard" },
      class: { name: "4eB" },
      establishment: { uai: COLLEGE },
      generalAppreciation: "Bon trimestre. Continuez ainsi.",
      validation: { by: "Isabelle Fontaine" },
    });
    expect(french(before)!.appreciation).toBe("Très bon trimestre, à l'écoute et investie.");
    expect(await family.reportCards.studentCards({ studentId: emma })).toEqual([
      expect.objectContaining({ periodId: firstTerm, ordinal: 1, className: "4eB" }),
    ]);

    // A mark given after publication changes the relevé de notes, not the bulletin.
    const { id } = await claire.grades.createEvaluation({
      assignmentId: frenchIn4eB,
      periodId: firstTerm,
      title: "Rattrapage",
      givenOn: "2026-11-27",
      outOf: 20,
      coefficient: 5,
      kind: "normal",
    });
    await claire.grades.saveMarks({ evaluationId: id, marks: [{ studentId: emma, status: "graded", value: 2 }] });
    await claire.grades.publish({ evaluationId: id });
    const relevé = await family.grades.report({ studentId: emma, periodId: firstTerm });
    expect(roundForDisplay(relevé!.subjects.find((s) => s.subject === "Français")!.average!)).not.toBe(
      french(before)!.average,
    );
    expect(await family.reportCards.studentCard({ studentId: emma, periodId: firstTerm })).toEqual(before);

    // Nor can appréciations change, nor can the bulletins be reopened.
    await expect(
      claire.reportCards.saveSubjectAppreciation({ assignmentId: frenchIn4eB, periodId: firstTerm, studentId: emma, text: "x" }),
    ).rejects.toMatchObject({ message: "reportCards.errors.locked" });
    await expect(direction.reportCards.reopen({ classId, periodId: firstTerm })).rejects.toMatchObject({
      message: "reportCards.errors.alreadyPublished",
    });
    await expect(direction.reportCards.publish({ classId, periodId: firstTerm })).rejects.toMatchObject({
      message: "reportCards.errors.alreadyPublished",
    });
    const council = await direction.reportCards.council({ classId, periodId: firstTerm });
    expect(council.cards.find((c) => c.pupil.id === emma)).toEqual(before);
  });

  it("refuses another family and another establishment the bulletin, and audits staff reading it", async () => {
    await expect((await as("otherGuardian")).reportCards.studentCard({ studentId: emma, periodId: firstTerm })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const ecole = await callerFor(database.db, DEMO_ACCOUNTS.ecoleDirection.login, DEMO_ESTABLISHMENTS.ecole.uai);
    await expect(ecole.reportCards.studentCard({ studentId: emma, periodId: firstTerm })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await (await as("guardian")).reportCards.studentCard({ studentId: emma, periodId: firstTerm });
    await (await as("cpe")).reportCards.studentCard({ studentId: emma, periodId: firstTerm });
    const traces = await database.db
      .select({ actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "reportCards.viewed"), eq(auditLog.subjectId, emma)));
    expect(traces.map((t) => t.actorId)).toContain(await idOf(DEMO_ACCOUNTS.cpe.login));
    expect(traces.map((t) => t.actorId)).not.toContain(await idOf(DEMO_ACCOUNTS.guardian.login));
  });
});

describe("the averages of a bulletin", () => {
  it("are the relevé's, on a hand-checked second term", async () => {
    // Coefficients de matière: French 3, maths 4.
    await database.db.update(teachingAssignments).set({ coefficient: 3 }).where(eq(teachingAssignments.id, frenchIn4eB));
    await database.db.update(teachingAssignments).set({ coefficient: 4 }).where(eq(teachingAssignments.id, mathsIn4eB));
    const give = async (api: Caller, assignmentId: string, outOf: number, coefficient: number, marks: [string, number][]) => {
      const { id } = await api.grades.createEvaluation({
        assignmentId,
        periodId: secondTerm,
        title: `Sur ${outOf}`,
        givenOn: "2026-12-10",
        outOf,
        coefficient,
        kind: "normal",
      });
      await api.grades.saveMarks({
        evaluationId: id,
        marks: marks.map(([studentId, value]) => ({ studentId, status: "graded" as const, value })),
      });
      await api.grades.publish({ evaluationId: id });
    };
    // AVERAGES.md, worked example 1, for emma: 15/20 ×1, 7/10 ×2, 30/40 ×0.5 → 50.5 / 3.5 = 14.428571… ; hugo 10.
    await give(claire, frenchIn4eB, 20, 1, [[emma, 15], [hugo, 10]]);
    await give(claire, frenchIn4eB, 10, 2, [[emma, 7]]);
    await give(claire, frenchIn4eB, 40, 0.5, [[emma, 30]]);
    // Maths: emma 12, hugo 8.
    await give(julien, mathsIn4eB, 20, 1, [[emma, 12], [hugo, 8]]);
    await direction.reportCards.validate({ classId, periodId: secondTerm });
    await direction.reportCards.publish({ classId, periodId: secondTerm });

    const card = (await (await as("student")).reportCards.studentCard({ studentId: emma, periodId: secondTerm }))!;
    expect(french(card)).toMatchObject({ coefficient: 3, average: 14.43, class: { average: 12.21, min: 10, max: 14.43 } });
    expect(card.subjects.find((s) => s.subject === "Mathématiques")).toMatchObject({
      coefficient: 4,
      average: 12,
      class: { average: 10, min: 8, max: 12 },
    });
    // Emma (14.428571 × 3 + 12 × 4) / 7 = 13.04; Hugo (10 × 3 + 8 × 4) / 7 = 8.857 → class 10.95, min 8.86, max 13.04.
    expect(card.overall).toEqual({ average: 13.04, class: { average: 10.95, min: 8.86, max: 13.04 } });
    // Subjects taught without a mark this term are listed, blank.
    expect(card.subjects.find((s) => s.subject === "Histoire-Géographie-EMC")).toMatchObject({ average: null, class: null });

    const relevé = (await claire.grades.report({ studentId: emma, periodId: secondTerm }))!;
    expect(card.overall.average).toBe(roundForDisplay(relevé.overall!));
    for (const subject of relevé.subjects) {
      expect(card.subjects.find((s) => s.subjectId === subject.subjectId)!.average).toBe(roundForDisplay(subject.average!));
    }
  });
});

describe("a group's teacher", () => {
  it("reads the class's bulletins of a pupil in their group, and sees each pupil's own class status", async () => {
    const [groupService] = await database.db
      .select({ id: teachingAssignments.id, login: people.login })
      .from(teachingAssignments)
      .innerJoin(people, eq(people.id, teachingAssignments.teacherId))
      .innerJoin(groupMemberships, eq(groupMemberships.groupId, teachingAssignments.groupId))
      .innerJoin(classEnrolments, eq(classEnrolments.studentId, groupMemberships.studentId))
      .where(eq(classEnrolments.classId, classId))
      .limit(1);
    const teacher = await callerFor(database.db, groupService.login, COLLEGE);
    const council = await teacher.reportCards.council({ classId, periodId: firstTerm });
    expect(council.may).toEqual({ writeGeneral: false, manage: false });
    const sheet = await teacher.reportCards.assignmentSheet({ assignmentId: groupService.id, periodId: firstTerm });
    const in4eB = sheet.pupils.filter((p) => p.className === "4eB");
    expect(in4eB.length).toBeGreaterThan(0);
    expect(in4eB.every((p) => p.locked)).toBe(true);
    expect(sheet.pupils.filter((p) => p.className !== "4eB").every((p) => !p.locked)).toBe(true);
  });
});

describe("direction's overview", () => {
  it("lists every class with its status and how many appréciations are written", async () => {
    const overview = (await direction.reportCards.overview({ periodId: firstTerm }))!;
    expect(overview.classes).toHaveLength(16);
    expect(overview.classes[0].name).toMatch(/^6e/);
    const row = overview.classes.find((c) => c.id === classId)!;
    expect(row).toMatchObject({ status: "published", generalAppreciations: { written: 1, expected: row.pupils } });
    // The demo has every teacher's appréciations written but claire's (one per pupil); she wrote emma's.
    expect(row.subjectAppreciations.expected).toBeGreaterThan(row.pupils * 8);
    expect(row.subjectAppreciations.written).toBe(row.subjectAppreciations.expected - row.pupils + 1);
    expect(overview.classes.filter((c) => c.status === "draft")).toHaveLength(15);
  });
});
