import { subjectAppreciations } from "@/drizzle/schema";
import type { Db } from "@/server/db/client";
import { subjectAverage } from "@/server/grades/averages";
import type { GradeRows } from "./grades";
import type { Random } from "./random";
import { insertInChunks, type SeedRows } from "./rows";

export type AppreciationRow = typeof subjectAppreciations.$inferInsert;

/** Where the demo's bulletins stand: one class's first trimester, its teachers' appréciations mostly written. */
export interface DemoAppreciationPins {
  className: string;
  /** claire.moreau: her own appréciations are left for the demo (and the browser tests) to write. */
  leftToTeacherId: string;
}

/** What a teacher writes, by the pupil's average in their subject (below 8, 10, 12, 14, 16, and above). */
const BANDS: readonly (readonly string[])[] = [
  [
    "Trimestre très difficile : les bases ne sont pas acquises. Il faut reprendre les leçons régulièrement et demander de l'aide.",
    "Résultats très insuffisants. Un travail personnel régulier est indispensable pour progresser.",
  ],
  [
    "Résultats fragiles. Des efforts sont visibles mais le travail doit être plus régulier.",
    "Trimestre en demi-teinte : il faut approfondir les leçons et participer davantage.",
  ],
  [
    "Trimestre correct dans l'ensemble. Un travail plus approfondi permettrait de meilleurs résultats.",
    "Des résultats moyens mais une attitude sérieuse. Il faut persévérer.",
  ],
  [
    "Bon trimestre. Le travail est sérieux ; la participation à l'oral peut encore progresser.",
    "Résultats satisfaisants et travail régulier. Continuez ainsi.",
  ],
  [
    "Très bon trimestre, travail sérieux et participation active. Félicitations.",
    "Très bons résultats, fruits d'un travail régulier et soigné.",
  ],
  [
    "Excellent trimestre : des résultats remarquables et une belle curiosité. Bravo.",
    "Travail excellent, rigoureux et approfondi. Félicitations.",
  ],
];

function band(average: number | null): readonly string[] {
  if (average === null) return BANDS[2];
  return BANDS[Math.min(BANDS.length - 1, Math.max(0, Math.floor((average - 6) / 2)))];
}

/**
 * The first trimester's subject appréciations of one class, so that its conseil de classe looks as it does a week
 * before the end of the term: every teacher but the pinned one has written, each appréciation in line with the
 * pupil's marks in that service. General appréciations are left to the professeur principal.
 */
export function addDemoAppreciations(
  rows: SeedRows,
  grades: GradeRows,
  random: Random,
  pins: DemoAppreciationPins,
): AppreciationRow[] {
  const classId = rows.classes.find((c) => c.name === pins.className)?.id;
  if (!classId) throw new Error(`The demo has no class ${pins.className}`);
  const pupils = rows.classEnrolments.filter((e) => e.classId === classId).map((e) => e.studentId);
  const groupsOf = new Map<string, Set<string>>();
  for (const { groupId, studentId } of rows.groupMemberships) {
    groupsOf.set(studentId, (groupsOf.get(studentId) ?? new Set()).add(groupId));
  }
  const evaluationsOf = new Map<string, GradeRows["evaluations"]>();
  for (const evaluation of grades.evaluations) {
    if (!evaluation.publishedAt) continue;
    evaluationsOf.set(evaluation.assignmentId, [...(evaluationsOf.get(evaluation.assignmentId) ?? []), evaluation]);
  }
  const marksOf = new Map(grades.marks.map((m) => [`${m.evaluationId}/${m.studentId}`, m]));

  const appreciations: AppreciationRow[] = [];
  for (const assignment of rows.teachingAssignments) {
    if (assignment.teacherId === pins.leftToTeacherId) continue;
    const given = evaluationsOf.get(assignment.id!) ?? [];
    if (given.length === 0) continue;
    for (const studentId of pupils) {
      const reached =
        assignment.classId === classId || (assignment.groupId != null && groupsOf.get(studentId)?.has(assignment.groupId));
      if (!reached) continue;
      const average = subjectAverage(
        given.flatMap((evaluation) => {
          const mark = marksOf.get(`${evaluation.id}/${studentId}`);
          return mark
            ? [{ outOf: evaluation.outOf, coefficient: evaluation.coefficient ?? 1, kind: evaluation.kind ?? "normal", status: mark.status, value: mark.value ?? null }]
            : [];
        }),
      );
      appreciations.push({
        assignmentId: assignment.id!,
        periodId: given[0].periodId,
        studentId,
        text: random.pick(band(average)),
        authorId: assignment.teacherId,
      });
    }
  }
  return appreciations;
}

export async function insertAppreciationRows(db: Db, appreciations: AppreciationRow[]): Promise<void> {
  await insertInChunks(db, subjectAppreciations, appreciations);
}
