import { parse } from "csv-parse/sync";

/**
 * Reading a timetable CSV file (docs/timetable-import.md): UTF-8 with or without BOM, `;` or `,` between fields (the
 * header line tells which), a header naming the columns in any order and any case, accents optional.
 */
export const COLUMNS = ["jour", "debut", "fin", "matiere", "enseignants", "classe", "groupe", "salle", "semaine", "du", "au"] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns without which no line can be read; classe or groupe is required too, at least one of the two. */
export const REQUIRED_COLUMNS: readonly Column[] = ["jour", "debut", "fin", "matiere"];

export const MAX_LINES = 3000;

export interface CsvLine {
  /** the line number in the file, header included, as a spreadsheet shows it */
  line: number;
  values: Record<Column, string>;
}

export type CsvReading = { lines: CsvLine[] } | { fileError: { key: string; values?: Record<string, string | number> } };

/** Lower case, no accents, no spaces around: how names and headers are compared. */
export function normalised(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function readTimetableCsv(text: string): CsvReading {
  if (text.includes("\uFFFD")) return { fileError: { key: "import.errors.notUtf8" } };
  const content = text.replace(/^\uFEFF/, "");
  const headerLine = content.split(/\r?\n/).find((line) => line.trim() !== "") ?? "";
  if (headerLine === "") return { fileError: { key: "import.errors.empty" } };
  const delimiter = count(headerLine, ";") >= count(headerLine, ",") ? ";" : ",";

  let records: { record: string[]; info: { lines: number } }[];
  try {
    // with `info`, each record comes with where it ends in the file
    records = parse(content, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { fileError: { key: "import.errors.unreadable", values: { line } } };
  }
  const [header, ...rows] = records;
  const known = new Map(COLUMNS.map((column) => [column, -1]));
  header.record.forEach((name, index) => {
    const column = normalised(name) as Column;
    if (known.get(column) === -1) known.set(column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => known.get(column) === -1);
  if (known.get("classe") === -1 && known.get("groupe") === -1) missing.push("classe");
  if (missing.length) return { fileError: { key: "import.errors.missingColumns", values: { columns: missing.join(", ") } } };
  if (rows.length === 0) return { fileError: { key: "import.errors.empty" } };
  if (rows.length > MAX_LINES) return { fileError: { key: "import.errors.tooManyLines", values: { max: MAX_LINES } } };

  return {
    lines: rows
      .filter(({ record }) => record.some((value) => value !== ""))
      .map(({ record, info }) => ({
        line: info.lines,
        values: Object.fromEntries(COLUMNS.map((column) => [column, record[known.get(column)!] ?? ""])) as Record<Column, string>,
      })),
  };
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
