import { and, eq, gt, lte, notExists, sql } from "drizzle-orm";
import {
  announcements,
  assignments,
  carnetNotes,
  conversations,
  evaluations,
  homework,
  lessons,
  messages,
  notifications,
  people,
  subjects,
  virtualClasses,
} from "@/drizzle/schema";
import { announcementAudience } from "@/server/news/audience";
import { isoDate, schoolTime } from "@/server/calendar/days";
import type { Db } from "@/server/db";
import type { DomainEvents } from "@/server/events";
import { audiencePupils } from "@/server/services/audiences";
import { loadSession } from "@/server/virtual-classes/session";
import { membersOfSpace, pupilsAndFamilies, pupilsOfAudience, pupilsOfGroup, pupilsOfLesson, pupilsOfSpace } from "./audiences";
import type { NewNotification } from "./centre";

/**
 * What each event means for the notification centre: who is told, and with which words. One function per event,
 * each returning the notifications to write.
 */

export async function onMessage(db: Db, event: DomainEvents["message.sent"]): Promise<NewNotification[]> {
  const [row] = await db
    .select({ subject: conversations.subject, firstName: people.firstName, lastName: people.lastName })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(people, eq(people.id, messages.authorId))
    .where(eq(messages.id, event.messageId));
  if (!row) return [];
  const author = row.firstName ? `${row.firstName} ${row.lastName}` : "—";
  return event.viewerIds
    .filter((id) => id !== event.authorId)
    .map((personId) => ({
      personId,
      establishmentId: event.establishmentId,
      kind: "message",
      source: event.messageId,
      params: { author, subject: row.subject },
      link: `/messagerie/${event.conversationId}`,
    }));
}

export async function onCarnet(db: Db, event: DomainEvents["carnet.sent"]): Promise<NewNotification[]> {
  const [note] = await db.select({ title: carnetNotes.title }).from(carnetNotes).where(eq(carnetNotes.id, event.noteId));
  if (!note) return [];
  const source = event.reminder ? `${event.noteId}/reminder/${new Date().toISOString().slice(0, 10)}` : event.noteId;
  return event.guardianIds.map((personId) => ({
    personId,
    establishmentId: event.establishmentId,
    kind: "carnet",
    source,
    params: { title: note.title, reminder: String(event.reminder) },
    link: "/carnet",
  }));
}

export async function onGrades(db: Db, event: DomainEvents["grade.published"]): Promise<NewNotification[]> {
  const [evaluation] = await db.select({ title: evaluations.title }).from(evaluations).where(eq(evaluations.id, event.evaluationId));
  if (!evaluation) return [];
  return (await pupilsAndFamilies(db, event.establishmentId, event.studentIds)).map(({ personId, pupilName }) => ({
    personId,
    establishmentId: event.establishmentId,
    kind: "grade",
    source: `${event.evaluationId}/${pupilName}`,
    params: { pupil: pupilName, title: evaluation.title },
    link: "/notes",
  }));
}

export async function onAbsence(db: Db, event: DomainEvents["absence.recorded"]): Promise<NewNotification[]> {
  return (await pupilsAndFamilies(db, event.establishmentId, [event.studentId]))
    .filter(({ personId }) => personId !== event.studentId)
    .map(({ personId, pupilName }) => ({
      personId,
      establishmentId: event.establishmentId,
      kind: "absence",
      source: event.absenceId,
      params: { pupil: pupilName, kind: event.kind },
      link: "/absences",
    }));
}

/**
 * A change to a lesson occurrence: its pupils and their families (as the lesson is, or as it was when the event says)
 * are told what it did, the most telling first (a cancellation, a move, a substitute...; the timetable shows the
 * rest). Each change is its own source, so a room changed then the lesson made remote are two notifications, and the
 * one event heard by several instances one.
 */
export async function onLessonChange(db: Db, event: DomainEvents["lesson.changed"]): Promise<NewNotification[]> {
  if (event.changes.length === 0) return [];
  const [lesson] = event.was
    ? [event.was]
    : await db
        .select({ subjectId: lessons.subjectId, classId: lessons.classId, groupId: lessons.groupId })
        .from(lessons)
        .where(and(eq(lessons.id, event.lessonId), eq(lessons.establishmentId, event.establishmentId)));
  if (!lesson) return [];
  const [subject] = await db
    .select({ name: subjects.name })
    .from(subjects)
    .where(and(eq(subjects.id, lesson.subjectId), eq(subjects.establishmentId, event.establishmentId)));
  if (!subject) return [];
  const audience = await pupilsAndFamilies(db, event.establishmentId, await pupilsOfAudience(db, lesson));
  return audience.map(({ personId, pupilName }) => ({
    personId,
    establishmentId: event.establishmentId,
    kind: "lesson",
    source: `${event.lessonId}/${event.onDate}/${event.changeId}/${pupilName}`,
    params: { pupil: pupilName, subject: subject.name, date: event.onDate, change: event.changes[0] },
    link: "/emploi-du-temps",
  }));
}

