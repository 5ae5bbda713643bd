import type { role } from "@/drizzle/schema";

export type Role = (typeof role.enumValues)[number];

/** The profiles an announcement or a calendar event can be narrowed to: those with news and an agenda of their own. */
export const AUDIENCE_PROFILES = ["student", "guardian", "teacher"] as const satisfies readonly Role[];

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
/**
 * Who builds the weekly timetable (cours hebdomadaires, import): direction, and the administrator who runs imports.
 * Not the secrétariat: in a collège the timetable is the principal adjoint's work, the secrétariat only reads it.
 */
export const TIMETABLE_EDITOR_ROLES = ["direction", "admin"] as const satisfies readonly Role[];

/** Who changes a day's lessons (cancelled, substitute, moved) and schedules events (outings, detentions): direction, vie scolaire. */
export const DAY_CHANGE_ROLES = ["direction", "cpe"] as const satisfies readonly Role[];
