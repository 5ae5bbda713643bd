import { describe, expect, it } from "vitest";
import {
  averageStatistics,
  evaluationStatistics,
  type EvaluationKind,
  type GradedMark,
  type MarkStatus,
  overallAverage,
  roundForDisplay,
  subjectAverage,
  toTwenty,
} from "@/server/grades/averages";

/** A graded mark, normal and coefficient 1 unless told. */
function mark(value: number, outOf = 20, coefficient = 1, kind: EvaluationKind = "normal"): GradedMark {
  return { outOf, coefficient, kind, status: "graded", value };
}

/** A mark without a value: absent, exempted, not handed in or not graded. */
function missing(status: Exclude<MarkStatus, "graded">, coefficient = 1, kind: EvaluationKind = "normal"): GradedMark {
  return { outOf: 20, coefficient, kind, status, value: null };
}

const optional = (value: number, outOf = 20, coefficient = 1) => mark(value, outOf, coefficient, "optional");
const bonus = (value: number, outOf = 20, coefficient = 1) => mark(value, outOf, coefficient, "bonus");

describe("toTwenty", () => {
  it("scales a mark to /20", () => {
    expect(toTwenty(7, 10)).toBe(14);
    expect(toTwenty(30, 40)).toBe(15);
    expect(toTwenty(15, 20)).toBe(15);
    expect(toTwenty(2.5, 5)).toBe(10);
  });
});

describe("subjectAverage", () => {
  it("is the weighted mean of the marks on /20, whatever their barème", () => {
    // 15/20 → 15 ×1 = 15;  7/10 → 14 ×2 = 28;  30/40 → 15 ×0.5 = 7.5
    // (15 + 28 + 7.5) / (1 + 2 + 0.5) = 50.5 / 3.5 = 101/7 = 14.428571…
    const average = subjectAverage([mark(15, 20, 1), mark(7, 10, 2), mark(30, 40, 0.5)]);
    expect(average).toBeCloseTo(101 / 7, 12);
    expect(roundForDisplay(average!)).toBe(14.43);
  });

  it("leaves out absent, exempted, not handed in and not graded marks (an absence is not a 0)", () => {
    // counted: 12 and 16 → (12 + 16) / 2 = 14  (absent as 0 would give (12 + 0 + 16) / 4 = 7)
    const marks = [
      mark(12),
      missing("absent", 2),
      mark(16),
      missing("exempted"),
      missing("not_handed_in", 3),
      missing("not_graded"),
    ];
    expect(subjectAverage(marks)).toBe(14);
  });

  it("is null, not 0, when every mark is excluded, or when there is no mark", () => {
    expect(subjectAverage([missing("exempted"), missing("exempted", 2), missing("absent")])).toBeNull();
    expect(subjectAverage([])).toBeNull();
  });

  it("takes an optional mark that raises the average and ignores one that would lower it", () => {
    // normal marks: (10 + 12) / 2 = 11
    // optional 14 > 11 → taken: (10 + 12 + 14) / 3 = 12
    expect(subjectAverage([mark(10), mark(12), optional(14)])).toBe(12);
    // optional 8 < 11 → ignored: 11   (taken, it would give (10 + 12 + 8) / 3 = 10)
    expect(subjectAverage([mark(10), mark(12), optional(8)])).toBe(11);
    // optional 11 = 11 → does not raise strictly → ignored (either way the average stays 11)
    expect(subjectAverage([mark(10), mark(12), optional(11)])).toBe(11);
  });

  it("considers optional marks from the best to the worst, each against the average so far", () => {
    // normal: 10/20 coef 2 → 20 / 2 = 10
    // best first: 16 > 10 → (20 + 16) / 3 = 12;  then 11 < 12 → ignored.  Result 12.
    // (in the given order it would be: 11 > 10 → 31/3 = 10.33; 16 > 10.33 → 47/4 = 11.75)
    expect(subjectAverage([mark(10, 20, 2), optional(11), optional(16)])).toBe(12);
    // best first: 16 > 10 → 36/3 = 12;  then 13 > 12 → (36 + 13) / 4 = 12.25
    expect(subjectAverage([mark(10, 20, 2), optional(13), optional(16)])).toBe(12.25);
  });

  it("forms the average from optional marks alone when there is no normal mark", () => {
    // only optional 9 → taken although low: 9
    expect(subjectAverage([optional(9)])).toBe(9);
    // best first: 7/10 coef 2 → 14, taken (first one);  then 9 < 14 → ignored.  Result 14
    expect(subjectAverage([optional(9), optional(7, 10, 2), missing("absent", 1, "optional")])).toBe(14);
  });

  it("adds only the points above 10/20 of a bonus mark, to the numerator", () => {
    // normal: 12 + 10 = 22 over 2 → 11
    // bonus 16/20 coef 1 → +(16 − 10) × 1 = 6 → (22 + 6) / 2 = 14
    expect(subjectAverage([mark(12), mark(10), bonus(16)])).toBe(14);
    // bonus 9/10 coef 0.5 → 18 on /20 → +(18 − 10) × 0.5 = 4 → (22 + 4) / 2 = 13
    expect(subjectAverage([mark(12), mark(10), bonus(9, 10, 0.5)])).toBe(13);
    // bonus 8/20 → max(0, 8 − 10) = 0 → 22 / 2 = 11, the low bonus costs nothing
    expect(subjectAverage([mark(12), mark(10), bonus(8)])).toBe(11);
  });

  it("compares optional marks with the average bonus points included", () => {
    // normal 10, bonus 14 → +4 → (10 + 4) / 1 = 14
    // optional 13 < 14 → ignored (it would give (14 + 13) / 2 = 13.5);  optional 17 > 14 → (14 + 17) / 2 = 15.5
    expect(subjectAverage([mark(10), bonus(14), optional(13)])).toBe(14);
    expect(subjectAverage([mark(10), bonus(14), optional(17)])).toBe(15.5);
  });

  it("is null with only bonus marks", () => {
    expect(subjectAverage([bonus(18), bonus(15, 20, 2)])).toBeNull();
    expect(subjectAverage([bonus(18), missing("exempted")])).toBeNull();
  });

  it("is capped at 20", () => {
    // 19 + (20 − 10) × 2 = 39 over 1 → 39 → capped to 20
    expect(subjectAverage([mark(19), bonus(20, 20, 2)])).toBe(20);
  });

  it("takes the best optional mark first without normal marks, even when bonus points would favour another", () => {
    // Documents the stated order rule: bonus 20 → +10.
    // best first: 15 coef 10 → (10 + 150) / 10 = 16;  then 14 < 16 → ignored.  Result 16
    // (14 coef 1 alone would give (10 + 14) / 1 = 24 → 20, but the best mark is always the first one taken)
    expect(subjectAverage([bonus(20), optional(15, 20, 10), optional(14)])).toBe(16);
  });

  it("counts the marks of every group the pupil was in during the period (a pupil who changed group)", () => {
    // The pupil was in group 4e A, then moved to 4e B during the term: the marks carry no group, all count.
    const evaluations = [
      { group: "4e A", ...mark(12) },
      { group: "4e A", ...mark(8, 10) }, // 16
      { group: "4e B", ...mark(9, 20, 2) }, // 9 × 2 = 18
      { group: "4e B", ...missing("absent") },
    ];
    // (12 + 16 + 18) / (1 + 1 + 2) = 46 / 4 = 11.5
    expect(subjectAverage(evaluations)).toBe(11.5);
  });

  it("refuses a mark that breaks the contract", () => {
    expect(() => subjectAverage([mark(21)])).toThrow(RangeError);
    expect(() => subjectAverage([mark(-1)])).toThrow(RangeError);
    expect(() => subjectAverage([mark(10, 0)])).toThrow(RangeError);
    expect(() => subjectAverage([mark(10, 20, 0)])).toThrow(RangeError);
    expect(() => subjectAverage([{ ...mark(10), value: null }])).toThrow(RangeError);
    expect(() => subjectAverage([{ ...missing("absent"), value: 5 }])).toThrow(RangeError);
  });
});

