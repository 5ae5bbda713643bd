import type { EstablishmentKind } from "./curricula";

/**
 * Weekly hours per subject and level (horaires hebdomadaires), after the national programmes: cycle 3 for 6e,
 * cycle 4 for 5e–3e, the voie générale for the lycée. A half hour is a lesson every other week (week A).
 */
const COLLEGE: Record<string, Record<string, number> & { default: number }> = {
  FRANC: { default: 4.5, "3e": 4 },
  MATHS: { default: 3.5, "6e": 4.5 },
  "HG-EMC": { default: 3 },
  AGL1: { default: 3, "6e": 4 },
  ESP2: { default: 2.5 },
  ALL2: { default: 2.5, "6e": 2 },
  SVT: { default: 1.5 },
  "PH-CH": { default: 1.5, "6e": 1 },
  TECHN: { default: 1.5 },
  "A-PLA": { default: 1 },
  EDMUS: { default: 1 },
  EPS: { default: 3, "6e": 4 },
  LCALA: { default: 2, "5e": 1 },
};

const LYCEE: Record<string, Record<string, number> & { default: number }> = {
  FRANC: { default: 4 },
  PHILO: { default: 4 },
  MATHS: { default: 4, "1re": 4, Tle: 6 },
  "HG-EMC": { default: 3 },
  AGL1: { default: 2.5 },
  ESP2: { default: 2 },
  ALL2: { default: 2 },
  SVT: { default: 1.5, "1re": 4, Tle: 6 },
  "PH-CH": { default: 3, "1re": 4, Tle: 6 },
  SES: { default: 1.5, "1re": 4, Tle: 6 },
  SNT: { default: 1.5 },
  ENSSC: { default: 2 },
  EPS: { default: 2 },
  HGGSP: { default: 4, Tle: 6 },
  LLCER: { default: 4, Tle: 6 },
  HLP: { default: 4, Tle: 6 },
  NSI: { default: 4, Tle: 6 },
};

/** How many hours a week a class or group of a level has in a subject; the école's class teacher has the day. */
export function weeklyHours(kind: EstablishmentKind, code: string, level: string): number {
  if (kind === "ecole") return 24;
  const table = kind === "college" ? COLLEGE : LYCEE;
  const hours = table[code];
  return hours ? (hours[level] ?? hours.default) : 1;
}
