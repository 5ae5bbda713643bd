import { attendanceCases } from "./attendance.cases";
import { coreCases } from "./core.cases";
import { gradesCases } from "./grades.cases";
import { homeCases } from "./home.cases";
import { homeworkCases } from "./homework.cases";
import type { CaseGroup } from "./kit";
import { reportCardsCases } from "./report-cards.cases";

import { timetableCases } from "./timetable.cases";

/** Every domain's cases of the policy matrix. A new router adds its file here. */
export const CASE_GROUPS = [coreCases, gradesCases, timetableCases, reportCardsCases, homeworkCases, attendanceCases, homeCases] as CaseGroup[];
