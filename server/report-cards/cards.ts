import { absenceCounts } from "@/server/attendance/counts";
import { and, eq, inArray } from "drizzle-orm";
import { generalAppreciations, subjectAppreciations, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { averageStatistics, roundForDisplay, type Statistics } from "@/server/grades/averages";
import { type StudentReport, studentReports } from "@/server/grades/report";
import { audiencePupils } from "@/server/services/audiences";
import { classPeriod } from "./class-period";
import { classTeaching } from "./class-teaching";
import type { ClassFigures, ReportCardSnapshot, SubjectLine } from "./snapshot";
import { classStatus } from "./status";

const rounded = (value: number | null) => (value === null ? null : roundForDisplay(value));
const figures = (statistics: Statistics | null): ClassFigures | null =>
  statistics && {
    average: roundForDisplay(statistics.average),
    min: roundForDisplay(statistics.min),
    max: roundForDisplay(statistics.max),
  };

/**
 * The bulletins of every pupil now in a class for a period, computed from what is in the database right now: what
 * the conseil de classe reads, what a draft PDF prints, and what publication freezes. Averages and class figures are
 * the relevé de notes' (server/grades), rounded as displayed.
 */
export async function liveReportCards(db: Db, classId: string, periodId: string): Promise<ReportCardSnapshot[]> {
  const header = await classPeriod(db, classId, periodId);
  const pupils = await audiencePupils(db, { classId });
  const ids = pupils.map((p) => p.id);
  const [teaching, reports, subjectTexts, generalTexts, status, absenceTotals] = await Promise.all([
    classTeaching(db, classId, ids),
    studentReports(db, ids, periodId),
    pupilSubjectAppreciations(db, ids, periodId),
    pupilGeneralAppreciations(db, ids, periodId),
    classStatus(db, classId, periodId),
    Promise.all(ids.map((id) => absenceCounts(db, id, periodId))),
  ]);
  const classOverall = figures(averageStatistics([...reports.values()].map((r) => r.overall)));

  return pupils.map((pupil, index) => {
    const report = reports.get(pupil.id)!;
    const { halfDays, unjustifiedHalfDays, lates } = absenceTotals[index];
    return {
      version: 1,
      establishment: header.establishment,
      schoolYear: header.schoolYear,
      period: header.period,
      pupil: { id: pupil.id, firstName: pupil.firstName, lastName: pupil.lastName },
      class: { id: header.class.id, name: header.class.name },
      leadTeacher: teaching.leadTeacher,
      subjects: subjectLines(report, teaching.assignmentsOf(pupil.id), subjectTexts.get(pupil.id) ?? []),
      overall: { average: rounded(report.overall), class: classOverall },
      generalAppreciation: generalTexts.get(pupil.id) ?? null,
      absences: { halfDays, unjustifiedHalfDays, lates },
      validation: status.validatedAt ? { by: status.validatedBy, at: status.validatedAt.toISOString() } : null,
      publishedAt: status.publishedAt?.toISOString() ?? null,
    };
  });
}

type Taught = { subjectId: string; subject: string; teacher: string; coefficient: number };
type Written = { subjectId: string; text: string };

/**
 * A pupil's subjects: those taught to them (even without a mark yet) and those they were marked in, by name; each
 * with its teachers, the relevé's averages and the appréciations written for it.
 */
function subjectLines(report: StudentReport, taught: Taught[], written: Written[]): SubjectLine[] {
  const lines = new Map<string, SubjectLine>();
  for (const { subjectId, subject, teacher, coefficient } of taught) {
    const line = lines.get(subjectId);
    if (line) {
      if (!line.teachers.includes(teacher)) line.teachers.push(teacher);
      line.coefficient = Math.max(line.coefficient, coefficient);
    } else {
      lines.set(subjectId, { subjectId, subject, teachers: [teacher], coefficient, average: null, class: null, appreciation: null });
    }
  }
  for (const marked of report.subjects) {
    const line = lines.get(marked.subjectId);
    const values = { coefficient: marked.coefficient, average: rounded(marked.average), class: figures(marked.classStatistics) };
    if (line) Object.assign(line, values);
    else lines.set(marked.subjectId, { subjectId: marked.subjectId, subject: marked.subject, teachers: [], appreciation: null, ...values });
  }
  for (const { subjectId, text } of written) {
    const line = lines.get(subjectId);
    if (line) line.appreciation = line.appreciation ? `${line.appreciation}\n${text}` : text;
  }
  return [...lines.values()].sort((a, b) => a.subject.localeCompare(b.subject, "fr"));
}

/** The subject appréciations of the pupils for the period, by pupil, with the subject they were written for. */
async function pupilSubjectAppreciations(db: Db, studentIds: string[], periodId: string) {
  const rows = studentIds.length
    ? await db
        .select({
          studentId: subjectAppreciations.studentId,
          subjectId: teachingAssignments.subjectId,
          text: subjectAppreciations.text,
        })
        .from(subjectAppreciations)
        .innerJoin(teachingAssignments, eq(teachingAssignments.id, subjectAppreciations.assignmentId))
        .where(and(eq(subjectAppreciations.periodId, periodId), inArray(subjectAppreciations.studentId, studentIds)))
        .orderBy(subjectAppreciations.updatedAt)
    : [];
  const byStudent = new Map<string, Written[]>();
  for (const { studentId, ...written } of rows) byStudent.set(studentId, [...(byStudent.get(studentId) ?? []), written]);
  return byStudent;
}

async function pupilGeneralAppreciations(db: Db, studentIds: string[], periodId: string) {
  const rows = studentIds.length
    ? await db
        .select({ studentId: generalAppreciations.studentId, text: generalAppreciations.text })
        .from(generalAppreciations)
        .where(and(eq(generalAppreciations.periodId, periodId), inArray(generalAppreciations.studentId, studentIds)))
    : [];
  return new Map(rows.map((r) => [r.studentId, r.text]));
}
