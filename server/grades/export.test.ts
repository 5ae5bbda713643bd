import { describe, expect, it } from "vitest";
import { toSpreadsheetCsv } from "./export";

describe("toSpreadsheetCsv", () => {
  it("writes what French spreadsheets open: a BOM, semicolons, CRLF, quotes where needed", () => {
    const csv = toSpreadsheetCsv([
      ["Nom", "Prénom", "Dictée; n°1"],
      ["Bernard", "Émma", "14,5"],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1)).toBe('Nom;Prénom;"Dictée; n°1"\r\nBernard;Émma;14,5\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const csv = toSpreadsheetCsv([["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "ok"]]);
    const cells = csv.slice(1).trimEnd().split(";");
    expect(cells.slice(0, 5).every((cell) => cell.replace(/^"/, "").startsWith("'"))).toBe(true);
    expect(cells[5]).toBe("ok");
  });
});
