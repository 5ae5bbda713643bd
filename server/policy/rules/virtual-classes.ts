import { parseOccurrenceKey } from "@/server/timetable/occurrence-key";
import {
  attendsTeamClass,
  attendsVirtualClass,
  HOST_ROLES,
  hostsVirtualClass,
  meetingSlotTarget,
  teacherTeaches,
  teamSpaceRole,
  virtualClassTarget,
} from "@/server/virtual-classes/targets";
import { teachesOccurrence } from "../homework-lookups";
import { classInEstablishment, lessonTarget } from "../lookups";
import { DAY_CHANGE_ROLES } from "../roles";
import type { Rule } from "../rule";
import { hasRole } from "../scope";
import { WRITER_ROLES } from "../space-access";

export type VirtualClassesPermission =
  /** join a virtual class's room: its host, a pupil of its class or group, a member of its team space (the time is checked apart) */
  | "virtualClass.join"
  /** lead a virtual class: start it, set pupils' permissions, mute or remove someone, end it, confirm its attendance */
  | "virtualClass.host"
  /** open the virtual class of a remote lesson occurrence ("lessonId/plannedOn"): its teachers and its pupils */
  | "virtualClass.occurrence"
  /**
   * schedule a virtual class for an audience ("class/<id>", "group/<id>", "space/<id>"): a teacher who teaches the
   * class or group; a teacher or staff member who owns or contributes to the team space
   */
  | "virtualClass.schedule"
  /** switch a class's lessons of a week to remote: vie scolaire and direction, or a teacher of the class for their own */
  | "class.remoteWeek"
  /** book a parent–teacher meeting slot about a pupil ("slotId/studentId"): the pupil's guardian, if the slot's teacher teaches them */
  | "meetingSlot.book"
  /** join a meeting's private room: the slot's teacher and the guardian who booked it, nobody else */
  | "meetingSlot.join"
  /** withdraw one's own slot, or cancel a booking of it (the slot's teacher) */
  | "meetingSlot.own";

export const virtualClassesRules: Record<VirtualClassesPermission, Rule> = {
  "virtualClass.join": async (db, scope, virtualClassId) => {
    const target = await virtualClassTarget(db, virtualClassId);
    return (
      !!target &&
      (attendsVirtualClass(scope, target) || (await attendsTeamClass(db, scope, target)) || (await hostsVirtualClass(db, scope, target)))
    );
  },

  "virtualClass.host": async (db, scope, virtualClassId) => {
    const target = await virtualClassTarget(db, virtualClassId);
    return !!target && (await hostsVirtualClass(db, scope, target));
  },

  "virtualClass.occurrence": async (db, scope, key) => {
    const occurrence = parseOccurrenceKey(key);
    const lesson = occurrence && (await lessonTarget(db, occurrence.lessonId));
    if (!lesson || lesson.establishmentId !== scope.establishmentId) return false;
    return attendsVirtualClass(scope, lesson) || (hasRole(scope, "teacher") && (await teachesOccurrence(db, scope, key)));
  },

  "virtualClass.schedule": async (db, scope, audience) => {
    const [kind, id] = audience.split("/");
    if (kind === "space") return hasRole(scope, ...HOST_ROLES) && WRITER_ROLES.includes((await teamSpaceRole(db, scope, id)) ?? "family");
    if (!hasRole(scope, "teacher")) return false;
    return kind === "class" ? scope.taughtClassIds.has(id) : kind === "group" && scope.taughtGroupIds.has(id);
  },

  "class.remoteWeek": async (db, scope, classId) =>
    (hasRole(scope, ...DAY_CHANGE_ROLES) && (await classInEstablishment(db, classId, scope.establishmentId))) ||
    (hasRole(scope, "teacher") && scope.taughtClassIds.has(classId)),

  "meetingSlot.book": async (db, scope, key) => {
    const [slotId, studentId] = key.split("/");
    if (!hasRole(scope, "guardian") || !scope.childIds.has(studentId)) return false;
    const slot = await meetingSlotTarget(db, slotId);
    if (slot?.establishmentId !== scope.establishmentId) return false;
    return teacherTeaches(db, slot.teacherId, scope.establishmentId, studentId);
  },

  "meetingSlot.join": async (db, scope, slotId) => {
    const slot = await meetingSlotTarget(db, slotId);
    if (slot?.establishmentId !== scope.establishmentId) return false;
    return (
      (slot.teacherId === scope.personId && hasRole(scope, "teacher")) ||
      (slot.guardianId === scope.personId && hasRole(scope, "guardian"))
    );
  },

  "meetingSlot.own": async (db, scope, slotId) => {
    const slot = await meetingSlotTarget(db, slotId);
    return slot?.establishmentId === scope.establishmentId && slot.teacherId === scope.personId && hasRole(scope, "teacher");
  },
};
