import { and, eq, inArray } from "drizzle-orm";
import { subjectAppreciations, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { averageStatistics, roundForDisplay } from "@/server/grades/averages";
import { studentReports } from "@/server/grades/report";
import { namedAssignment } from "@/server/services/assignments";
import { audiencePupils } from "@/server/services/audiences";
import { assignmentPeriod } from "./class-period";
import { pupilClasses } from "./status";

/**
 * A teacher's appréciations sheet for one teaching assignment and period: every pupil of the class or group with
 * their average in the subject (the relevé's), their appréciation, and whether their class's bulletins are still
 * open. A group's pupils come from several classes, each with its own status.
 */
export async function assignmentSheet(db: Db, assignmentId: string, periodId: string) {
  const period = await assignmentPeriod(db, assignmentId, periodId);
  const assignment = await namedAssignment(db, assignmentId);
  const [{ subjectId }] = await db
    .select({ subjectId: teachingAssignments.subjectId })
    .from(teachingAssignments)
    .where(eq(teachingAssignments.id, assignmentId));
  const pupils = await audiencePupils(db, { classId: assignment.classId, groupId: assignment.groupId });
  const ids = pupils.map((p) => p.id);
  const [reports, classesOf, written] = await Promise.all([
    studentReports(db, ids, periodId),
    pupilClasses(db, ids, periodId),
    ids.length
      ? db
          .select({ studentId: subjectAppreciations.studentId, text: subjectAppreciations.text })
          .from(subjectAppreciations)
          .where(
            and(
              eq(subjectAppreciations.assignmentId, assignmentId),
              eq(subjectAppreciations.periodId, periodId),
              inArray(subjectAppreciations.studentId, ids),
            ),
          )
      : [],
  ]);
  const texts = new Map(written.map((w) => [w.studentId, w.text]));
  const rows = pupils.map((pupil) => {
    const average = reports.get(pupil.id)!.subjects.find((s) => s.subjectId === subjectId)?.average ?? null;
    const pupilClass = classesOf.get(pupil.id);
    return {
      ...pupil,
      className: pupilClass?.className ?? null,
      average,
      appreciation: texts.get(pupil.id) ?? "",
      locked: pupilClass?.status !== "draft",
    };
  });
  const statistics = averageStatistics(rows.map((r) => r.average));
  return {
    assignment,
    period,
    pupils: rows.map((r) => ({ ...r, average: r.average === null ? null : roundForDisplay(r.average) })),
    classAverage: statistics && roundForDisplay(statistics.average),
  };
}
