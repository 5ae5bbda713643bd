import { createTranslator } from "next-intl";
import { CATALOGUE } from "@/app/i18n/catalogue";
import type { Locale } from "@/app/i18n/locales";

/** A translator for server code outside React (tRPC errors, e-mails). */
export function serverTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUE[locale] });
}

/** Whether a catalogue key exists, e.g. for error messages thrown as keys. */
export function hasMessage(locale: Locale, key: string): boolean {
  let node: unknown = CATALOGUE[locale];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
