import { FILE_KINDS, type FileKind } from "./columns";
import type { Message } from "./messages";
import { readOneRoster } from "./oneroster-read";
import { readRosterFile, type RosterRow } from "./rows";

/** The files of one import, as uploaded: any of the four CSV kinds, or one OneRoster package (a ZIP). */
export type RosterFiles = Partial<Record<FileKind, Uint8Array>> & { oneRoster?: Uint8Array };

export type Source = FileKind | "oneRoster";

/** What the readers make of the files: people's rows by kind, whichever format they came in. */
export interface RosterReading {
  fileErrors: { kind: Source; file?: string; error: Message }[];
  files: { kind: FileKind; encoding: string; separator: string; rows: number }[];
  rowsByKind: Map<FileKind, RosterRow[]>;
  /** the kinds whose people missing from the files are leavers (a OneRoster delta package has none) */
  complete: FileKind[];
}

/** Reads the CSV files one by one, or the OneRoster package; both give the same rows to the one import plan. */
export function readRoster(files: RosterFiles, uai: string): RosterReading {
  if (files.oneRoster) {
    if (FILE_KINDS.some((kind) => files[kind])) {
      return { fileErrors: [{ kind: "oneRoster", error: { key: "imports.errors.oneRosterAlone" } }], files: [], rowsByKind: new Map(), complete: [] };
    }
    return readOneRoster(files.oneRoster, uai);
  }
  const reading: RosterReading = { fileErrors: [], files: [], rowsByKind: new Map(), complete: [] };
  for (const kind of FILE_KINDS) {
    const bytes = files[kind];
    if (!bytes) continue;
    const file = readRosterFile(kind, bytes);
    if (!file.ok) reading.fileErrors.push({ kind, error: file.error });
    else {
      reading.rowsByKind.set(kind, file.rows);
      reading.complete.push(kind);
      reading.files.push({ kind, encoding: file.encoding, separator: file.separator, rows: file.rows.length });
    }
  }
  return reading;
}
