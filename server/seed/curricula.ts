import type { establishmentKind } from "@/drizzle/schema";
import type { Role } from "./context";

export type EstablishmentKind = (typeof establishmentKind.enumValues)[number];
export type StaffRole = Exclude<Role, "student" | "guardian" | "teacher">;

export interface Subject {
  code: string;
  name: string;
}

/** One subject of an option, and the word its groups are named with ("5e Espagnol 2"). */
export interface OptionChoice {
  code: string;
  label: string;
  weight: number;
}

/** An option taught in groups across the classes of a level: LV2, Latin, spécialités of the lycée. */
export interface Option {
  levels: readonly string[];
  choices: readonly OptionChoice[];
  /** How many of the choices a pupil taking the option takes. */
  picks: number;
  /** Share of the level's pupils taking the option. */
  participation: number;
  groupSize: number;
}

/** What is taught in a kind of establishment, in what classes, and by how many adults. */
export interface Curriculum {
  kind: EstablishmentKind;
  levels: readonly string[];
  subjects: readonly Subject[];
  /** The subjects each level takes as a whole class. */
  classSubjects: Readonly<Record<string, readonly string[]>>;
  options: readonly Option[];
  classSize: readonly [min: number, max: number];
  /** Classes or groups per teacher (service): the usual number and the most. */
  teacherLoad: { target: number; max: number };
  staff: Readonly<Partial<Record<StaffRole, number>>>;
  className(level: string, index: number, count: number): string;
}

const letter = (index: number) => String.fromCharCode(65 + index);
const sameForLevels = (levels: readonly string[], codes: readonly string[]) =>
  Object.fromEntries(levels.map((level) => [level, codes]));

const ECOLE_LEVELS = ["CP", "CE1", "CE2", "CM1", "CM2"] as const;

export const ECOLE: Curriculum = {
  kind: "ecole",
  levels: ECOLE_LEVELS,
  subjects: [{ code: "POLYV", name: "Polyvalent" }],
  classSubjects: sameForLevels(ECOLE_LEVELS, ["POLYV"]),
  options: [],
  classSize: [18, 26],
  teacherLoad: { target: 1, max: 1 },
  staff: { direction: 1 },
  className: (level, index, count) => (count === 1 ? level : `${level} ${letter(index)}`),
};

const COLLEGE_LEVELS = ["6e", "5e", "4e", "3e"] as const;
const COLLEGE_COMMON = ["FRANC", "MATHS", "HG-EMC", "AGL1", "SVT", "PH-CH", "TECHN", "A-PLA", "EDMUS", "EPS"];

export const COLLEGE: Curriculum = {
  kind: "college",
  levels: COLLEGE_LEVELS,
  subjects: [
    { code: "FRANC", name: "Français" },
    { code: "MATHS", name: "Mathématiques" },
    { code: "HG-EMC", name: "Histoire-Géographie-EMC" },
    { code: "AGL1", name: "Anglais LV1" },
    { code: "ESP2", name: "Espagnol LV2" },
    { code: "ALL2", name: "Allemand LV2" },
    { code: "SVT", name: "Sciences de la vie et de la Terre" },
    { code: "PH-CH", name: "Physique-Chimie" },
    { code: "TECHN", name: "Technologie" },
    { code: "A-PLA", name: "Arts plastiques" },
    { code: "EDMUS", name: "Éducation musicale" },
    { code: "EPS", name: "Éducation physique et sportive" },
    { code: "LCALA", name: "Latin" },
  ],
  classSubjects: sameForLevels(COLLEGE_LEVELS, COLLEGE_COMMON),
  options: [
    // 6e bilangue: German alongside English from the first year.
    {
      levels: ["6e"],
      choices: [{ code: "ALL2", label: "Allemand bilangue", weight: 1 }],
      picks: 1,
      participation: 0.2,
      groupSize: 30,
    },
    {
      levels: ["5e", "4e", "3e"],
      choices: [
        { code: "ESP2", label: "Espagnol", weight: 0.75 },
        { code: "ALL2", label: "Allemand", weight: 0.25 },
      ],
      picks: 1,
      participation: 1,
      groupSize: 30,
    },
    {
      levels: ["5e", "4e", "3e"],
      choices: [{ code: "LCALA", label: "Latin", weight: 1 }],
      picks: 1,
      participation: 0.2,
      groupSize: 30,
    },
  ],
  classSize: [23, 28],
  teacherLoad: { target: 5, max: 6 },
  staff: { direction: 2, cpe: 3, secretariat: 1, agent: 2, admin: 1 },
  className: (level, index) => `${level}${letter(index)}`,
};

