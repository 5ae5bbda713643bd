import enCommon from "./en/common.json";
import enGrades from "./en/grades.json";
import enReportCards from "./en/reportCards.json";
import frCommon from "./fr/common.json";
import frGrades from "./fr/grades.json";
import frReportCards from "./fr/reportCards.json";
import type { Locale } from "./locales";

/**
 * The i18n catalogue: every user-facing text, French first. One file per locale and domain (common, grades, ...),
 * each holding its own top-level namespaces, merged here.
 */
const fr = { ...frCommon, ...frGrades, ...frReportCards };
const en: typeof fr = { ...enCommon, ...enGrades, ...enReportCards };

export type Messages = typeof fr;

export const CATALOGUE: Record<Locale, Messages> = { fr, en };
