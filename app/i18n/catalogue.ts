import enAttendance from "./en/attendance.json";
import enCommon from "./en/common.json";
import enGrades from "./en/grades.json";
import enHomework from "./en/homework.json";
import frAttendance from "./fr/attendance.json";
import frCommon from "./fr/common.json";
import frGrades from "./fr/grades.json";
import frHomework from "./fr/homework.json";
import type { Locale } from "./locales";

/**
 * The i18n catalogue: every user-facing text, French first. One file per locale and domain (common, grades, ...),
 * each holding its own top-level namespaces, merged here.
 */
const fr = { ...frCommon, ...frGrades, ...frHomework, ...frAttendance };
const en: typeof fr = { ...enCommon, ...enGrades, ...enHomework, ...enAttendance };

export type Messages = typeof fr;

export const CATALOGUE: Record<Locale, Messages> = { fr, en };