describe("overallAverage", () => {
  it("weights the subject averages by the subject coefficients, leaving out subjects without average", () => {
    // maths 12.5 ×4 = 50;  French 14 ×3 = 42;  PE (EPS) no average, left out;  art 16 ×1 = 16
    // (50 + 42 + 16) / (4 + 3 + 1) = 108 / 8 = 13.5
    const subjects = [
      { average: 12.5, coefficient: 4 },
      { average: 14, coefficient: 3 },
      { average: null, coefficient: 2 },
      { average: 16, coefficient: 1 },
    ];
    expect(overallAverage(subjects)).toBe(13.5);
  });

  it("does not count a subject with coefficient 0", () => {
    // (12 × 1 + 18 × 0) / 1 = 12
    expect(overallAverage([{ average: 12, coefficient: 1 }, { average: 18, coefficient: 0 }])).toBe(12);
    expect(overallAverage([{ average: 18, coefficient: 0 }])).toBeNull();
  });

  it("is null when no subject has an average", () => {
    expect(overallAverage([{ average: null, coefficient: 2 }])).toBeNull();
    expect(overallAverage([])).toBeNull();
  });

  it("refuses a negative coefficient or an average outside 0–20", () => {
    expect(() => overallAverage([{ average: 12, coefficient: -1 }])).toThrow(RangeError);
    expect(() => overallAverage([{ average: 21, coefficient: 1 }])).toThrow(RangeError);
  });
});

