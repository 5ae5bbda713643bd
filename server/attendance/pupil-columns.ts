import { eq, type SQL, sql } from "drizzle-orm";
import { absences, classEnrolments, classes, people } from "@/drizzle/schema";

/** Who an absence is about, for vie scolaire's lists: the pupil's name and class (join people on the pupil). */
export const pupilColumns = {
  studentId: absences.studentId,
  firstName: people.firstName,
  lastName: people.lastName,
  className: sql<string | null>`(
    select ${classes.name} from ${classEnrolments} join ${classes} on ${classes.id} = ${classEnrolments.classId}
    where ${classEnrolments.studentId} = ${absences.studentId} and ${classes.establishmentId} = ${absences.establishmentId}
    limit 1)`,
};

export const pupilOfAbsence = eq(people.id, absences.studentId);

/** Absences of the pupils of a class. */
export function inClass(classId: string): SQL {
  return sql`${absences.studentId} in (select ${classEnrolments.studentId} from ${classEnrolments} where ${eq(classEnrolments.classId, classId)})`;
}
