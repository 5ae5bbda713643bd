import { describe, expect, it } from "vitest";
import { COLLEGE, ECOLE } from "./curricula";
import { LoginAllocator } from "./logins";
import { addEstablishment } from "./establishment";
import { createRandom } from "./random";
import { emptyRows } from "./rows";
import type { SeedContext } from "./context";
import { addTimetable } from "./timetable";
import { weeklyHours } from "./weekly-hours";

function generated(kind: "college" | "ecole", seed: number) {
  const random = createRandom(seed);
  const ctx: SeedContext = {
    random,
    logins: new LoginAllocator(),
    newId: () => random.uuid(),
    passwordHash: "x",
    rows: emptyRows(),
    profileKeys: new Set(),
  };
  const curriculum = kind === "college" ? COLLEGE : ECOLE;
  const classesPerLevel = Object.fromEntries(curriculum.levels.map((level) => [level, kind === "college" ? 4 : 1]));
  const id = addEstablishment(ctx, { uai: "0690001A", name: "Test", city: "Lyon", curriculum, classesPerLevel }, {});
  return { rows: ctx.rows, timetable: addTimetable(ctx.rows, id, createRandom(seed + 1)) };
}

describe("the generated timetable", () => {
  const { rows, timetable } = generated("college", 7);
  const weekHours = (weeks: string) => (weeks === "every" ? 1 : 0.5);

  it("gives (nearly) every service its weekly hours", () => {
    const levelOf = new Map(rows.classes.map((c) => [c.id, c.level]));
    const classOf = new Map(rows.classEnrolments.map((e) => [e.studentId, e.classId]));
    const codeOf = new Map(rows.subjects.map((s) => [s.id, s.code]));
    let required = 0;
    for (const a of rows.teachingAssignments) {
      const firstPupil = rows.groupMemberships.find((m) => m.groupId === a.groupId)?.studentId;
      const level = levelOf.get(a.classId ?? classOf.get(firstPupil!)!)!;
      required += weeklyHours("college", codeOf.get(a.subjectId)!, level);
    }
    const placed = timetable.lessons.reduce((sum, lesson) => sum + weekHours(lesson.weeks!), 0);
    console.info(`placed ${placed} of ${required} weekly hours`);
    expect(placed / required).toBeGreaterThan(0.97);
  });

  it("never puts a pupil, a teacher or a room in two places at once", () => {
    const pupilsOf = new Map<string, string[]>();
    for (const e of rows.classEnrolments) pupilsOf.set(e.classId, [...(pupilsOf.get(e.classId) ?? []), e.studentId]);
    for (const m of rows.groupMemberships) pupilsOf.set(m.groupId, [...(pupilsOf.get(m.groupId) ?? []), m.studentId]);
    const teacherOf = new Map(timetable.lessonTeachers.map((t) => [t.lessonId, t.teacherId]));
    const seen = new Set<string>();
    for (const lesson of timetable.lessons) {
      const weeks = lesson.weeks === "every" ? ["A", "B"] : [lesson.weeks];
      const who = [teacherOf.get(lesson.id)!, ...(pupilsOf.get((lesson.classId ?? lesson.groupId)!) ?? [])];
      if (lesson.roomId) who.push(lesson.roomId);
      for (const week of weeks)
        for (const person of who) {
          const key = `${lesson.weekday}/${lesson.startsAt}/${week}/${person}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
    }
  });

  it("keeps Wednesday afternoon free and gives every lesson a room", () => {
    expect(timetable.lessons.filter((l) => l.weekday === 3 && l.startsAt >= "12:00")).toEqual([]);
    expect(timetable.lessons.filter((l) => !l.roomId).length).toBe(0);
  });

  it("alternates weeks A and B over school weeks only", () => {
    const mondays = timetable.schoolWeeks.map((w) => w.monday);
    expect(mondays).not.toContain("2026-10-19");
    expect(mondays).not.toContain("2026-10-26");
    expect(timetable.schoolWeeks.slice(0, 3).map((w) => w.pattern)).toEqual(["A", "B", "A"]);
  });

  it("gives the école's classes their four days", () => {
    const ecole = generated("ecole", 3).timetable;
    const days = new Set(ecole.lessons.map((l) => l.weekday));
    expect([...days].sort()).toEqual([1, 2, 4, 5]);
  });
});
