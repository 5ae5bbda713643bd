import type { FileKind } from "./columns";
import { hasLeft } from "./leaving";
import { MAX_ROWS } from "./limits";
import type { Message } from "./messages";
import { type FileReading, markDuplicates, rowErrors, type RosterRow } from "./rows";
import { type GuardianLink, isLegalGuardian, levelOfMef, relationshipOf } from "./siecle-vocabulary";
import { readXml } from "./xml";

/**
 * Reading SIECLE's XML exports ("Exportations > En XML") into the same rows as the roster CSV files: the pupils of
 * ElevesSansAdresses.xml or ElevesAvecAdresses.xml (root BEE_ELEVES) with their division as class and their groups,
 * and the legal guardians of ResponsablesAvecAdresses.xml (root BEE_RESPONSABLES) linked to their children. People are
 * recognised by SIECLE's own identifiers, ELEVE_ID and PERSONNE_ID, which the Responsables export links by. Pupils
 * who left (DATE_SORTIE) and people who are not a pupil's legal guardian are left out.
 */

type Node = Record<string, unknown>;

/** The root each slot of the import page takes, and the elements that may repeat in it. */
const EXPORTS: Partial<Record<FileKind, { root: string; arrays: string[] }>> = {
  pupils: { root: "BEE_ELEVES", arrays: ["ELEVE", "STRUCTURES_ELEVE", "STRUCTURE"] },
  guardians: { root: "BEE_RESPONSABLES", arrays: ["PERSONNE", "RESPONSABLE_ELEVE"] },
};
/** What the import does not read, kept unparsed: addresses, last year's school, options, grants. */
const SKIPPED = ["ADRESSES", "ADRESSE", "SCOLARITE_AN_DERNIER", "OPTIONS", "BOURSES"];

const fileError = (key: string, values?: Message["values"]): FileReading => ({ ok: false, error: { key: `imports.errors.${key}`, values } });
const LINE_ERROR = (key: string, values?: Message["values"]): Message => ({ key: `imports.lineErrors.${key}`, values });

const text = (node: unknown, name: string): string => {
  const value = (node as Node | undefined)?.[name];
  return typeof value === "string" ? value.trim() : "";
};
const child = (node: unknown, name: string): Node | undefined => {
  const value = (node as Node | undefined)?.[name];
  return typeof value === "object" && value !== null ? (value as Node) : undefined;
};
const children = (node: unknown, ...path: string[]): Node[] => {
  const last = path.pop()!;
  const parent = path.reduce<Node | undefined>((at, name) => child(at, name), node as Node);
  const value = parent?.[last];
  return Array.isArray(value) ? value.filter((item): item is Node => typeof item === "object" && item !== null) : [];
};

/** Reads the XML files of the pupils' and guardians' slots together: guardians of pupils who left are not linked to them. */
export function readSiecle(files: Partial<Record<FileKind, Uint8Array>>, uai: string): Partial<Record<FileKind, FileReading>> {
  const readings: Partial<Record<FileKind, FileReading>> = {};
  const documents = new Map<FileKind, { data: Node; encoding: string }>();
  for (const [kind, bytes] of Object.entries(files) as [FileKind, Uint8Array][]) {
    const expected = EXPORTS[kind];
    const xml = readXml(bytes, expected?.arrays ?? [], SKIPPED);
    if (!xml.ok) readings[kind] = xml;
    else if (xml.root !== expected?.root) readings[kind] = fileError("xmlRoot", { root: xml.root, kind });
    else {
      const school = text(child(xml.document, "PARAMETRES"), "UAJ");
      if (school && school.toUpperCase() !== uai.toUpperCase()) readings[kind] = fileError("siecleOtherSchool", { school, uai });
      else documents.set(kind, { data: child(xml.document, "DONNEES") ?? {}, encoding: xml.encoding });
    }
  }
  const pupils = documents.get("pupils");
  const left = new Set<string>();
  if (pupils) readings.pupils = pupilsOf(pupils.data, pupils.encoding, left);
  const guardians = documents.get("guardians");
  if (guardians) readings.guardians = guardiansOf(guardians.data, guardians.encoding, left);
  return readings;
}

/** The element a row comes from, as the report names it: `<ELEVE ELEVE_ID="1826500">`. */
const elementOf = (name: string, idName: string, id: string, index: number) => (id ? `<${name} ${idName}="${id}">` : `<${name}> #${index + 1}`);

