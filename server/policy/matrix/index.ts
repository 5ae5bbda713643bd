import { attendanceCases } from "./attendance.cases";
import { coreCases } from "./core.cases";
import { gradesCases } from "./grades.cases";
import { homeworkCases } from "./homework.cases";
import type { CaseGroup } from "./kit";
import { timetableCases } from "./timetable.cases";

/** Every domain's cases of the policy matrix. A new router adds its file here. */
export const CASE_GROUPS = [coreCases, gradesCases, homeworkCases, attendanceCases, timetableCases] as CaseGroup[];
