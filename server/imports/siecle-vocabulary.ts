import type { RosterRow } from "./rows";

/**
 * SIECLE's codes in Préau's words: who is a legal guardian (responsable légal), their kinship with the pupil, and a
 * class's level from the pupil's MEF (module élémentaire de formation).
 */

/** A pupil–person link of the Responsables export (RESPONSABLE_ELEVE), as read. */
export interface GuardianLink {
  pupilId: string;
  personId: string;
  /** RESP_LEGAL: 1 or 2 for the two legal guardians, 0 for anyone else the family named */
  legal: string;
  /** NIVEAU_RESPONSABILITE, which newer exports give instead: 1 legal representative, 2 person in charge, 3 contact */
  level: string;
  kinship: string;
}

/** Only legal guardians get an account: a person in charge of the pupil or a contact to call is not one. */
export function isLegalGuardian(link: GuardianLink): boolean {
  return link.legal ? link.legal === "1" || link.legal === "2" : link.level === "1";
}

/** CODE_PARENTE: 10 mère, 20 père, 50 tuteur; 37 fratrie, 38 ascendant, 39 autre membre de la famille, 41 éducateur, 42 assistant familial, 51 aide sociale à l'enfance, 70 l'élève lui-même, 90 autre lien are "other". */
export function relationshipOf(kinship: string): RosterRow["relationship"] {
  return kinship === "10" ? "mother" : kinship === "20" ? "father" : kinship === "50" ? "tutor" : "other";
}

/** The level a MEF's first three digits (its dispositif de formation) name, for collège and general and technological lycée. */
const DISPOSITIFS: Record<string, string> = { "100": "6e", "101": "5e", "102": "4e", "103": "3e", "200": "2nde", "201": "1re", "202": "Tle" };

/** "" when the MEF names no level Préau knows: the class's level then comes from its name, as for CSV files. */
export const levelOfMef = (mef: string) => DISPOSITIFS[mef.slice(0, 3)] ?? "";
