/**
 * Averages the way French schools (and Pronote) compute them. Pure functions: no database, no I/O.
 * The rules are written down for people in AVERAGES.md, next to this file.
 */

/** Why a pupil has a mark or not: only "graded" marks count in an average. */
export type MarkStatus = "graded" | "absent" | "exempted" | "not_handed_in" | "not_graded";

/** How an evaluation counts: normally, optional (note facultative) or bonus. */
export type EvaluationKind = "normal" | "optional" | "bonus";

/** One pupil's mark for one evaluation. */
export interface GradedMark {
  /** barème, > 0 (e.g. 20, 10, 40) */
  outOf: number;
  /** > 0 (e.g. 1, 2, 0.5) */
  coefficient: number;
  kind: EvaluationKind;
  status: MarkStatus;
  /** set iff status === "graded", 0 <= value <= outOf */
  value: number | null;
}

/** Class average, lowest and highest value, and how many values they are computed over. */
export interface Statistics {
  average: number;
  min: number;
  max: number;
  count: number;
}

const MAX_AVERAGE = 20;
/** A bonus mark only brings the points above this (on /20). */
const BONUS_THRESHOLD = 10;

/** A mark scaled to /20: 7/10 → 14, 30/40 → 15. */
export function toTwenty(value: number, outOf: number): number {
  return (value * MAX_AVERAGE) / outOf;
}

const isPositive = (x: number) => Number.isFinite(x) && x > 0;

/**
 * The mark scaled to /20 when it counts (status "graded"), null when its status excludes it (absent, exempted, not
 * handed in, not graded). Throws a RangeError on a mark that breaks the GradedMark contract.
 */
function countedValue(mark: GradedMark): number | null {
  const valid =
    isPositive(mark.outOf) &&
    isPositive(mark.coefficient) &&
    (mark.status === "graded"
      ? mark.value !== null && mark.value >= 0 && mark.value <= mark.outOf
      : mark.value === null);
  if (!valid) throw new RangeError(`Invalid mark: ${JSON.stringify(mark)}`);
  return mark.value === null ? null : toTwenty(mark.value, mark.outOf);
}

/**
 * A pupil's average in one subject for one period (moyenne de la matière), on /20:
 * - only graded marks count: absent, exempted, not handed in and not graded marks are left out entirely (an absence
 *   is not a 0);
 * - normal marks: weighted mean of the marks scaled to /20, Σ(mark/20 × coefficient) / Σcoefficient;
 * - bonus marks: only the points above 10/20 count, (mark/20 − 10) × coefficient added to the numerator, nothing to
 *   the denominator; a bonus at or below 10/20 brings nothing;
 * - optional marks (notes facultatives), from the best (on /20) to the worst: each one is added only if the average
 *   with it (bonus points included) is strictly higher than without it, i.e. only if it is above the current average.
 *   Without any normal mark, the best optional mark is taken anyway, then the others by the same rule;
 * - null (not 0) when no normal or optional mark counts, e.g. every mark exempted or only bonus marks;
 * - capped at 20, not rounded (see roundForDisplay).
 */
export function subjectAverage(marks: GradedMark[]): number | null {
  const counted = marks.flatMap((mark) => {
    const onTwenty = countedValue(mark);
    return onTwenty === null ? [] : [{ kind: mark.kind, coefficient: mark.coefficient, onTwenty }];
  });
  let points = 0;
  let weight = 0;
  for (const mark of counted) {
    if (mark.kind === "normal") {
      points += mark.onTwenty * mark.coefficient;
      weight += mark.coefficient;
    } else if (mark.kind === "bonus") {
      points += Math.max(0, mark.onTwenty - BONUS_THRESHOLD) * mark.coefficient;
    }
  }
  const optionals = counted.filter((mark) => mark.kind === "optional").sort((a, b) => b.onTwenty - a.onTwenty);
  for (const mark of optionals) {
    if (weight === 0 || mark.onTwenty > points / weight) {
      points += mark.onTwenty * mark.coefficient;
      weight += mark.coefficient;
    }
  }
  return weight === 0 ? null : Math.min(MAX_AVERAGE, points / weight);
}

/**
 * A pupil's general average for a period (moyenne générale): the subject averages weighted by the subjects'
 * coefficients. Subjects without an average are left out; a subject with coefficient 0 is shown on the report but
 * does not count. Null when no subject counts.
 */
export function overallAverage(subjects: { average: number | null; coefficient: number }[]): number | null {
  let points = 0;
  let weight = 0;
  for (const { average, coefficient } of subjects) {
    if (!(Number.isFinite(coefficient) && coefficient >= 0)) {
      throw new RangeError(`Invalid subject coefficient: ${coefficient}`);
    }
    if (average === null) continue;
    if (!(average >= 0 && average <= MAX_AVERAGE)) throw new RangeError(`Invalid subject average: ${average}`);
    points += average * coefficient;
    weight += coefficient;
  }
  return weight === 0 ? null : points / weight;
}

/**
 * Class statistics of one evaluation: plain (unweighted) mean, lowest and highest of the graded values, on the
 * evaluation's own barème. Null when nobody was graded.
 */
export function evaluationStatistics(values: number[]): Statistics | null {
  if (values.length === 0) return null;
  return {
    average: values.reduce((sum, value) => sum + value, 0) / values.length,
    min: values.reduce((min, value) => Math.min(min, value)),
    max: values.reduce((max, value) => Math.max(max, value)),
    count: values.length,
  };
}

/**
 * Class statistics of the pupils' subject (or general) averages (moyenne de la classe, moyenne la plus basse, la plus
 * haute): plain mean, min and max over the pupils who have an average. Null when nobody has one.
 */
export function averageStatistics(averages: (number | null)[]): Statistics | null {
  return evaluationStatistics(averages.filter((average) => average !== null));
}

/**
 * Rounds to 2 decimals for display, half away from zero: 12.345 → 12.35, 12.344999 → 12.34, −1.005 → −1.01.
 * It rounds the decimal number, not its binary approximation (1.005 is stored as 1.00499999999999989…, and still gives
 * 1.01): the value is first written with 10 decimals, which absorbs floating-point noise, and that text is shifted by
 * two decimal places before rounding.
 */
export function roundForDisplay(x: number): number {
  // toFixed switches to exponent notation from 1e21, where numbers have no decimals anyway.
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const rounded = Math.round(Number(`${Math.abs(x).toFixed(10)}e2`)) / 100;
  return x < 0 && rounded > 0 ? -rounded : rounded;
}
