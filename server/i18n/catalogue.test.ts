import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "@/app/i18n/catalogue";
import { LOCALES } from "@/app/i18n/locales";
import { serverTranslator } from "./translate";

type Tree = { [key: string]: string | string[] | Tree };

/** Every entry of a catalogue as [path, value]: "login.errors.invalid", "charter.rules.0". */
function entries(tree: Tree | string[], prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`),
  );
}

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

/** The arguments a message uses, with a dummy value of the right kind (number, date or text). */
function dummyValues(elements: Element[], values: Record<string, unknown> = {}): Record<string, unknown> {
  // intl-messageformat's element types: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 rich-text tag.
  for (const element of elements) {
    if (element.value && [1, 5].includes(element.type)) values[element.value] ??= "x";
    if (element.value && [2, 6].includes(element.type)) values[element.value] = 2;
    if (element.value && [3, 4].includes(element.type)) values[element.value] = new Date("2025-09-01T08:00:00Z");
    if (element.value && element.type === 8) values[element.value] = (chunks: string[]) => chunks.join("");
    for (const option of Object.values(element.options ?? {})) dummyValues(option.value, values);
    if (element.children) dummyValues(element.children, values);
  }
  return values;
}

describe("the i18n catalogue", () => {
  const [fr, en] = LOCALES.map((locale) => entries(CATALOGUE[locale] as unknown as Tree));

  it("has exactly the same keys in French and English", () => {
    const keysOf = (catalogue: [string, string][]) => catalogue.map(([key]) => key).sort();
    expect(keysOf(en)).toEqual(keysOf(fr));
    expect(fr.length).toBeGreaterThan(100);
  });

  it("has no empty message", () => {
    for (const [key, value] of [...fr, ...en]) expect(value.trim(), key).not.toBe("");
  });

  it.each(LOCALES)("has only valid ICU messages in %s, each formatting with its arguments", (locale) => {
    const t = serverTranslator(locale);
    for (const [key, message] of entries(CATALOGUE[locale] as unknown as Tree)) {
      const format = new IntlMessageFormat(message, locale);
      const values = dummyValues(format.getAst() as Element[]);
      const text = format.format(values);
      expect(typeof text === "string" && text.length > 0, key).toBe(true);
      if (!/\.\d+$/.test(key)) expect(t(key as never, values as never), key).toBe(text);
    }
  });

  it("uses the same arguments in both languages", () => {
    const argumentsOf = (locale: "fr" | "en", message: string) =>
      Object.keys(dummyValues(new IntlMessageFormat(message, locale).getAst() as Element[])).sort();
    const english = new Map(en);
    for (const [key, message] of fr) {
      expect(argumentsOf("en", english.get(key)!), key).toEqual(argumentsOf("fr", message));
    }
  });
});
