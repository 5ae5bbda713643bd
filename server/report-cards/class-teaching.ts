import { eq, inArray, or } from "drizzle-orm";
import { groupMemberships, people, subjects, teachingAssignments } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { personName } from "./names";

/**
 * Who teaches what to each pupil of a class: the class's teaching assignments, and those of the groups (LV2,
 * Latin...) each pupil attends. A bulletin lists a pupil's subjects from these, with their teachers; the class's
 * professeur principal is the teacher of its assignment marked isLeadTeacher.
 */
export async function classTeaching(db: Db, classId: string, studentIds: readonly string[]) {
  const memberships = studentIds.length
    ? await db
        .select({ groupId: groupMemberships.groupId, studentId: groupMemberships.studentId })
        .from(groupMemberships)
        .where(inArray(groupMemberships.studentId, [...studentIds]))
    : [];
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  const assignments = await db
    .select({
      id: teachingAssignments.id,
      subjectId: teachingAssignments.subjectId,
      subject: subjects.name,
      classId: teachingAssignments.classId,
      groupId: teachingAssignments.groupId,
      isLeadTeacher: teachingAssignments.isLeadTeacher,
      coefficient: teachingAssignments.coefficient,
      firstName: people.firstName,
      lastName: people.lastName,
    })
    .from(teachingAssignments)
    .innerJoin(subjects, eq(subjects.id, teachingAssignments.subjectId))
    .innerJoin(people, eq(people.id, teachingAssignments.teacherId))
    .where(
      or(
        eq(teachingAssignments.classId, classId),
        ...(groupIds.length ? [inArray(teachingAssignments.groupId, groupIds)] : []),
      ),
    );
  const groupsOf = new Map<string, Set<string>>();
  for (const { studentId, groupId } of memberships) {
    groupsOf.set(studentId, (groupsOf.get(studentId) ?? new Set()).add(groupId));
  }
  const lead = assignments.find((a) => a.classId === classId && a.isLeadTeacher);
  return {
    leadTeacher: lead ? personName(lead) : null,
    /** The assignments that reach one pupil: their class's, and their groups'. */
    assignmentsOf(studentId: string) {
      const groups = groupsOf.get(studentId);
      return assignments
        .filter((a) => a.classId === classId || (a.groupId !== null && groups?.has(a.groupId)))
        .map((a) => ({ ...a, teacher: personName(a) }));
    },
  };
}