describe("statistics", () => {
  it("gives the class average, lowest and highest value of an evaluation, on its barème", () => {
    // on /10: (7 + 4.5 + 9 + 10 + 6) / 5 = 36.5 / 5 = 7.3
    expect(evaluationStatistics([7, 4.5, 9, 10, 6])).toEqual({ average: 7.3, min: 4.5, max: 10, count: 5 });
    expect(evaluationStatistics([13])).toEqual({ average: 13, min: 13, max: 13, count: 1 });
    expect(evaluationStatistics([])).toBeNull();
  });

  it("gives the same over the pupils' averages, ignoring pupils without one", () => {
    // (12.5 + 8 + 15.25) / 3 = 35.75 / 3 = 11.91666…
    const statistics = averageStatistics([12.5, null, 8, 15.25, null]);
    expect(statistics).toEqual({ average: expect.closeTo(35.75 / 3, 12), min: 8, max: 15.25, count: 3 });
    expect(averageStatistics([null, null])).toBeNull();
    expect(averageStatistics([])).toBeNull();
  });
});

describe("roundForDisplay", () => {
  it("rounds to 2 decimals, half away from zero, on the decimal value", () => {
    expect(roundForDisplay(1.005)).toBe(1.01); // stored as 1.00499999999999989…
    expect(roundForDisplay(2.675)).toBe(2.68); // stored as 2.67499999999999982…
    expect(roundForDisplay(12.345)).toBe(12.35);
    expect(roundForDisplay(12.344999)).toBe(12.34);
    expect(roundForDisplay(14.428571)).toBe(14.43);
    expect(roundForDisplay(-1.005)).toBe(-1.01);
    expect(roundForDisplay(10)).toBe(10);
    expect(roundForDisplay(0)).toBe(0);
    expect(roundForDisplay(20)).toBe(20);
  });

  it("absorbs floating-point noise and never gives -0", () => {
    expect(roundForDisplay(0.1 + 0.2)).toBe(0.3); // 0.30000000000000004
    expect(roundForDisplay(2.67499999999999)).toBe(2.68); // 1e-14 below 2.675: noise
    expect(roundForDisplay(-0.001)).toBe(0);
  });
});

/** mulberry32: a small seeded generator, so that every run checks the same random cases. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("properties, over random marks", () => {
  const RUNS = 500;
  const EPSILON = 1e-9;
  const random = seededRandom(20240901);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const KINDS: EvaluationKind[] = ["normal", "normal", "optional", "bonus"];
  const EXCLUDED: Exclude<MarkStatus, "graded">[] = ["absent", "exempted", "not_handed_in", "not_graded"];

  /** A graded mark on a common barème, in half points, with a common coefficient. */
  function randomGraded(kind: EvaluationKind = pick(KINDS)): GradedMark {
    const outOf = pick([5, 8, 10, 20, 40, 100]);
    return mark(Math.floor(random() * (2 * outOf + 1)) / 2, outOf, pick([0.5, 1, 1.5, 2, 3, 4]), kind);
  }

  /** 1 to 8 marks of any kind, some of them excluded by their status. */
  function randomMarks(): GradedMark[] {
    return Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      random() < 0.2 ? missing(pick(EXCLUDED), pick([1, 2]), pick(KINDS)) : randomGraded(),
    );
  }

  it("puts the average of normal marks between the lowest and highest mark on /20", () => {
    for (let run = 0; run < RUNS; run++) {
      const marks = Array.from({ length: 1 + Math.floor(random() * 8) }, () => randomGraded("normal"));
      const onTwenty = marks.map((m) => toTwenty(m.value!, m.outOf));
      const average = subjectAverage(marks)!;
      expect(average).toBeGreaterThanOrEqual(Math.min(...onTwenty) - EPSILON);
      expect(average).toBeLessThanOrEqual(Math.max(...onTwenty) + EPSILON);
    }
  });

  it("never lowers the average by adding an optional mark", () => {
    // With at least one normal mark (see the documented case above for optional and bonus marks only).
    for (let run = 0; run < RUNS; run++) {
      const marks = [randomGraded("normal"), ...randomMarks()];
      const before = subjectAverage(marks)!;
      expect(subjectAverage([...marks, randomGraded("optional")])).toBeGreaterThanOrEqual(before - EPSILON);
    }
  });

  it("never lowers the average by adding a bonus mark", () => {
    for (let run = 0; run < RUNS; run++) {
      const marks = randomMarks();
      const before = subjectAverage(marks);
      const after = subjectAverage([...marks, randomGraded("bonus")]);
      if (before === null) expect(after).toBeNull();
      else expect(after).toBeGreaterThanOrEqual(before - EPSILON);
    }
  });

  it("never changes the average by adding excluded marks", () => {
    for (let run = 0; run < RUNS; run++) {
      const marks = randomMarks();
      const excluded = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        missing(pick(EXCLUDED), pick([0.5, 1, 3]), pick(KINDS)),
      );
      expect(subjectAverage([...excluded, ...marks, ...excluded])).toBe(subjectAverage(marks));
    }
  });

  it("keeps every average within 0–20", () => {
    for (let run = 0; run < RUNS; run++) {
      const average = subjectAverage(randomMarks());
      if (average !== null) expect(average >= 0 && average <= 20).toBe(true);
    }
  });
});
