import { and, asc, eq } from "drizzle-orm";
import { classes, subjects, teachingAssignments, teachingGroups } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { Scope } from "@/server/policy/scope";

/** Teaching assignments (services) as every page names them: the subject, and the class or the group. */
function namedAssignments(db: Db) {
  return db
    .select({
      id: teachingAssignments.id,
      subject: subjects.name,
      classId: classes.id,
      className: classes.name,
      groupId: teachingGroups.id,
      groupName: teachingGroups.name,
      isLeadTeacher: teachingAssignments.isLeadTeacher,
    })
    .from(teachingAssignments)
    .innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
    .leftJoin(classes, eq(classes.id, teachingAssignments.classId))
    .leftJoin(teachingGroups, eq(teachingGroups.id, teachingAssignments.groupId));
}

/** What a teacher teaches in their active establishment. */
export function teacherAssignments(db: Db, scope: Scope) {
  return namedAssignments(db)
    .where(
      and(
        eq(teachingAssignments.teacherId, scope.personId),
        eq(teachingAssignments.establishmentId, scope.establishmentId),
      ),
    )
    .orderBy(asc(classes.name), asc(teachingGroups.name), asc(subjects.name));
}

export async function namedAssignment(db: Db, assignmentId: string) {
  const [assignment] = await namedAssignments(db).where(eq(teachingAssignments.id, assignmentId));
  return assignment;
}
