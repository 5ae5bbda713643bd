import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { DEMO_ACCOUNTS, DEMO_ESTABLISHMENTS } from "@/server/seed/demo-accounts";
import { type Caller, callerFor } from "@/server/testing/callers";
import { createTestDatabase } from "@/server/testing/database";
import { reportPeriod } from "./report-period";

const COLLEGE = DEMO_ESTABLISHMENTS.college.uai;
let database: Database;
let claire: Caller;
let emma: string;
let periods: { id: string; startsOn: string }[];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  claire = await callerFor(database.db, DEMO_ACCOUNTS.leadTeacher.login, COLLEGE);
  periods = (await claire.grades.periods()).periods;
  [{ id: emma }] = await database.db.select({ id: people.id }).from(people).where(eq(people.login, DEMO_ACCOUNTS.student.login));
});
afterAll(() => database.close());

describe("the period a relevé de notes opens on", () => {
  it("is the one just ended while the running one has no published mark of the pupil yet", async () => {
    const [first, second, third] = periods;
    expect(await reportPeriod(database.db, emma, { periods, current: first })).toBe(first.id);
    expect(await reportPeriod(database.db, emma, { periods, current: second })).toBe(first.id);
    expect(await reportPeriod(database.db, emma, { periods, current: third })).toBe(first.id);
    expect(await reportPeriod(database.db, emma, { periods, current: null })).toBe(first.id);
  });

  it("is the running one once it has a published mark of the pupil, not before", async () => {
    const [, second] = periods;
    const frenchIn4eB = (await claire.grades.myAssignments()).find((a) => a.className === "4eB")!.id;
    const { id } = await claire.grades.createEvaluation({
      assignmentId: frenchIn4eB,
      periodId: second.id,
      title: "Première dictée du trimestre",
      givenOn: second.startsOn,
      outOf: 20,
      coefficient: 1,
      kind: "normal",
    });
    await claire.grades.saveMarks({ evaluationId: id, marks: [{ studentId: emma, status: "graded", value: 14 }] });
    expect(await reportPeriod(database.db, emma, { periods, current: second })).toBe(periods[0].id);
    await claire.grades.publish({ evaluationId: id });
    expect(await reportPeriod(database.db, emma, { periods, current: second })).toBe(second.id);
  });

  it("is none in a year without periods", async () => {
    expect(await reportPeriod(database.db, emma, { periods: [], current: null })).toBeNull();
    expect(await reportPeriod(database.db, emma, null)).toBeNull();
  });
});