function pupilsOf(data: Node, encoding: string, left: Set<string>): FileReading {
  const eleves = children(data, "ELEVES", "ELEVE");
  if (eleves.length > MAX_ROWS) return fileError("tooManyPeople", { max: MAX_ROWS });
  const structures = new Map(children(data, "STRUCTURES", "STRUCTURES_ELEVE").map((s) => [text(s, "@ELEVE_ID"), children(s, "STRUCTURE")]));
  const rows: RosterRow[] = [];
  eleves.forEach((eleve, index) => {
    const id = text(eleve, "@ELEVE_ID");
    if (hasLeft(text(eleve, "DATE_SORTIE"))) {
      left.add(id);
      return;
    }
    const own = structures.get(id) ?? [];
    const codes = (type: string) => own.filter((s) => text(s, "TYPE_STRUCTURE") === type).map((s) => text(s, "CODE_STRUCTURE")).filter(Boolean);
    const row: RosterRow = {
      kind: "pupils",
      line: index + 1,
      element: elementOf("ELEVE", "ELEVE_ID", id, index),
      key: id ? `pupils:id:${id}` : `pupils:element:${index + 1}`,
      firstName: text(eleve, "PRENOM"),
      lastName: text(eleve, "NOM_DE_FAMILLE") || text(eleve, "NOM"),
      email: text(eleve, "MEL") || text(eleve, "COURRIEL") || null,
      phone: text(eleve, "TEL_PORTABLE") || text(eleve, "TEL_PERSONNEL") || null,
      className: codes("D")[0] ?? "",
      level: levelOfMef(text(eleve, "CODE_MEF")),
      groups: codes("G"),
      children: [],
      relationship: "other",
      receivesInformation: true,
      teaching: [],
      function: "",
      errors: [],
    };
    row.errors = [...(id ? [] : [LINE_ERROR("missing", { field: "ELEVE_ID" })]), ...rowErrors(row)];
    rows.push(row);
  });
  return { ok: true, rows: markDuplicates(rows), encoding, separator: null, leftOut: eleves.length - rows.length };
}

function guardiansOf(data: Node, encoding: string, left: Set<string>): FileReading {
  const persons = children(data, "PERSONNES", "PERSONNE");
  if (persons.length > MAX_ROWS) return fileError("tooManyPeople", { max: MAX_ROWS });
  const legalLinks = new Map<string, GuardianLink[]>();
  for (const node of children(data, "RESPONSABLES", "RESPONSABLE_ELEVE")) {
    const link: GuardianLink = {
      pupilId: text(node, "ELEVE_ID"),
      personId: text(node, "PERSONNE_ID"),
      legal: text(node, "RESP_LEGAL"),
      level: text(node, "NIVEAU_RESPONSABILITE"),
      kinship: text(node, "CODE_PARENTE"),
    };
    if (!isLegalGuardian(link) || left.has(link.pupilId)) continue;
    legalLinks.set(link.personId, [...(legalLinks.get(link.personId) ?? []), link]);
  }
  const rows: RosterRow[] = [];
  persons.forEach((person, index) => {
    const id = text(person, "@PERSONNE_ID");
    const links = legalLinks.get(id);
    if (!id || !links) return;
    const row: RosterRow = {
      kind: "guardians",
      line: index + 1,
      element: elementOf("PERSONNE", "PERSONNE_ID", id, index),
      key: `guardians:id:${id}`,
      firstName: text(person, "PRENOM"),
      lastName: text(person, "NOM_DE_FAMILLE") || text(person, "NOM"),
      email: text(person, "COURRIEL") || text(person, "MEL") || null,
      phone: text(person, "TEL_PORTABLE") || text(person, "TEL_PERSONNEL") || text(person, "TEL_PROFESSIONNEL") || null,
      className: "",
      level: "",
      groups: null,
      children: [...new Set(links.map((link) => link.pupilId))].map((externalId) => ({ externalId })),
      // one kinship per guardian: the first child's (a mother of one pupil is the mother of her other children)
      relationship: relationshipOf(links[0].kinship),
      // both legal guardians are entitled to their child's school information
      receivesInformation: true,
      teaching: [],
      function: "",
      errors: [],
    };
    row.errors = rowErrors(row);
    rows.push(row);
  });
  return { ok: true, rows: markDuplicates(rows), encoding, separator: null, leftOut: persons.length - rows.length };
}
