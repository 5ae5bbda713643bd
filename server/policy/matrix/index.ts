import { adminCases } from "./admin.cases";
import { attendanceCases } from "./attendance.cases";
import { blogCases } from "./blog.cases";
import { coreCases } from "./core.cases";
import { documentsCases } from "./documents.cases";
import { gradesCases } from "./grades.cases";
import { handInsCases } from "./hand-ins.cases";
import { homeCases } from "./home.cases";
import { homeworkCases } from "./homework.cases";
import type { CaseGroup } from "./kit";
import { messagingCases } from "./messaging.cases";
import { reportCardsCases } from "./report-cards.cases";
import { spacesCases } from "./spaces.cases";

import { timetableCases } from "./timetable.cases";
import { virtualClassesCases } from "./virtual-classes.cases";

/** Every domain's cases of the policy matrix. A new router adds its file here. */
export const CASE_GROUPS = [
  coreCases,
  gradesCases,
  timetableCases,
  reportCardsCases,
  homeworkCases,
  attendanceCases,
  homeCases,
  virtualClassesCases,
  spacesCases,
  handInsCases,
  messagingCases,
  documentsCases,
  blogCases,
  adminCases,
] as CaseGroup[];