/** A new assignment in a space or for a group: its pupils are told what to hand in, and by when. */
export async function onAssignment(db: Db, event: DomainEvents["assignment.created"]): Promise<NewNotification[]> {
  const [assignment] = await db.select({ title: assignments.title }).from(assignments).where(eq(assignments.id, event.assignmentId));
  if (!assignment) return [];
  const pupils = "groupId" in event ? await pupilsOfGroup(db, event.groupId) : await pupilsOfSpace(db, event.establishmentId, event.spaceId);
  return pupils.map((personId) => ({
    personId,
    establishmentId: event.establishmentId,
    kind: "assignment",
    source: event.assignmentId,
    params: { title: assignment.title, date: isoDate(new Date(event.dueAt)) },
    link: `/devoirs/${event.assignmentId}`,
  }));
}

/** A hand-in returned with the teacher's comment (and maybe a mark): its pupil, or each pupil of its team, is told. */
export async function onHandInReturned(db: Db, event: DomainEvents["handIn.returned"]): Promise<NewNotification[]> {
  const [assignment] = await db.select({ title: assignments.title }).from(assignments).where(eq(assignments.id, event.assignmentId));
  if (!assignment) return [];
  return event.studentIds.map((personId) => ({
    personId,
    establishmentId: event.establishmentId,
    kind: "handIn",
    source: `${event.handInId}/${new Date().toISOString()}`,
    params: { title: assignment.title },
    link: `/devoirs/${event.assignmentId}`,
  }));
}

/** An announcement now in its readers' news: each of them is told its title. */
export async function onAnnouncement(db: Db, event: DomainEvents["announcement.published"]): Promise<NewNotification[]> {
  const [announcement] = await db.select({ title: announcements.title }).from(announcements).where(eq(announcements.id, event.announcementId));
  if (!announcement) return [];
  return (await announcementAudience(db, event.announcementId)).map((personId) => ({
    personId,
    establishmentId: event.establishmentId,
    kind: "announcement",
    source: event.announcementId,
    params: { title: announcement.title },
    link: "/actualites",
  }));
}

/**
 * A scheduled virtual class: a team space's members are told, or a class's or group's pupils and their families.
 * Those who attend are sent to its room; families, who do not, to the week where it shows.
 */
export async function onVirtualClassScheduled(db: Db, event: DomainEvents["virtualClass.scheduled"]): Promise<NewNotification[]> {
  const [row] = await db.select().from(virtualClasses).where(eq(virtualClasses.id, event.virtualClassId));
  if (!row?.startsAt || row.cancelledAt) return [];
  const session = await loadSession(db, row.id);
  const attendees = row.spaceId ? await membersOfSpace(db, row.spaceId) : (await audiencePupils(db, row)).map((pupil) => pupil.id);
  const told = row.spaceId ? attendees.map((personId) => ({ personId })) : await pupilsAndFamilies(db, event.establishmentId, attendees);
  const params = { title: session.title, audience: session.audience.name, date: isoDate(session.startsAt), time: schoolTime(session.startsAt) };
  return told
    .filter(({ personId }) => personId !== row.hostId)
    .map(({ personId }) => ({
      personId,
      establishmentId: event.establishmentId,
      kind: "virtualClass",
      source: row.id,
      params,
      link: attendees.includes(personId) ? `/classes-virtuelles/${row.id}` : "/emploi-du-temps",
    }));
}

/**
 * The announcements whose publication time came within the last day and which told nobody yet: those scheduled for
 * later when they were written. (One without readers is looked at again until the day is over; it costs a query.)
 */
export async function announcementsDue(db: Db, now: Date): Promise<DomainEvents["announcement.published"][]> {
  const told = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(eq(notifications.kind, "announcement"), eq(notifications.source, sql`${announcements.id}::text`)));
  return db
    .select({ establishmentId: announcements.establishmentId, announcementId: announcements.id })
    .from(announcements)
    .where(and(lte(announcements.publishAt, now), gt(announcements.publishAt, new Date(now.getTime() - 24 * 3600_000)), notExists(told)));
}

/** The homework due on `dueOn` (tomorrow), for its pupils and their families: asked once a day by the service. */
export async function homeworkDueOn(db: Db, dueOn: string): Promise<NewNotification[]> {
  const due = await db
    .select({ id: homework.id, establishmentId: homework.establishmentId, lessonId: homework.lessonId, subject: subjects.name })
    .from(homework)
    .innerJoin(lessons, eq(lessons.id, homework.lessonId))
    .innerJoin(subjects, eq(subjects.id, lessons.subjectId))
    .where(eq(homework.dueOn, dueOn));
  const items: NewNotification[] = [];
  for (const work of due) {
    const audience = await pupilsAndFamilies(db, work.establishmentId, await pupilsOfLesson(db, work.lessonId));
    for (const { personId, pupilName } of audience) {
      items.push({
        personId,
        establishmentId: work.establishmentId,
        kind: "homework",
        source: `${work.id}/${pupilName}`,
        params: { pupil: pupilName, subject: work.subject, date: dueOn },
        link: "/travail",
      });
    }
  }
  return items;
}
