import { FILE_KINDS, type FileKind } from "./columns";
import { formatOf } from "./file-format";
import type { Message } from "./messages";
import { readOneRoster } from "./oneroster-read";
import { type FileReading, readRosterFile, type RosterRow } from "./rows";
import { readSiecle } from "./siecle-read";

/** The files of one import, as uploaded: any of the four kinds (CSV, or SIECLE XML for pupils and guardians), or one OneRoster package (a ZIP). */
export type RosterFiles = Partial<Record<FileKind, Uint8Array>> & { oneRoster?: Uint8Array };

export type Source = FileKind | "oneRoster";

/** What the readers make of the files: people's rows by kind, whichever format they came in. */
export interface RosterReading {
  fileErrors: { kind: Source; file?: string; error: Message }[];
  /** how each file was read: its encoding, its separator (none for XML), its rows and the people it leaves out */
  files: { kind: FileKind; encoding: string; separator: string | null; rows: number; leftOut: number }[];
  rowsByKind: Map<FileKind, RosterRow[]>;
  /** the kinds whose people missing from the files are leavers (a OneRoster delta package has none) */
  complete: FileKind[];
}

/**
 * Reads the files of each kind, as CSV or SIECLE XML whichever their content is, or the OneRoster package; all give
 * the same rows to the one import plan. A spreadsheet workbook is refused with a message saying how to export it.
 */
export async function readRoster(files: RosterFiles, uai: string): Promise<RosterReading> {
  if (files.oneRoster) {
    if (FILE_KINDS.some((kind) => files[kind])) {
      return { fileErrors: [{ kind: "oneRoster", error: { key: "imports.errors.oneRosterAlone" } }], files: [], rowsByKind: new Map(), complete: [] };
    }
    return readOneRoster(files.oneRoster, uai);
  }
  const uploaded = FILE_KINDS.flatMap((kind) => (files[kind] ? [[kind, files[kind]] as const] : []));
  const formats = new Map(await Promise.all(uploaded.map(async ([kind, bytes]) => [kind, await formatOf(bytes)] as const)));
  const xml = readSiecle(Object.fromEntries(uploaded.filter(([kind]) => formats.get(kind) === "xml")), uai);
  const reading: RosterReading = { fileErrors: [], files: [], rowsByKind: new Map(), complete: [] };
  for (const [kind, bytes] of uploaded) {
    const file: FileReading =
      formats.get(kind) === "spreadsheet" ? { ok: false, error: { key: "imports.errors.spreadsheet" } } : xml[kind] ?? readRosterFile(kind, bytes);
    if (!file.ok) reading.fileErrors.push({ kind, error: file.error });
    else {
      reading.rowsByKind.set(kind, file.rows);
      reading.complete.push(kind);
      reading.files.push({ kind, encoding: file.encoding, separator: file.separator, rows: file.rows.length, leftOut: file.leftOut });
    }
  }
  return reading;
}
