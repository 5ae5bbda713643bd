import { headerKey } from "./csv";

/** The four files of a roster import: pupils, their guardians, teachers, and the other staff. */
export const FILE_KINDS = ["pupils", "guardians", "teachers", "staff"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export type Field =
  | "externalId"
  | "schoolNumber"
  | "lastName"
  | "firstName"
  | "birthDate"
  | "leavingDate"
  | "email"
  | "phone"
  | "className"
  | "level"
  | "groups"
  | "childExternalId"
  | "childLastName"
  | "childFirstName"
  | "childClass"
  | "relationship"
  | "receivesInformation"
  | "subjects"
  | "classes"
  | "leadClasses"
  | "function";

/**
 * Header names each field is recognised by, once normalised by `headerKey` (French first, as the ENT templates, Base
 * élèves and SIECLE extractions name them; then English). Unknown columns are ignored. SIECLE's spreadsheet export
 * ("Exportations > Export personnalisé", saved as CSV) names its columns `Id National`, `Nom de famille`, `Prénom`,
 * `Date Naissance`, `Code Structure`, `Date Sortie`, `Tél. Portable`...
 */
const COMMON: Partial<Record<Field, string[]>> = {
  externalId: ["externalid", "id", "idexterne", "identifiant", "identifiantexterne", "ine", "idnational", "sourcedid"],
  lastName: ["nom", "nomdefamille", "lastname", "familyname"],
  firstName: ["prenom", "prenom1", "firstname", "givenname"],
  birthDate: ["datedenaissance", "datenaissance", "datenaiss", "neele", "birthdate"],
  email: ["email", "courriel", "mail", "adressemail"],
  phone: ["telephoneportable", "telportable", "portable", "mobile", "telephone", "telpersonnel", "telephonedomicile", "phone"],
};

const BY_KIND: Record<FileKind, Partial<Record<Field, string[]>>> = {
  pupils: {
    /** the pupil's number in the establishment (SIECLE), their identifier when the file gives no INE */
    schoolNumber: ["numeleveetab", "numeroeleveetab", "elevenoetab", "numeroeleve"],
    lastName: ["nomeleve"],
    firstName: ["prenomeleve"],
    className: ["classe", "class", "division", "libelleclasse", "classes", "classeouregroupement", "codestructure", "libstructure", "codedivision"],
    /** SIECLE keeps pupils who left during the year, with the date they left */
    leavingDate: ["datesortie", "datedesortie"],
    level: ["niveau", "level", "grade"],
    groups: ["groupes", "groupe", "regroupement", "regroupements", "groups"],
  },
  guardians: {
    lastName: ["nomresponsable", "nomdefamilleresponsable"],
    firstName: ["prenomresponsable"],
    childExternalId: ["childexternalid", "idenfant", "childid", "externalideleve", "ideleve", "ineeleve"],
    childLastName: ["nomenfant", "nomdefamilleenfant", "nomdefamilleeleve", "nomdeleleve", "nomeleve"],
    childFirstName: ["prenomenfant", "prenomeleve", "prenomdeleleve"],
    childClass: ["classeenfant", "classesenfants", "classeseleves", "classesdeleleve", "classeeleve"],
    relationship: ["lien", "liendeparente", "lienparente", "relation", "relationship", "qualite"],
    receivesInformation: ["recoitlesinformations", "recoitinformations", "destinataire", "destinatairecourrier", "receivesinformation"],
  },
  teachers: {
    subjects: ["matiere", "matieres", "matiereenseignee", "discipline", "fonction", "subject", "subjects"],
    classes: ["classe", "classes", "class"],
    groups: ["groupes", "groupe", "regroupement", "regroupements", "groups"],
    leadClasses: ["professeurprincipal", "profprincipal", "leadteacher"],
  },
  staff: {
    function: ["fonction", "role", "function", "poste"],
  },
};

const REQUIRED: Record<FileKind, Field[][]> = {
  pupils: [["lastName"], ["firstName"], ["className"]],
  guardians: [["lastName"], ["firstName"], ["childExternalId", "childLastName"]],
  teachers: [["lastName"], ["firstName"]],
  staff: [["lastName"], ["firstName"]],
};

/** Which column holds which field; fields that may repeat (a teacher's classes, a guardian's children) keep every one. */
export type ColumnMap = Partial<Record<Field, number[]>>;

export function mapColumns(kind: FileKind, headers: string[]): { map: ColumnMap; missing: Field[] } {
  const names = new Map<string, Field>();
  for (const source of [COMMON, BY_KIND[kind]]) {
    for (const [field, keys] of Object.entries(source) as [Field, string[]][]) for (const key of keys) names.set(key, field);
  }
  const map: ColumnMap = {};
  headers.forEach((header, index) => {
    const field = names.get(headerKey(header));
    if (field) (map[field] ??= []).push(index);
  });
  const missing = REQUIRED[kind].filter((alternatives) => !alternatives.some((f) => map[f])).map((alternatives) => alternatives[0]);
  return { map, missing };
}

/** The first non-empty value of a field on a line. */
export function first(map: ColumnMap, cells: string[], field: Field): string {
  for (const index of map[field] ?? []) if (cells[index]?.trim()) return cells[index].trim();
  return "";
}

/** Every value of a repeated field on a line, in column order, empty ones kept (children are matched by position). */
export function all(map: ColumnMap, cells: string[], field: Field): string[] {
  return (map[field] ?? []).map((index) => cells[index]?.trim() ?? "");
}

/** Every value of a field, a cell possibly listing several ("4eA, 4eB" or "ANGLAIS|LATIN"). */
export function list(map: ColumnMap, cells: string[], field: Field): string[] {
  return all(map, cells, field)
    .flatMap((cell) => cell.split(/[,|]/))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}
