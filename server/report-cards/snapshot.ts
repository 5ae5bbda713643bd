/**
 * A pupil's bulletin for a period, as printed. The conseil de classe reads it live while it is being written; at
 * publication it is frozen in report_cards.snapshot (jsonb), and families only ever see that frozen copy: later mark
 * changes, appréciation edits or class changes do not alter it. Averages are kept rounded as printed (2 decimals).
 */
export interface ReportCardSnapshot {
  /** Bumped when the shape changes, so that old bulletins stay readable. */
  version: 1;
  establishment: { name: string; uai: string; city: string | null };
  /** "2026-2027" */
  schoolYear: string;
  period: { id: string; kind: "trimester" | "semester"; ordinal: number; startsOn: string; endsOn: string };
  pupil: { id: string; firstName: string; lastName: string };
  class: { id: string; name: string };
  /** The professeur principal's name, when the class has one. */
  leadTeacher: string | null;
  subjects: SubjectLine[];
  overall: { average: number | null; class: ClassFigures | null };
  /** The professeur principal's general appréciation (appréciation du conseil de classe). */
  generalAppreciation: string | null;
  /**
   * Absences over the period, in half-days, and lates. Null until the attendance service fills it in: a bulletin
   * never shows a count it does not have.
   */
  absences: { halfDays: number; unjustifiedHalfDays: number; lates: number } | null;
  /** Who validated the class's bulletins (direction), and when (ISO instant); null while a draft. */
  validation: { by: string | null; at: string } | null;
  /** When families received it (ISO instant); null in a preview before publication. */
  publishedAt: string | null;
}

/** One subject of the bulletin: the pupil's average, the class's, and the teachers' appréciation. */
export interface SubjectLine {
  subjectId: string;
  subject: string;
  /** The teachers who teach the subject to the pupil (class or group). */
  teachers: string[];
  /** coefficient de la matière, the subject's weight in the overall average */
  coefficient: number;
  average: number | null;
  /** Over the pupils given the same evaluations (the class, or the group for LV2, Latin...), as in the relevé. */
  class: ClassFigures | null;
  appreciation: string | null;
}

/** moyenne de la classe, la plus basse, la plus haute */
export interface ClassFigures {
  average: number;
  min: number;
  max: number;
}
