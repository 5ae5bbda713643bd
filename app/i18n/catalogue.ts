import enAttendance from "./en/attendance.json";
import enBlog from "./en/blog.json";
import enCommon from "./en/common.json";
import enDocuments from "./en/documents.json";
import enFiles from "./en/files.json";
import enGrades from "./en/grades.json";
import enHomework from "./en/homework.json";
import frAttendance from "./fr/attendance.json";
import frBlog from "./fr/blog.json";
import frCommon from "./fr/common.json";
import frDocuments from "./fr/documents.json";
import frFiles from "./fr/files.json";
import frGrades from "./fr/grades.json";
import frHomework from "./fr/homework.json";
import enMessaging from "./en/messaging.json";
import frMessaging from "./fr/messaging.json";
import enReportCards from "./en/reportCards.json";
import frReportCards from "./fr/reportCards.json";
import enTimetable from "./en/timetable.json";
import frTimetable from "./fr/timetable.json";
import enVirtualClasses from "./en/virtualClasses.json";
import frVirtualClasses from "./fr/virtualClasses.json";
import enSpaces from "./en/spaces.json";
import frSpaces from "./fr/spaces.json";
import enHandIns from "./en/handIns.json";
import frHandIns from "./fr/handIns.json";
import enAdmin from "./en/admin.json";
import frAdmin from "./fr/admin.json";
import type { Locale } from "./locales";

/**
 * The i18n catalogue: every user-facing text, French first. One file per locale and domain (common, grades, ...),
 * each holding its own top-level namespaces, merged here.
 */
const fr = {
  ...frCommon,
  ...frGrades,
  ...frTimetable,
  ...frReportCards,
  ...frHomework,
  ...frAttendance,
  ...frFiles,
  ...frVirtualClasses,
  ...frSpaces,
  ...frHandIns,
  ...frMessaging,
  ...frDocuments,
  ...frBlog,
  ...frAdmin,
};
const en: typeof fr = {
  ...enCommon,
  ...enGrades,
  ...enTimetable,
  ...enReportCards,
  ...enHomework,
  ...enAttendance,
  ...enFiles,
  ...enVirtualClasses,
  ...enSpaces,
  ...enHandIns,
  ...enMessaging,
  ...enDocuments,
  ...enBlog,
  ...enAdmin,
};

export type Messages = typeof fr;

export const CATALOGUE: Record<Locale, Messages> = { fr, en };
