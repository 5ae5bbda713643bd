import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluations, lessons, marks } from "@/drizzle/schema";
import type { Database } from "@/server/db/client";
import { createTestDatabase } from "@/server/testing/database";
import { DEMO_ESTABLISHMENTS } from "./demo-accounts";
import { type RegionSummary, seedRegion } from "./large";
import { loadSnapshot, type Snapshot } from "./test-snapshot";
import { isValidUai } from "./uai";

let database: Database;
let summary: RegionSummary;
let data: Snapshot;
const progress: [number, number][] = [];
const demoUais: string[] = Object.values(DEMO_ESTABLISHMENTS).map((item) => item.uai);

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  summary = await seedRegion(database.db, {
    establishments: 3,
    seed: 7,
    onProgress: (done, total) => progress.push([done, total]),
  });
  data = await loadSnapshot(database.db);
});

afterAll(() => database.close());

const region = () => data.establishments.filter((item) => !demoUais.includes(item.uai));
const students = () => data.profiles.filter((profile) => profile.role === "student");

describe("a generated region, on top of the demo", () => {
  it("adds an école, a collège and a lycée with valid, new UAIs", () => {
    expect(data.establishments).toHaveLength(5);
    expect(region().map((item) => item.kind)).toEqual(expect.arrayContaining(["ecole", "college", "lycee"]));
    for (const item of region()) expect(isValidUai(item.uai), item.uai).toBe(true);
    expect(progress.at(-1)).toEqual([3, 3]);
  });

  it("reports what it wrote", () => {
    const regionIds = new Set(region().map((item) => item.id));
    expect(summary.establishments).toBe(3);
    expect(summary.pupils).toBe(students().filter((profile) => regionIds.has(profile.establishmentId)).length);
    expect(summary.pupils).toBeGreaterThan(1_300);
    expect(summary.guardians).toBeGreaterThan(summary.pupils);
    expect(summary.rows).toBeGreaterThan(summary.people * 3);
  });

  it("keeps every login unique, and the region's prefixed with their establishment's UAI", () => {
    const logins = data.people.map((person) => person.login);
    expect(new Set(logins).size).toBe(logins.length);
    const uaiOf = new Map(data.establishments.map((item) => [item.id, item.uai]));
    const loginOf = new Map(data.people.map((person) => [person.id, person.login]));
    for (const profile of data.profiles) {
      const uai = uaiOf.get(profile.establishmentId) ?? "";
      if (demoUais.includes(uai)) continue;
      expect(loginOf.get(profile.personId)?.startsWith(`${uai.toLowerCase()}.`)).toBe(true);
    }
  });

  it("enrols every pupil in exactly one class of their establishment, and keeps every link inside it", () => {
    const classById = new Map(data.classes.map((item) => [item.id, item]));
    const groupById = new Map(data.groups.map((group) => [group.id, group]));
    const subjectById = new Map(data.subjects.map((subject) => [subject.id, subject]));
    const profileKeys = new Set(data.profiles.map((row) => `${row.personId}/${row.establishmentId}/${row.role}`));
    const classesOf = new Map<string, string[]>();
    for (const { studentId, classId } of data.enrolments) {
      classesOf.set(studentId, [...(classesOf.get(studentId) ?? []), classId]);
    }
    const schoolOf = new Map<string, string>();
    for (const profile of students()) {
      const enrolled = classesOf.get(profile.personId) ?? [];
      expect(enrolled).toHaveLength(1);
      expect(classById.get(enrolled[0])?.establishmentId).toBe(profile.establishmentId);
      schoolOf.set(profile.personId, profile.establishmentId);
    }
    for (const row of data.guardianships) {
      expect(profileKeys.has(`${row.guardianId}/${schoolOf.get(row.studentId)}/guardian`)).toBe(true);
    }
    for (const row of data.memberships) {
      expect(schoolOf.get(row.studentId)).toBe(groupById.get(row.groupId)?.establishmentId);
    }
    for (const row of data.assignments) {
      expect(profileKeys.has(`${row.teacherId}/${row.establishmentId}/teacher`)).toBe(true);
      expect(subjectById.get(row.subjectId)?.establishmentId).toBe(row.establishmentId);
      const target = row.classId ? classById.get(row.classId) : groupById.get(row.groupId ?? "");
      expect(target?.establishmentId).toBe(row.establishmentId);
    }
  });

  it("gives every class one professeur principal and every pupil a guardian", () => {
    const leads = new Map<string, number>();
    for (const { classId, isLeadTeacher } of data.assignments) {
      if (classId && isLeadTeacher) leads.set(classId, (leads.get(classId) ?? 0) + 1);
    }
    for (const item of data.classes) expect(leads.get(item.id), item.name).toBe(1);
    const guarded = new Set(data.guardianships.map((row) => row.studentId));
    for (const profile of students()) expect(guarded.has(profile.personId)).toBe(true);
  });

  it("adds the same school again under a new UAI when run again with the same seed", async () => {
    expect((await seedRegion(database.db, { establishments: 1, seed: 7 })).establishments).toBe(1);
    const after = await loadSnapshot(database.db);
    const first = region()[0];
    const again = after.establishments.find((item) => !data.establishments.some((old) => old.id === item.id));
    expect(again?.name).toBe(first.name);
    expect(again?.uai).not.toBe(first.uai);
    const unprefixedLogins = (snapshot: Snapshot, establishmentId = "") => {
      const loginOf = new Map(snapshot.people.map((person) => [person.id, person.login]));
      return snapshot.profiles
        .filter((profile) => profile.establishmentId === establishmentId)
        .map((profile) => loginOf.get(profile.personId)?.replace(/^[^.]+\./, ""))
        .sort();
    };
    expect(unprefixedLogins(after, again?.id)).toEqual(unprefixedLogins(data, first.id));
  });
});

describe("a generated region's school life", () => {
  it("gives every establishment a weekly timetable and a first trimester of published marks", async () => {
    const { db } = database;
    for (const item of region()) {
      const lessonCount = await db.$count(lessons, eq(lessons.establishmentId, item.id));
      const evaluationCount = await db.$count(evaluations, eq(evaluations.establishmentId, item.id));
      expect(lessonCount, item.kind).toBeGreaterThan(20);
      expect(evaluationCount, item.kind).toBeGreaterThan(10);
    }
    const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(marks);
    expect(count).toBeGreaterThan(summary.pupils * 10);
  });
});
