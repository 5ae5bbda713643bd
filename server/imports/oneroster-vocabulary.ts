import type { Role } from "@/server/policy/roles";
import type { FileKind } from "./columns";

/**
 * Préau's roles and levels in OneRoster 1.2's words, both ways: the exporter writes them, the importer reads them
 * back (and reads what other systems write, OneRoster 1.1's roles included).
 */

/** The OneRoster role of each Préau role (direction: principal; vie scolaire: counselor; secrétariat: administrator; the ADML: site administrator). */
export const ONEROSTER_ROLE: Record<Role, string> = {
  student: "student",
  guardian: "guardian",
  teacher: "teacher",
  direction: "principal",
  cpe: "counselor",
  secretariat: "administrator",
  agent: "aide",
  admin: "siteAdministrator",
};

/**
 * Which kind of import line a OneRoster role makes, and a staff member's function (as the staff CSV's "fonction"
 * column would name it). Site, district and system administrators are left out: admin rights are given in Préau.
 */
export const ROLE_LINE: Record<string, { kind: FileKind; function?: string }> = {
  student: { kind: "pupils" },
  guardian: { kind: "guardians" },
  parent: { kind: "guardians" },
  relative: { kind: "guardians" },
  teacher: { kind: "teachers" },
  principal: { kind: "staff", function: "direction" },
  districtadministrator: { kind: "staff", function: "direction" },
  counselor: { kind: "staff", function: "cpe" },
  administrator: { kind: "staff", function: "secretariat" },
  aide: { kind: "staff", function: "agent" },
  proctor: { kind: "staff", function: "agent" },
};

/** French levels as the CEDS grade codes OneRoster uses. */
const GRADES: Record<string, string> = {
  ps: "PK", ms: "PK", gs: "KG", cp: "01", ce1: "02", ce2: "03", cm1: "04", cm2: "05",
  "6e": "06", "5e": "07", "4e": "08", "3e": "09", "2nde": "10", "1re": "11", tle: "12",
};
const LEVELS: Record<string, string> = {
  PK: "MS", KG: "GS", "01": "CP", "02": "CE1", "03": "CE2", "04": "CM1", "05": "CM2",
  "06": "6e", "07": "5e", "08": "4e", "09": "3e", "10": "2nde", "11": "1re", "12": "Tle",
};

export const gradeOf = (level: string) => GRADES[level.toLowerCase()] ?? "";
/** The French level of a class's first OneRoster grade, "" when it names none Préau knows. */
export const levelOfGrades = (grades: string) => LEVELS[grades.split(",")[0].trim().toUpperCase()] ?? "";