const LYCEE_LEVELS = ["2de", "1re", "Tle"] as const;
const LYCEE_SPECIALITIES: readonly OptionChoice[] = [
  { code: "MATHS", label: "Spé Mathématiques", weight: 3 },
  { code: "PH-CH", label: "Spé Physique-Chimie", weight: 2 },
  { code: "SVT", label: "Spé SVT", weight: 2 },
  { code: "SES", label: "Spé SES", weight: 2 },
  { code: "HGGSP", label: "Spé HGGSP", weight: 1.5 },
  { code: "LLCER", label: "Spé LLCER anglais", weight: 1.5 },
  { code: "HLP", label: "Spé HLP", weight: 1 },
  { code: "NSI", label: "Spé NSI", weight: 1 },
];

export const LYCEE: Curriculum = {
  kind: "lycee",
  levels: LYCEE_LEVELS,
  subjects: [
    { code: "FRANC", name: "Français" },
    { code: "PHILO", name: "Philosophie" },
    { code: "MATHS", name: "Mathématiques" },
    { code: "HG-EMC", name: "Histoire-Géographie-EMC" },
    { code: "AGL1", name: "Anglais LVA" },
    { code: "ESP2", name: "Espagnol LVB" },
    { code: "ALL2", name: "Allemand LVB" },
    { code: "SVT", name: "Sciences de la vie et de la Terre" },
    { code: "PH-CH", name: "Physique-Chimie" },
    { code: "SES", name: "Sciences économiques et sociales" },
    { code: "SNT", name: "Sciences numériques et technologie" },
    { code: "ENSSC", name: "Enseignement scientifique" },
    { code: "EPS", name: "Éducation physique et sportive" },
    { code: "HGGSP", name: "Histoire-géographie, géopolitique et sciences politiques" },
    { code: "LLCER", name: "Langues, littératures et cultures étrangères : anglais" },
    { code: "HLP", name: "Humanités, littérature et philosophie" },
    { code: "NSI", name: "Numérique et sciences informatiques" },
  ],
  classSubjects: {
    "2de": ["FRANC", "MATHS", "HG-EMC", "AGL1", "SVT", "PH-CH", "SES", "SNT", "EPS"],
    "1re": ["FRANC", "HG-EMC", "AGL1", "ENSSC", "EPS"],
    Tle: ["PHILO", "HG-EMC", "AGL1", "ENSSC", "EPS"],
  },
  options: [
    {
      levels: LYCEE_LEVELS,
      choices: [
        { code: "ESP2", label: "Espagnol", weight: 0.7 },
        { code: "ALL2", label: "Allemand", weight: 0.3 },
      ],
      picks: 1,
      participation: 1,
      groupSize: 32,
    },
    { levels: ["1re"], choices: LYCEE_SPECIALITIES, picks: 3, participation: 1, groupSize: 32 },
    { levels: ["Tle"], choices: LYCEE_SPECIALITIES, picks: 2, participation: 1, groupSize: 32 },
  ],
  classSize: [30, 35],
  teacherLoad: { target: 5, max: 6 },
  staff: { direction: 3, cpe: 5, secretariat: 3, agent: 6, admin: 1 },
  className: (level, index) => `${level}${index + 1}`,
};

export const CURRICULA: Record<EstablishmentKind, Curriculum> = { ecole: ECOLE, college: COLLEGE, lycee: LYCEE };
