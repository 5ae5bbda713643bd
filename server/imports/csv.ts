import { parse } from "csv-parse/sync";
import { MAX_FILE_BYTES, MAX_ROWS } from "./limits";
import type { Message } from "./messages";

/**
 * Reading a roster file as schools export them: UTF-8 (with or without BOM) or Windows-1252 (what spreadsheets and
 * older school software write), `;`, `,` or tab between fields, CRLF, LF or both, a header line naming the columns.
 */

export interface CsvRecord {
  /** the line number in the file, header included, as a spreadsheet shows it */
  line: number;
  cells: string[];
}

export type CsvReading =
  | { ok: true; encoding: "utf-8" | "windows-1252"; separator: string; headers: string[]; records: CsvRecord[] }
  | { ok: false; error: Message };

const fileError = (key: string, values?: Message["values"]): CsvReading => ({ ok: false, error: { key: `imports.errors.${key}`, values } });

/** The file's text, whichever of the accepted encodings it is in; null for UTF-16, binary files and spreadsheets. */
export function decode(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } | null {
  if (bytes.includes(0)) return null;
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(withoutBom), encoding: "utf-8" };
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes);
    // C0 controls other than tab and line ends, and the C1 range Windows-1252 leaves unassigned: not a text file
    return /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u0081\u008d\u008f\u0090\u009d]/.test(text) ? null : { text, encoding: "windows-1252" };
  }
}

/** The separator the header line uses most among `;`, `,` and tab. */
export function separatorOf(headerLine: string): string {
  const counts = [";", ",", "\t"].map((s) => [s, headerLine.split(s).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * How headers are compared (as the ENT Core importer does): lower case, no accents, no spaces, `*`, apostrophes,
 * dots, dashes or underscores. "Prénom*" → "prenom", "Nom de l'élève" → "nomdeleleve".
 */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF+/, "")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[\s*'’.\-_()]/g, "");
}

export function readCsv(bytes: Uint8Array): CsvReading {
  if (bytes.length > MAX_FILE_BYTES) return fileError("tooLarge", { max: MAX_FILE_BYTES / 1024 / 1024 });
  const decoded = decode(bytes);
  if (!decoded) return fileError("badEncoding");
  // line ends normalised: a file edited on two systems mixes CRLF and LF, and the parser would follow only the first
  const text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const headerLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "");
  if (!headerLine) return fileError("empty");
  const separator = separatorOf(headerLine);

  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      to: MAX_ROWS + 2,
    }) as unknown as typeof parsed;
  } catch (error) {
    return fileError("unreadable", { line: (error as { lines?: number }).lines ?? 0 });
  }
  const [header, ...rows] = parsed;
  if (rows.length > MAX_ROWS) return fileError("tooManyRows", { max: MAX_ROWS });
  const records = rows
    .filter(({ record }) => record.some((cell) => cell !== ""))
    .map(({ record, info }) => ({ line: info.lines, cells: record }));
  if (records.length === 0) return fileError("noRows");
  return { ok: true, encoding: decoded.encoding, separator, headers: header.record, records };
}
