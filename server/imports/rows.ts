import { all, type ColumnMap, type FileKind, first, list, mapColumns } from "./columns";
import { type CsvRecord, readCsv } from "./csv";
import { compactName } from "./existing";
import { hasLeft } from "./leaving";
import { fieldNames, type Message } from "./messages";

/** One person of an imported file, as read from their line, before anything is looked up in the database. */
export interface RosterRow {
  kind: FileKind;
  line: number;
  /** the XML element the person comes from (`<ELEVE ELEVE_ID="1826500">`), where a line number would mean nothing */
  element?: string;
  /** how this person is recognised from one import to the next (see `importIdentities`) */
  key: string;
  /** rows of several kinds sharing this value are one person (a OneRoster user holding two roles) */
  sameAs?: string;
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
  /** what a teacher teaches, to whom */
  teaching: Teaching[];
  function: string;
  errors: Message[];
}

/** One subject taught to one class or group (a subject code when the file gives it). */
export interface Teaching {
  subject: { name: string; code?: string };
  className: string | null;
  groupName: string | null;
  lead: boolean;
}

/** A guardian's child, named by the pupils file's identifier or by name (and class) as Base élèves does. */
export type ChildReference = { externalId: string } | { lastName: string; firstName: string; className: string };

/** A file read: its rows, how it was read (no separator for XML), and how many people it lists that the import leaves out. */
export type FileReading =
  | { ok: true; rows: RosterRow[]; encoding: string; separator: string | null; leftOut: number }
  | { ok: false; error: Message };

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

/** Reads one file of the given kind: its lines become rows, each with its own errors; pupils who left are left out. */
export function readRosterFile(kind: FileKind, bytes: Uint8Array): FileReading {
  const csv = readCsv(bytes);
  if (!csv.ok) return csv;
  const { map, missing } = mapColumns(kind, csv.headers);
  if (missing.length) return { ok: false, error: { key: "imports.errors.missingColumns", values: { columns: fieldNames(missing) } } };
  const present = csv.records.filter((record) => !hasLeft(first(map, record.cells, "leavingDate")));
  const rows = markDuplicates(present.map((record) => rowOf(kind, map, record)));
  return { ok: true, rows, encoding: csv.encoding, separator: csv.separator, leftOut: csv.records.length - present.length };
}

/** A second line (or XML element) with the same identifier is an error on it, naming the first. */
export function markDuplicates(rows: RosterRow[]): RosterRow[] {
  const seen = new Map<string, RosterRow>();
  for (const row of rows) {
    const earlier = seen.get(row.key);
    if (!earlier) seen.set(row.key, row);
    else if (earlier.element) row.errors.push(LINE_ERROR("duplicateElement", { element: earlier.element }));
    else row.errors.push(LINE_ERROR("duplicate", { line: earlier.line }));
  }
  return rows;
}

/** The errors any reader finds on a person's line: a missing name or class, a malformed e-mail, a guardian of nobody. */
export function rowErrors(row: Pick<RosterRow, "kind" | "lastName" | "firstName" | "email" | "className" | "children">): Message[] {
  const errors: Message[] = [];
  if (!row.lastName) errors.push(LINE_ERROR("missing", { field: fieldNames(["lastName"]) }));
  if (!row.firstName) errors.push(LINE_ERROR("missing", { field: fieldNames(["firstName"]) }));
  if (row.email && !EMAIL.test(row.email)) errors.push(LINE_ERROR("badEmail", { value: row.email }));
  if (row.kind === "pupils" && !row.className) errors.push(LINE_ERROR("missing", { field: fieldNames(["className"]) }));
  if (row.kind === "guardians" && row.children.length === 0) errors.push(LINE_ERROR("noChild"));
  return errors;
}

/** A teacher's subjects taught to each of their classes and groups, as the CSV files give them (every subject to every audience). */
function teachingOf(map: ColumnMap, cells: string[], errors: Message[]): Teaching[] {
  const subjects = list(map, cells, "subjects");
  const lead = new Set(list(map, cells, "leadClasses").map(compactName));
  const targets = [
    ...[...new Set([...list(map, cells, "classes"), ...list(map, cells, "leadClasses")])].map((c) => ({ className: c, groupName: null, lead: lead.has(compactName(c)) })),
    ...list(map, cells, "groups").map((g) => ({ className: null, groupName: g, lead: false })),
  ];
  if (targets.length && !subjects.length) errors.push(LINE_ERROR("noSubject"));
  return subjects.flatMap((name) => targets.map((target) => ({ subject: { name }, ...target })));
}

function rowOf(kind: FileKind, map: ColumnMap, { line, cells }: CsvRecord): RosterRow {
  const lastName = first(map, cells, "lastName");
  const firstName = first(map, cells, "firstName");
  const externalId = first(map, cells, "externalId") || first(map, cells, "schoolNumber");
  const birthDate = first(map, cells, "birthDate");
  const key = `${kind}:${externalId ? `id:${externalId}` : `name:${nameKey(lastName, firstName)}|${birthDate}`}`;

  const children: ChildReference[] = list(map, cells, "childExternalId").map((id) => ({ externalId: id }));
  const childLast = all(map, cells, "childLastName");
  const childFirst = all(map, cells, "childFirstName");
  const childClass = all(map, cells, "childClass");
  childLast.forEach((last, index) => {
    if (last && childFirst[index]) children.push({ lastName: last, firstName: childFirst[index], className: childClass[index] ?? "" });
  });

  const row: RosterRow = {
    kind,
    line,
    key,
    firstName,
    lastName,
    email: first(map, cells, "email") || null,
    phone: first(map, cells, "phone") || null,
    className: first(map, cells, "className"),
    level: first(map, cells, "level"),
    groups: map.groups ? list(map, cells, "groups") : null,
    children,
    relationship: relationshipOf(first(map, cells, "relationship")),
    receivesInformation: yesNo(first(map, cells, "receivesInformation")),
    teaching: [],
    function: first(map, cells, "function"),
    errors: [],
  };
  row.errors = rowErrors(row);
  if (kind === "teachers") row.teaching = teachingOf(map, cells, row.errors);
  return row;
}
