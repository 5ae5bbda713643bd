import enAttendance from "./en/attendance.json";
import enCommon from "./en/common.json";
import enGrades from "./en/grades.json";
import enHomework from "./en/homework.json";
import enTimetable from "./en/timetable.json";
import frAttendance from "./fr/attendance.json";
import frCommon from "./fr/common.json";
import frGrades from "./fr/grades.json";
import frHomework from "./fr/homework.json";
import frTimetable from "./fr/timetable.json";
import type { Locale } from "./locales";

/**
 * The i18n catalogue: every user-facing text, French first. One file per locale and domain (common, grades, ...),
 * each holding its own top-level namespaces, merged here.
 */
const fr = { ...frCommon, ...frGrades, ...frHomework, ...frAttendance, ...frTimetable };
const en: typeof fr = { ...enCommon, ...enGrades, ...enHomework, ...enAttendance, ...enTimetable };

export type Messages = typeof fr;

export const CATALOGUE: Record<Locale, Messages> = { fr, en };
