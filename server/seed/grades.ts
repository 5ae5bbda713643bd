import { sql } from "drizzle-orm";
import { evaluations, marks, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { TRIMESTERS } from "./calendar";
import { FALLBACK_TEMPLATES, subjectCoefficient, type Template, TEMPLATES } from "./evaluation-catalogue";
import type { Random } from "./random";
import { insertInChunks, type SeedRows } from "./rows";

/** The title of claire.moreau's unpublished evaluation in 4eB French: the browser tests mark and publish it. */
export const DEMO_DRAFT_EVALUATION_TITLE = "Rédaction : portrait";

/** The first trimester's evaluations are given between these days, outside the Toussaint holidays (zone A). */
export const DEMO_GRADES_WINDOW = { firstOn: "2026-09-07", lastOn: "2026-11-20" } as const;
const TOUSSAINT = { from: "2026-10-17", to: "2026-11-01" } as const;
/** No publication after this: the eve of the earliest week the demo stands in (EARLIEST_DEMO_WEEK). */
const LATEST_PUBLICATION = Date.UTC(2026, 10, 22, 19, 30);
const DRAFT_GIVEN_ON = "2026-11-20";

export type EvaluationRow = typeof evaluations.$inferInsert;
export type MarkRow = typeof marks.$inferInsert;

/** What addGrades generates: written after the rest of the demo by insertGradeRows. */
export interface GradeRows {
  /** The coefficient of each teaching assignment's subject (coefficient de la matière). */
  coefficients: { assignmentId: string; coefficient: number }[];
  evaluations: EvaluationRow[];
  marks: MarkRow[];
}

/** The named people the demo's grades are built around. */
export interface DemoGradePins {
  /** emma.bernard: graded in Français and Mathématiques, absent at least once. */
  studentId: string;
  /** claire.moreau and 4eB: the draft evaluation's teacher and class. */
  draftTeacherId: string;
  draftClassName: string;
}

/** Extra work a teacher may give: counted only if it raises the average (optional), or above 10 only (bonus). */
const OPTIONAL_RATE = 0.1;
const BONUS_RATE = 0.08;

/** How pupils are marked: each pupil's level, nudged per subject, per evaluation and per copy, on /20. */
const LEVEL = { mean: 12.2, spread: 2.8, min: 6.5, max: 17.5 };
const PUPIL_SUBJECT_SPREAD = 1.4;
const EVALUATION_SPREAD = 1.2;
const COPY_SPREAD = 2;
/** Some subjects mark higher, some lower. */
const SUBJECT_SHIFT: Readonly<Record<string, number>> = {
  EPS: 1.5,
  "A-PLA": 1.3,
  EDMUS: 1,
  TECHN: 0.5,
  MATHS: -0.5,
  "PH-CH": -0.4,
};
const ABSENT_RATE = 0.03;
const EXEMPTED_RATE = 0.01;
const NOT_HANDED_IN_RATE = 0.01;
const COMMENT_RATE = 0.05;

/** emma.bernard's level: a good pupil with room to progress, whatever the generator draws. */
const PINNED_STUDENT_LEVEL = 13.8;

interface Unit {
  assignment: SeedRows["teachingAssignments"][number] & { id: string };
  code: string;
  level: string;
  pupils: string[];
}

/**
 * An establishment's first trimester of grades: a coefficient for every subject, 3 to 5 published evaluations for every
 * teaching assignment with a mark for every pupil; with pins (the demo), one draft (DEMO_DRAFT_EVALUATION_TITLE) in
 * the pinned teacher's class and the pinned pupil's promised marks. Everything is drawn from `random`, so the same seed gives the same grades (and ids).
 */
export function addGrades(
  rows: SeedRows,
  establishmentId: string,
  random: Random,
  pins?: DemoGradePins,
): GradeRows {
  const units = teachingUnits(rows, establishmentId);
  const periodId = firstTrimesterId(rows, establishmentId);
  const grades: GradeRows = { coefficients: [], evaluations: [], marks: [] };
  const days = schoolDays();
  const pupilLevel = new Map<string, number>();
  for (const pupil of [...new Set(units.flatMap((unit) => unit.pupils))].sort()) {
    const drawn = clamp(normal(random, LEVEL.mean, LEVEL.spread), LEVEL.min, LEVEL.max);
    pupilLevel.set(pupil, pupil === pins?.studentId ? PINNED_STUDENT_LEVEL : drawn);
  }
  const subjectOffset = new Map<string, number>();
  const offsetOf = (pupil: string, code: string) => {
    const key = `${pupil}/${code}`;
    if (!subjectOffset.has(key)) subjectOffset.set(key, normal(random, 0, PUPIL_SUBJECT_SPREAD));
    return subjectOffset.get(key)!;
  };
  /** A mark on the evaluation's barème: on /20, to the half point. */
  const drawValue = (unit: Unit, pupil: string, difficulty: number, outOf: number) => {
    const level = pupilLevel.get(pupil)! + (SUBJECT_SHIFT[unit.code] ?? 0) + offsetOf(pupil, unit.code);
    const on20 = clamp(Math.round((level + difficulty + normal(random, 0, COPY_SPREAD)) * 2) / 2, 0, 20);
    return Math.min(outOf, (on20 * outOf) / 20);
  };

  for (const unit of units) {
    const { assignment } = unit;
    grades.coefficients.push({ assignmentId: assignment.id, coefficient: subjectCoefficient(unit.code, unit.level) });
    const count = random.int(3, 5);
    const dates = spreadDates(random, days, count);
    const plans = planEvaluations(random, unit, count);
    plans.forEach((plan, index) => {
      const givenOn = dates[index];
      const publishedAt = new Date(
        Math.min(LATEST_PUBLICATION, atTime(givenOn, random.int(1, 4), random.int(16, 20), random.int(0, 59))),
      );
      const evaluation = {
        id: random.uuid(),
        ...targetOf(assignment, establishmentId),
        periodId,
        title: plan.title,
        givenOn,
        outOf: plan.outOf,
        coefficient: plan.coefficient,
        kind: plan.kind,
        publishedAt,
        createdAt: new Date(atTime(givenOn, -random.int(0, 6), random.int(6, 18), random.int(0, 59))),
      };
      grades.evaluations.push(evaluation);
      const difficulty = normal(random, 0, EVALUATION_SPREAD);
      for (const pupil of unit.pupils) {
        const mark = drawMark(random, () => drawValue(unit, pupil, difficulty, plan.outOf), plan.outOf);
        grades.marks.push({
          evaluationId: evaluation.id,
          studentId: pupil,
          ...mark,
          updatedAt: new Date(publishedAt.getTime() - random.int(5, 180) * 60_000),
          updatedBy: assignment.teacherId,
        });
      }
    });
  }

  if (pins) {
    addDraft(rows, grades, units, { establishmentId, periodId, random, pins });
    keepPinnedStudentPromises(grades, units, pins.studentId, random, drawValue);
  }
  return grades;
}

/** The collège's teaching assignments with their subject, level and pupils, in the order they were generated. */
function teachingUnits(rows: SeedRows, establishmentId: string): Unit[] {
  const codeOf = new Map(rows.subjects.map((subject) => [subject.id, subject.code]));
  const levelOf = new Map(rows.classes.map((item) => [item.id, item.level]));
  const classOf = new Map(rows.classEnrolments.map((row) => [row.studentId, row.classId]));
  const byClass = groupBy(rows.classEnrolments, (row) => row.classId);
  const byGroup = groupBy(rows.groupMemberships, (row) => row.groupId);
  return rows.teachingAssignments
    .filter((row) => row.establishmentId === establishmentId)
    .map((row) => {
      const id = row.id;
      if (!id) throw new Error("A seeded teaching assignment has no id");
      const pupils = (row.classId ? byClass.get(row.classId) : byGroup.get(row.groupId ?? ""))?.map(
        (member) => member.studentId,
      );
      const level = levelOf.get(row.classId ?? classOf.get(pupils?.[0] ?? "") ?? "") ?? "";
      return { assignment: { ...row, id }, code: codeOf.get(row.subjectId) ?? "", level, pupils: pupils ?? [] };
    });
}

function firstTrimesterId(rows: SeedRows, establishmentId: string): string {
  const year = rows.schoolYears.find((row) => row.establishmentId === establishmentId);
  const trimester = rows.periods.find(
    (row) => row.schoolYearId === year?.id && row.kind === "trimester" && row.ordinal === 1,
  );
  if (!trimester?.id) throw new Error("The collège has no first trimester");
  return trimester.id;
}

interface Plan {
  title: string;
  outOf: number;
  coefficient: number;
  kind: "normal" | "optional" | "bonus";
}

/** Picks the evaluations of one assignment, in the order given: numbered ones count up, topics do not repeat. */
function planEvaluations(random: Random, unit: Unit, count: number): Plan[] {
  const templates = TEMPLATES[unit.code] ?? FALLBACK_TEMPLATES;
  const numbers = new Map<string, number>();
  const usedTopics = new Set<string>();
  const usedTitles = new Set<string>();
  const titleOf = (template: Template, number: number, topic: string) =>
    template.title.replace("{n}", String(number)).replace("{topic}", topic);
  /** The topics that would give a new title with this template ("" when it takes none). */
  const unusedTopics = (template: Template): string[] => {
    if (template.once && numbers.has(template.title)) return [];
    if (template.title.includes("{n}")) return [""];
    if (!template.title.includes("{topic}")) return numbers.has(template.title) ? [] : [""];
    const topics = template.topics?.[unit.level] ?? template.topics?.["*"] ?? [];
    return topics.filter((topic) => !usedTitles.has(titleOf(template, 0, topic)));
  };
  // Now and then, one piece of extra work (never the first evaluation of the trimester).
  const extra = random.next();
  const extraIndex = extra < OPTIONAL_RATE + BONUS_RATE ? random.int(1, count - 1) : -1;
  const plans: Plan[] = [];
  for (let index = 0; index < count; index++) {
    if (index === extraIndex) {
      plans.push(
        extra < OPTIONAL_RATE
          ? { title: "Devoir facultatif", outOf: 20, coefficient: 1, kind: "optional" }
          : { title: "Exposé (bonus)", outOf: 20, coefficient: 1, kind: "bonus" },
      );
      continue;
    }
    // Titles never repeat: a title without a number or a topic ("Récitation") is given once, a topic once while it
    // can be.
    // A subject whose templates have no topic for this level (an école, a lycée's option) gets numbered evaluations.
    const options = templates.map((template) => ({ template, topics: unusedTopics(template) }));
    const usable = options.filter((option) => option.topics.length > 0);
    const { template, topics } = random.pick(usable.length > 0 ? usable : [{ template: FALLBACK_TEMPLATES[0], topics: [""] }]);
    const number = (numbers.get(template.title) ?? 0) + 1;
    numbers.set(template.title, number);
    const fresh = topics.filter((topic) => !usedTopics.has(topic));
    const topic = random.pick(fresh.length > 0 ? fresh : topics);
    usedTopics.add(topic);
    const title = titleOf(template, number, topic);
    usedTitles.add(title);
    plans.push({
      title,
      outOf: random.pick(template.outOf),
      coefficient: random.pick(template.coefficient),
      kind: "normal",
    });
  }
  return plans;
}

function drawMark(random: Random, value: () => number, outOf: number): Pick<MarkRow, "status" | "value" | "comment"> {
  const roll = random.next();
  if (roll < ABSENT_RATE) {
    return { status: "absent", value: null, comment: random.chance(0.2) ? random.pick(ABSENCE_COMMENTS) : null };
  }
  if (roll < ABSENT_RATE + EXEMPTED_RATE) return { status: "exempted", value: null, comment: null };
  if (roll < ABSENT_RATE + EXEMPTED_RATE + NOT_HANDED_IN_RATE) {
    return { status: "not_handed_in", value: null, comment: random.chance(0.3) ? "Copie non rendue." : null };
  }
  const graded = value();
  const on20 = (graded * 20) / outOf;
  return { status: "graded", value: graded, comment: random.chance(COMMENT_RATE) ? commentFor(random, on20) : null };
}

const ABSENCE_COMMENTS = ["Absence justifiée.", "Évaluation à rattraper."];
const COMMENTS: readonly [minimumOn20: number, comments: readonly string[]][] = [
  [17, ["Excellent travail !", "Très bonne copie, bravo.", "Remarquable."]],
  [14, ["Très bien.", "Bon travail, continue ainsi.", "Sérieux et appliqué."]],
  [10, ["Correct, mais attention aux étourderies.", "Des progrès, persévère.", "Bien, à approfondir."]],
  [7, ["Des efforts à poursuivre.", "La leçon n'est pas assez apprise.", "Revoir la méthode."]],
  [0, ["Travail insuffisant.", "Viens me voir pour reprendre la leçon.", "Copie inachevée."]],
];

function commentFor(random: Random, on20: number): string {
  return random.pick(COMMENTS.find(([minimum]) => on20 >= minimum)?.[1] ?? COMMENTS[COMMENTS.length - 1][1]);
}

interface DraftContext {
  establishmentId: string;
  periodId: string;
  random: Random;
  pins: DemoGradePins;
}

/** claire.moreau's rédaction in 4eB, given on the last Friday and not marked yet: a draft, without marks. */
function addDraft(
  rows: SeedRows,
  grades: GradeRows,
  units: readonly Unit[],
  { establishmentId, periodId, random, pins }: DraftContext,
): void {
  const classId = rows.classes.find(
    (item) => item.establishmentId === establishmentId && item.name === pins.draftClassName,
  )?.id;
  const unit = units.find(
    (item) => item.assignment.teacherId === pins.draftTeacherId && item.assignment.classId === classId,
  );
  if (!classId || !unit) throw new Error(`No assignment of the draft's teacher in ${pins.draftClassName}`);
  grades.evaluations.push({
    id: random.uuid(),
    ...targetOf(unit.assignment, establishmentId),
    periodId,
    title: DEMO_DRAFT_EVALUATION_TITLE,
    givenOn: DRAFT_GIVEN_ON,
    outOf: 20,
    coefficient: 2,
    kind: "normal",
    publishedAt: null,
    createdAt: new Date(atTime(DRAFT_GIVEN_ON, -1, 18, 12)),
  });
}

/**
 * What the tests rely on, whatever the draws: the pinned pupil has a graded mark in Français and in Mathématiques,
 * and was absent from at least one evaluation (of another subject).
 */
function keepPinnedStudentPromises(
  grades: GradeRows,
  units: readonly Unit[],
  studentId: string,
  random: Random,
  drawValue: (unit: Unit, pupil: string, difficulty: number, outOf: number) => number,
): void {
  const unitOf = new Map(units.map((unit) => [unit.assignment.id, unit]));
  const evaluationOf = new Map(grades.evaluations.map((row) => [row.id, row]));
  const own = grades.marks
    .filter((mark) => mark.studentId === studentId)
    .map((mark) => {
      const evaluation = evaluationOf.get(mark.evaluationId)!;
      return { mark, evaluation, unit: unitOf.get(evaluation.assignmentId)! };
    });
  for (const code of ["FRANC", "MATHS"]) {
    const inSubject = own.filter((item) => item.unit.code === code && item.evaluation.kind === "normal");
    if (inSubject.length === 0) throw new Error(`The pinned pupil has no evaluation in ${code}`);
    if (inSubject.some((item) => item.mark.status === "graded")) continue;
    const { mark, evaluation, unit } = inSubject[0];
    const value = drawValue(unit, studentId, 0, Number(evaluation.outOf));
    Object.assign(mark, { status: "graded", value, comment: null });
  }
  if (own.some((item) => item.mark.status === "absent")) return;
  const others = own.filter(
    (item) => !["FRANC", "MATHS"].includes(item.unit.code) && item.evaluation.kind === "normal",
  );
  if (others.length === 0) throw new Error("The pinned pupil has no evaluation to be absent from");
  Object.assign(random.pick(others).mark, { status: "absent", value: null, comment: "Absence justifiée." });
}

/** Writes the grades after the rest of the demo (insertRows), in the same transaction. */
export async function insertGradeRows(db: Db, grades: GradeRows): Promise<void> {
  if (grades.coefficients.length > 0) {
    await db.execute(sql`
      update ${teachingAssignments} set ${sql.identifier(teachingAssignments.coefficient.name)} = v.coefficient
      from json_to_recordset(${JSON.stringify(grades.coefficients)}::json)
        as v("assignmentId" uuid, coefficient numeric)
      where ${teachingAssignments.id} = v."assignmentId"`);
  }
  await insertInChunks(db, evaluations, grades.evaluations);
  await insertInChunks(db, marks, grades.marks);
}

function targetOf(assignment: Unit["assignment"], establishmentId: string) {
  return {
    establishmentId,
    assignmentId: assignment.id,
  };
}

/** The school days of the window: Monday to Friday, outside the Toussaint holidays. */
function schoolDays(): string[] {
  const days: string[] = [];
  for (let day: string = DEMO_GRADES_WINDOW.firstOn; day <= DEMO_GRADES_WINDOW.lastOn; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const holiday = day >= TOUSSAINT.from && day <= TOUSSAINT.to;
    if (weekday !== 0 && weekday !== 6 && !holiday && day >= TRIMESTERS[0].startsOn) days.push(day);
  }
  return days;
}

/** One day in each of `count` equal stretches of the school days: evaluations spread over the trimester. */
function spreadDates(random: Random, days: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const from = Math.floor((index * days.length) / count);
    const to = Math.floor(((index + 1) * days.length) / count) - 1;
    return days[random.int(from, to)];
  });
}

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** A time on a day `dayOffset` days from `day` (UTC), in milliseconds. */
function atTime(day: string, dayOffset: number, hours: number, minutes: number): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date + dayOffset, hours, minutes);
}

/** A normally distributed draw (Box–Muller). */
function normal(random: Random, mean: number, deviation: number): number {
  const u = 1 - random.next();
  const v = random.next();
  return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
