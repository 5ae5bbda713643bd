import type { role } from "@/drizzle/schema";

export type Role = (typeof role.enumValues)[number];

/** The staff roles (personnels de l'établissement). */
export const STAFF_ROLES = ["direction", "cpe", "secretariat", "agent"] as const satisfies readonly Role[];

/** Staff whose work needs pupils' school records: direction, vie scolaire, secrétariat (not the agents). */
export const SCHOOL_RECORD_ROLES = ["direction", "cpe", "secretariat", "admin"] as const satisfies readonly Role[];

/** Who may see every class and teaching group of the establishment in the directory. */
export const WHOLE_SCHOOL_ROLES = ["direction", "cpe", "secretariat", "admin", "teacher"] as const satisfies readonly Role[];

/** Staff who follow pupils' results (conseils de classe, bulletins): not agents, not the technical administrator. */
export const GRADE_READER_ROLES = ["direction", "cpe", "secretariat"] as const satisfies readonly Role[];

/** Staff who read any class's cahier de textes (inspection, continuity when a teacher is away): not the others. */
export const LOGBOOK_READER_ROLES = ["direction", "cpe"] as const satisfies readonly Role[];
/** Vie scolaire: who follows every pupil's attendance, records absences and decides on justifications. */
export const ATTENDANCE_ROLES = ["cpe", "direction"] as const satisfies readonly Role[];
