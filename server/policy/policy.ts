import { and, eq } from "drizzle-orm";
import { profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { editsHomework, homeworkForPupil, teachesOccurrence } from "./homework-lookups";
import {
  absenceTarget,
  childInClass,
  classInEstablishment,
  groupInEstablishment,
  justificationTarget,
  lessonInEstablishment,
  ownAssignment,
  ownEvaluation,
  roomInEstablishment,
  schoolEventInEstablishment,
  schoolYearInEstablishment,
  studentOfEstablishment,
  teacherOfEstablishment,
  teachesGroupOfClass,
  teachesLesson,
} from "./lookups";
import {
  ATTENDANCE_ROLES,
  DAY_CHANGE_ROLES,
  GRADE_READER_ROLES,
  LOGBOOK_READER_ROLES,
  SCHOOL_RECORD_ROLES,
  TIMETABLE_EDITOR_ROLES,
  WHOLE_SCHOOL_ROLES,
} from "./roles";
import type { Rule } from "./rule";
import { type HandInsPermission, handInsRules } from "./rules/hand-ins";
import { type SpaceContentPermission, spaceContentRules } from "./rules/space-content";
import { type DocumentsPermission, documentsRules } from "./rules/documents";
import { type SpacesPermission, spacesRules } from "./rules/spaces";
import { type VirtualClassesPermission, virtualClassesRules } from "./rules/virtual-classes";
import { type MessagingPermission, messagingRules } from "./rules/messaging";
import { type AdminPermission, adminRules } from "./rules/admin";
import { hasRole, type Scope, studentAttendsAny } from "./scope";

/**
 * The one access policy: "may this person, acting in this establishment, do this to that object?".
 * Every router and the collaboration server ask it; no page or router re-implements a rule.
 * Later services add their permissions here, and to the policy matrix test.
 */
export type Permission =
  /** see that a class exists, its name and level */
  | "class.read"
  /** see the list of a class's pupils and teachers */
  | "class.roster"
  /** see a pupil's card: identity, class, groups, guardians and how to reach them */
  | "student.card"
  /** see a pupil's published marks and averages (relevé de notes) */
  | "student.grades"
  /** give evaluations through a teaching assignment (the teacher's own) */
  | "assignment.grade"
  /** edit, mark and publish an evaluation (the teacher who gave it) */
  | "evaluation.grade"
  /** write the cahier de textes of a lesson occurrence and give homework in it ("lessonId/plannedOn") */
  | "lesson.log"
  /** change or delete a homework (its author, or a teacher of its lesson) */
  | "homework.edit"
  /** tick a homework done or not done (a pupil it was given to, for themself) */
  | "homework.tick"
  /** see a pupil's homework and the cahier de textes of their lessons */
  | "student.homework"
  /** read a class's cahier de textes: what was done and given in every lesson (inspection, continuity) */
  | "class.logbook"
  /** take the roll (faire l'appel) of a lesson occurrence, named by its occurrence key */
  | "lesson.rollCall"
  /** see a pupil's absences and lates, and their counts */
  | "student.attendance"
  /** record a pupil's absence over a period or a late at the gate (vie scolaire) */
  | "attendance.manage"
  /** justify an absence or a late (motif, comment, document): the pupil's guardians */
  | "absence.justify"
  /** accept or refuse a justification, or set the reason of an absence (vie scolaire) */
  | "absence.decide"
  /** download the document sent with a justification */
  | "justification.document"
  /** write the pupils' appréciations in a subject for their bulletins, through a teaching assignment (the teacher's own) */
  | "assignment.appreciate"
  /** read a class's bulletins, drafts included: its conseil de classe page and its PDF for printing */
  | "class.reportCards"
  /** write the general appréciation of a class's pupils (its professeur principal) */
  | "class.generalAppreciation"
  /** validate, reopen and publish a class's bulletins (direction) */
  | "class.reportCards.publish"
  /** read a pupil's published bulletins */
  | "student.reportCards"
  /** see a pupil's week: the lessons of their class and groups, and the events that concern them (detentions too) */
  | "timetable.student"
  /** see a class's week (its lessons, and the events of the whole class) */
  | "timetable.class"
  /** see a teaching group's week */
  | "timetable.group"
  /** see a teacher's week, substitutions included */
  | "timetable.teacher"
  /** see what takes place in a room */
  | "timetable.room"
  /** build the weekly timetable of a class or a group (target: the class's or the group's id) */
  | "timetable.plan"
  /** change or delete a weekly lesson of the timetable */
  | "timetable.edit"
  /** see and set the weeks A and B of a school year (target: the school year's id) */
  | "schoolYear.weeks"
  /** change one occurrence of a lesson: cancel it, give it to a substitute, move it */
  | "lesson.change"
  /** mark one occurrence of a lesson remote or exam, or add a note (its own teacher may) */
  | "lesson.annotate"
  /** delete a non-lesson event (outing, detention, meeting...) */
  | "schoolEvent.edit"
  /** schedule an event for this class, group or person */
  | "schoolEvent.audience"
  | SpacesPermission
  | VirtualClassesPermission
  | SpaceContentPermission
  | HandInsPermission
  | MessagingPermission
  | DocumentsPermission
  | AdminPermission;


/** A teacher may see the school records of the pupils they teach, in any subject (équipe pédagogique). */
const teachesStudent = (db: Db, scope: Scope, studentId: string) =>
  hasRole(scope, "teacher") && studentAttendsAny(db, studentId, scope.taughtClassIds, scope.taughtGroupIds);

/** Vie scolaire of the establishment the absence belongs to. */
const managesAbsence = async (db: Db, scope: Scope, absenceId: string) =>
  hasRole(scope, ...ATTENDANCE_ROLES) && (await absenceTarget(db, absenceId))?.establishmentId === scope.establishmentId;

const rules: Record<Permission, Rule> = {
  ...spacesRules,
  ...virtualClassesRules,
  ...spaceContentRules,
  ...handInsRules,
  ...messagingRules,
  ...documentsRules,
  ...adminRules,
  "class.read": async (db, scope, classId) =>
    scope.classIds.has(classId) ||
    scope.taughtClassIds.has(classId) ||
    (hasRole(scope, ...WHOLE_SCHOOL_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))) ||
    (await childInClass(db, scope, classId)),

  "class.roster": async (db, scope, classId) =>
    scope.classIds.has(classId) ||
    scope.taughtClassIds.has(classId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))),

  "student.card": async (db, scope, studentId) =>
    studentId === scope.personId ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "student.grades": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...GRADE_READER_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "assignment.grade": async (db, scope, assignmentId) =>
    hasRole(scope, "teacher") && (await ownAssignment(db, scope, assignmentId)),

  "evaluation.grade": async (db, scope, evaluationId) =>
    hasRole(scope, "teacher") && (await ownEvaluation(db, scope, evaluationId)),

  "lesson.log": async (db, scope, occurrenceKey) =>
    hasRole(scope, "teacher") && (await teachesOccurrence(db, scope, occurrenceKey)),

  "homework.edit": async (db, scope, homeworkId) => hasRole(scope, "teacher") && (await editsHomework(db, scope, homeworkId)),

  "homework.tick": async (db, scope, homeworkId) => hasRole(scope, "student") && (await homeworkForPupil(db, scope, homeworkId)),

  "student.homework": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...LOGBOOK_READER_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "class.logbook": async (db, scope, classId) =>
    (hasRole(scope, "teacher") && scope.taughtClassIds.has(classId)) ||
    (hasRole(scope, ...LOGBOOK_READER_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))),
  // The lesson's teachers, or the colleague who replaces them that day.
  "lesson.rollCall": async (db, scope, occurrenceKey) =>
    hasRole(scope, "teacher") && (await teachesOccurrence(db, scope, occurrenceKey)),

  // Not every teacher of the pupil: each sees their own lessons' roll calls; the professeur principal follows the
  // class's attendance (conseil de classe, bulletins). The secrétariat has no need of it.
  "student.attendance": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...ATTENDANCE_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (hasRole(scope, "teacher") && (await studentAttendsAny(db, studentId, scope.leadClassIds, new Set()))),

  "attendance.manage": async (db, scope, studentId) =>
    hasRole(scope, ...ATTENDANCE_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId)),

  "absence.justify": async (db, scope, absenceId) => {
    if (!hasRole(scope, "guardian")) return false;
    const absence = await absenceTarget(db, absenceId);
    return absence?.establishmentId === scope.establishmentId && scope.childIds.has(absence.studentId);
  },

  "absence.decide": managesAbsence,

  // The guardian who sent it (not the other parent, not the pupil), and vie scolaire.
  "justification.document": async (db, scope, justificationId) => {
    const justification = await justificationTarget(db, justificationId);
    if (justification?.establishmentId !== scope.establishmentId) return false;
    return (
      (justification.submittedBy === scope.personId && scope.childIds.has(justification.studentId)) ||
      hasRole(scope, ...ATTENDANCE_ROLES)
    );
  },
  "assignment.appreciate": async (db, scope, assignmentId) =>
    hasRole(scope, "teacher") && (await ownAssignment(db, scope, assignmentId)),

  // The équipe pédagogique (teachers of the class or of a group some of its pupils attend) and the staff who follow
  // results; pupils and families only ever see published bulletins, through "student.reportCards".
  "class.reportCards": async (db, scope, classId) =>
    (hasRole(scope, ...GRADE_READER_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))) ||
    (hasRole(scope, "teacher") &&
      (scope.taughtClassIds.has(classId) || (await teachesGroupOfClass(db, scope, classId)))),

  "class.generalAppreciation": async (_db, scope, classId) =>
    hasRole(scope, "teacher") && scope.leadClassIds.has(classId),

  "class.reportCards.publish": async (db, scope, classId) =>
    hasRole(scope, "direction") && (await classInEstablishment(db, classId, scope.establishmentId)),

  // A bulletin is the period's relevé de notes made official: the same people read it.
  "student.reportCards": (db, scope, studentId) => rules["student.grades"](db, scope, studentId),
  "timetable.student": async (db, scope, studentId) =>
    (studentId === scope.personId && hasRole(scope, "student")) ||
    scope.childIds.has(studentId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (await teachesStudent(db, scope, studentId)),

  "timetable.class": async (db, scope, classId) =>
    scope.classIds.has(classId) ||
    scope.taughtClassIds.has(classId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))),

  "timetable.group": async (db, scope, groupId) =>
    scope.groupIds.has(groupId) ||
    scope.taughtGroupIds.has(groupId) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await groupInEstablishment(db, groupId, scope.establishmentId))),

  "timetable.teacher": async (db, scope, teacherId) =>
    (teacherId === scope.personId && hasRole(scope, "teacher")) ||
    (hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await teacherOfEstablishment(db, teacherId, scope.establishmentId))),

  "timetable.room": async (db, scope, roomId) =>
    hasRole(scope, ...SCHOOL_RECORD_ROLES) && (await roomInEstablishment(db, roomId, scope.establishmentId)),

  "timetable.plan": async (db, scope, audienceId) =>
    hasRole(scope, ...TIMETABLE_EDITOR_ROLES) &&
    ((await classInEstablishment(db, audienceId, scope.establishmentId)) ||
      (await groupInEstablishment(db, audienceId, scope.establishmentId))),

  "timetable.edit": async (db, scope, lessonId) =>
    hasRole(scope, ...TIMETABLE_EDITOR_ROLES) && (await lessonInEstablishment(db, lessonId, scope.establishmentId)),

  // the alternation decides which lessons take place: it belongs to those who build the weekly timetable
  "schoolYear.weeks": async (db, scope, schoolYearId) =>
    hasRole(scope, ...TIMETABLE_EDITOR_ROLES) && (await schoolYearInEstablishment(db, schoolYearId, scope.establishmentId)),

  "lesson.change": async (db, scope, lessonId) =>
    hasRole(scope, ...DAY_CHANGE_ROLES) && (await lessonInEstablishment(db, lessonId, scope.establishmentId)),

  "lesson.annotate": async (db, scope, lessonId) =>
    (await can(db, scope, "lesson.change", lessonId)) || (hasRole(scope, "teacher") && (await teachesLesson(db, scope, lessonId))),

  "schoolEvent.edit": async (db, scope, eventId) =>
    hasRole(scope, ...DAY_CHANGE_ROLES) && (await schoolEventInEstablishment(db, eventId, scope.establishmentId)),

  "schoolEvent.audience": async (db, scope, audienceId) =>
    hasRole(scope, ...DAY_CHANGE_ROLES) &&
    ((await classInEstablishment(db, audienceId, scope.establishmentId)) ||
      (await groupInEstablishment(db, audienceId, scope.establishmentId)) ||
      (await mayActIn(db, audienceId, scope.establishmentId))),
};

export function can(db: Db, scope: Scope, permission: Permission, targetId: string): Promise<boolean> {
  return rules[permission](db, scope, targetId);
}

/** Whether a person may act in an establishment: only where they hold a profile. */
export async function mayActIn(db: Db, personId: string, establishmentId: string): Promise<boolean> {
  const rows = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.personId, personId), eq(profiles.establishmentId, establishmentId)))
    .limit(1);
  return rows.length > 0;
}

/** Which classes of the establishment a person may list: all of them, or only the ones they are linked to. */
export function classListScope(scope: Scope): "establishment" | "linked" {
  return hasRole(scope, ...WHOLE_SCHOOL_ROLES) ? "establishment" : "linked";
}
