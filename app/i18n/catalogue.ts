import en from "./en.json";
import fr from "./fr.json";
import type { Locale } from "./locales";

export type Messages = typeof fr;

/** The i18n catalogue: every user-facing text, French first. */
export const CATALOGUE: Record<Locale, Messages> = { fr, en };
