import { describe, expect, it } from "vitest";
import { fieldNames } from "@/server/imports/messages";
import { serverTranslator } from "@/server/i18n/translate";
import { reportMessage } from "./report-message";

describe("an import report's message", () => {
  const missing = { key: "imports.errors.missingColumns", values: { columns: fieldNames(["lastName", "className"]) } };

  it("names the missing columns as the school writes them, in French", () => {
    const t = serverTranslator("fr");
    expect(reportMessage((key, values) => t(key as never, values as never), missing)).toBe("Colonnes obligatoires absentes : nom, classe.");
  });

  it("and in English", () => {
    const t = serverTranslator("en");
    expect(reportMessage((key, values) => t(key as never, values as never), missing)).toBe("Required columns missing: last name, class.");
  });
});
