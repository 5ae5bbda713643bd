import { all, type ColumnMap, type FileKind, first, list, mapColumns } from "./columns";
import { type CsvRecord, readCsv } from "./csv";
import type { Message } from "./messages";

/** One person of an imported file, as read from their line, before anything is looked up in the database. */
export interface RosterRow {
  kind: FileKind;
  line: number;
  /** how this person is recognised from one import to the next (see `importIdentities`) */
  key: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  className: string;
  level: string;
  /** null when the file has no groups column: the person's groups are then left as they are */
  groups: string[] | null;
  children: ChildReference[];
  relationship: "mother" | "father" | "tutor" | "other";
  receivesInformation: boolean;
  subjects: string[];
  classes: string[];
  leadClasses: string[];
  function: string;
  errors: Message[];
}

/** A guardian's child, named by the pupils file's identifier or by name (and class) as Base élèves does. */
export type ChildReference = { externalId: string } | { lastName: string; firstName: string; className: string };

export type FileReading = { ok: true; rows: RosterRow[]; encoding: string; separator: string } | { ok: false; error: Message };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LINE_ERROR = (key: string, values?: Message["values"]): Message => ({ key: `imports.lineErrors.${key}`, values });

export function nameKey(lastName: string, firstName: string): string {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return `${fold(lastName)}|${fold(firstName)}`;
}

function relationshipOf(value: string): RosterRow["relationship"] {
  const v = value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
  if (/^(mere|mother|maman)/.test(v)) return "mother";
  if (/^(pere|father|papa)/.test(v)) return "father";
  if (/^(tut|tutor|guardian)/.test(v)) return "tutor";
  return "other";
}

function yesNo(value: string): boolean {
  return !/^(non|n|no|0|false|faux)$/i.test(value.trim());
}

/** Reads one file of the given kind: its lines become rows, each with its own errors. */
export function readRosterFile(kind: FileKind, bytes: Uint8Array): FileReading {
  const csv = readCsv(bytes);
  if (!csv.ok) return csv;
  const { map, missing } = mapColumns(kind, csv.headers);
  if (missing.length) return { ok: false, error: { key: "imports.errors.missingColumns", values: { columns: missing.join(", ") } } };
  const seen = new Map<string, number>();
  const rows = csv.records.map((record) => {
    const row = rowOf(kind, map, record);
    const earlier = seen.get(row.key);
    if (earlier !== undefined) row.errors.push(LINE_ERROR("duplicate", { line: earlier }));
    else seen.set(row.key, record.line);
    return row;
  });
  return { ok: true, rows, encoding: csv.encoding, separator: csv.separator };
}

function rowOf(kind: FileKind, map: ColumnMap, { line, cells }: CsvRecord): RosterRow {
  const errors: Message[] = [];
  const lastName = first(map, cells, "lastName");
  const firstName = first(map, cells, "firstName");
  if (!lastName) errors.push(LINE_ERROR("missing", { field: "lastName" }));
  if (!firstName) errors.push(LINE_ERROR("missing", { field: "firstName" }));
  const email = first(map, cells, "email") || null;
  if (email && !EMAIL.test(email)) errors.push(LINE_ERROR("badEmail", { value: email }));
  const className = first(map, cells, "className");
  if (kind === "pupils" && !className) errors.push(LINE_ERROR("missing", { field: "className" }));

  const externalId = first(map, cells, "externalId");
  const birthDate = first(map, cells, "birthDate");
  const key = `${kind}:${externalId ? `id:${externalId}` : `name:${nameKey(lastName, firstName)}|${birthDate}`}`;

  const children: ChildReference[] = list(map, cells, "childExternalId").map((id) => ({ externalId: id }));
  const childLast = all(map, cells, "childLastName");
  const childFirst = all(map, cells, "childFirstName");
  const childClass = all(map, cells, "childClass");
  childLast.forEach((last, index) => {
    if (last && childFirst[index]) children.push({ lastName: last, firstName: childFirst[index], className: childClass[index] ?? "" });
  });
  if (kind === "guardians" && children.length === 0) errors.push(LINE_ERROR("noChild"));

  return {
    kind,
    line,
    key,
    firstName,
    lastName,
    email,
    phone: first(map, cells, "phone") || null,
    className,
    level: first(map, cells, "level"),
    groups: map.groups ? list(map, cells, "groups") : null,
    children,
    relationship: relationshipOf(first(map, cells, "relationship")),
    receivesInformation: yesNo(first(map, cells, "receivesInformation")),
    subjects: list(map, cells, "subjects"),
    classes: list(map, cells, kind === "teachers" ? "classes" : "className"),
    leadClasses: list(map, cells, "leadClasses"),
    function: first(map, cells, "function"),
    errors,
  };
}
