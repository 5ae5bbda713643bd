import type { Db } from "@/server/db";
import { liveReportCards } from "./cards";
import { classPeriod } from "./class-period";
import { frozenReportCards } from "./reading";
import { classStatus } from "./status";

/**
 * The conseil de classe's page: every pupil's bulletin on one page, all subjects' averages and appréciations, and the
 * general appréciation. Live while a draft or validated; once published, the frozen copies families received.
 */
export async function classCouncil(db: Db, classId: string, periodId: string) {
  const header = await classPeriod(db, classId, periodId);
  const status = await classStatus(db, classId, periodId);
  const cards =
    status.status === "published"
      ? await frozenReportCards(db, classId, periodId)
      : await liveReportCards(db, classId, periodId);
  return {
    class: { id: header.class.id, name: header.class.name },
    period: header.period,
    schoolYear: header.schoolYear,
    status,
    cards,
  };
}
