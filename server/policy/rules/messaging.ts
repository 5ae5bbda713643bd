import { conversationAccess, messageAccess } from "@/server/messaging/access";
import { seesAttachment } from "@/server/messaging/attachments";
import { isNoteRecipient, noteTarget } from "@/server/messaging/carnet";
import { mayAddressList } from "@/server/messaging/lists";
import { mayWriteToInbox, reachableAmong } from "@/server/messaging/reach";
import { reportTarget } from "@/server/messaging/reports";
import { communicationRules } from "@/server/messaging/settings";
import { announcementTarget, NEWS_ROLES, seesAnnouncement } from "@/server/news/announcements";
import { classInEstablishment, studentOfEstablishment } from "../lookups";
import type { Rule } from "../rule";
import { hasRole, studentAttendsAny } from "../scope";

/** Who sends carnet notes beyond a teacher's own classes and pupils: direction and vie scolaire. */
const CARNET_STAFF = ["direction", "cpe"] as const;

export type MessagingPermission =
  /** write to this person: the establishment's communication rules (also what the recipient picker lists) */
  | "messaging.writeTo"
  /** write to a role-based list of a class, named "<guardians|pupils|team>:<classId>" */
  | "messaging.list"
  /** write to a shared inbox, "direction" or "vie_scolaire" (its own members do not) */
  | "messaging.inbox"
  /** close a report of an abusive message: a moderator (direction) of its establishment */
  | "report.close"
  /** read and answer a conversation: one addressed to the person, or one of the shared inbox they are a member of */
  | "conversation.read"
  /** report a message one sees, written by someone else, to the moderators */
  | "message.report"
  /** download a file attached to a message one sees */
  | "attachment.read"
  /** send a carnet de liaison note to the guardians of this class (its teachers, direction, vie scolaire) */
  | "carnet.class"
  /** send a carnet de liaison note to the guardians of this pupil (their teachers, direction, vie scolaire) */
  | "carnet.student"
  /** follow a note's acknowledgements and remind the guardians: its author */
  | "carnet.follow"
  /** acknowledge ("vu") a note: a guardian it was sent to */
  | "carnet.acknowledge"
  /** publish an announcement to this audience: the establishment's id (whole school) or a class's id */
  | "news.audience"
  /** read an announcement meant for the person, now */
  | "news.read"
  /** see who read an announcement, and withdraw it: its author, or direction */
  | "news.edit";

export const messagingRules: Record<MessagingPermission, Rule> = {
  "messaging.writeTo": async (db, scope, personId) => (await reachableAmong(db, scope, [personId])).has(personId),

  "messaging.list": (db, scope, key) => mayAddressList(db, scope, key),

  "messaging.inbox": async (db, scope, inbox) =>
    (inbox === "direction" || inbox === "vie_scolaire") && mayWriteToInbox(scope, await communicationRules(db, scope.establishmentId), inbox),

  "report.close": async (db, scope, reportId) =>
    hasRole(scope, "direction") && (await reportTarget(db, reportId))?.establishmentId === scope.establishmentId,

  "conversation.read": async (db, scope, conversationId) => (await conversationAccess(db, scope, conversationId)) !== null,

  "message.report": async (db, scope, messageId) => {
    const access = await messageAccess(db, scope, messageId);
    return access !== null && access.message.authorId !== scope.personId;
  },

  "attachment.read": (db, scope, fileId) => seesAttachment(db, scope, fileId),

  "carnet.class": async (db, scope, classId) =>
    (hasRole(scope, "teacher") && scope.taughtClassIds.has(classId)) ||
    (hasRole(scope, ...CARNET_STAFF) && (await classInEstablishment(db, classId, scope.establishmentId))),

  "carnet.student": async (db, scope, studentId) =>
    (hasRole(scope, ...CARNET_STAFF) && (await studentOfEstablishment(db, studentId, scope.establishmentId))) ||
    (hasRole(scope, "teacher") && (await studentAttendsAny(db, studentId, scope.taughtClassIds, scope.taughtGroupIds))),

  "carnet.follow": async (db, scope, noteId) => {
    const note = await noteTarget(db, noteId);
    return note?.establishmentId === scope.establishmentId && note.authorId === scope.personId;
  },

  "carnet.acknowledge": async (db, scope, noteId) =>
    hasRole(scope, "guardian") && (await noteTarget(db, noteId))?.establishmentId === scope.establishmentId && (await isNoteRecipient(db, scope, noteId)),

  "news.audience": async (db, scope, audienceId) =>
    (audienceId === scope.establishmentId && hasRole(scope, ...NEWS_ROLES)) ||
    (hasRole(scope, "teacher") && scope.taughtClassIds.has(audienceId)) ||
    (hasRole(scope, ...NEWS_ROLES) && (await classInEstablishment(db, audienceId, scope.establishmentId))),

  "news.read": (db, scope, announcementId) => seesAnnouncement(db, scope, announcementId),

  "news.edit": async (db, scope, announcementId) => {
    const announcement = await announcementTarget(db, announcementId);
    if (announcement?.establishmentId !== scope.establishmentId) return false;
    return announcement.authorId === scope.personId || hasRole(scope, "direction");
  },
};
