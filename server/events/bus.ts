import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import type { LessonChangeAspect } from "@/server/timetable/what-changed";

/**
 * The domain events. Services publish them; notifications, real-time delivery, audit and caches subscribe.
 * Later services add their own (message.sent, ...).
 */
export interface DomainEvents {
  /** A person's profiles, classes, groups, children or teaching changed: cached scopes must be reloaded. */
  "scope.changed": { personIds: string[] };
  /** Sessions of a person were ended (logout, log out everywhere): live connections opened with them must close. */
  "sessions.revoked": { personId: string };
  /** Marks became visible to pupils and families (an evaluation published, or a published mark changed). */
  "grade.published": { establishmentId: string; evaluationId: string; studentIds: string[] };
  /**
   * A lesson occurrence was cancelled, or changed (substitute, time, room, remote, exam, or its weekly lesson edited):
   * its pupils must be told. `changeId` names this one change (a later change of the same occurrence has its own),
   * `changes` what it did, and `was` whom and what it was for when its lesson may be gone or taught to others now.
   */
  "lesson.changed": {
    establishmentId: string;
    lessonId: string;
    onDate: string;
    changeId: string;
    changes: LessonChangeAspect[];
    was?: { subjectId: string; classId: string | null; groupId: string | null };
  };
  /** Homework was given or changed for a lesson's class or group. */
  "homework.given": { establishmentId: string; homeworkId: string; lessonId: string; dueOn: string };
  /** A pupil was recorded absent or late: guardians are told the same day. */
  "absence.recorded": { establishmentId: string; absenceId: string; studentId: string; kind: "absence" | "late" };
  /** A guardian justified an absence (vie scolaire is to decide), or vie scolaire decided on a justification. */
  "absence.justification": { establishmentId: string; absenceId: string; studentId: string; status: "pending" | "accepted" | "refused" };
  /** A class's report cards for a period were published to pupils and families. */
  "reportCards.published": { establishmentId: string; classId: string; periodId: string; studentIds: string[] };
  /** An assignment to hand in (devoir à rendre) was set in a space or for a teaching group: its pupils or team must be told. */
  "assignment.created": { establishmentId: string; assignmentId: string; dueAt: string } & ({ spaceId: string } | { groupId: string });
  /** A teacher returned a hand-in with a comment (and maybe a mark): its pupil or team must be told. */
  "handIn.returned": { establishmentId: string; handInId: string; assignmentId: string; studentIds: string[] };
  /** A message was written: `viewerIds` are everyone who sees it (its author, its recipients, the inbox's members). */
  "message.sent": { establishmentId: string; conversationId: string; messageId: string; authorId: string; viewerIds: string[] };
  /** A note of the carnet de liaison was sent (or a reminder of it) to these guardians. */
  "carnet.sent": { establishmentId: string; noteId: string; authorId: string; guardianIds: string[]; reminder: boolean };
  /** A guardian acknowledged ("vu") a carnet note: its author's page updates. */
  "carnet.acknowledged": { establishmentId: string; noteId: string; authorId: string; guardianId: string };
  /** A notification was written in a person's notification centre. */
  "notification.created": { personId: string; notificationId: string };
  /** An administrator switched a service of an establishment on or off: cached module settings must be reloaded. */
  "modules.changed": { establishmentId: string };
  /**
   * Who may write or read these co-edited documents may have changed (a blog post submitted, a hand-in handed in or
   * returned, a document deleted): the collaboration server checks its open connections to them again.
   */
  "document.access.changed": { documentIds: string[] };
  /** A virtual class was scheduled for a class, a group or a team space: its audience (and pupils' families) must be told. */
  "virtualClass.scheduled": { establishmentId: string; virtualClassId: string };
  /** A host started a virtual class: those waiting in its lobby (`attendeeIds`: its hosts, pupils or members) come in. */
  "virtualClass.started": { establishmentId: string; virtualClassId: string; attendeeIds: string[] };
  /** An announcement was published for now (a later one is told by the notification service when its time comes). */
  "announcement.published": { establishmentId: string; announcementId: string };
}

export type EventType = keyof DomainEvents;
export type Handler<T extends EventType> = (payload: DomainEvents[T]) => void;

export interface EventBus {
  publish<T extends EventType>(type: T, payload: DomainEvents[T]): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe<T extends EventType>(type: T, handler: Handler<T>): () => void;
  close(): Promise<void>;
}

class LocalDelivery {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  deliver(type: string, payload: unknown) {
    for (const listener of this.emitter.listeners(type)) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch (error) {
        console.error(`[events] a subscriber of ${type} failed`, error);
      }
    }
  }

  subscribe<T extends EventType>(type: T, handler: Handler<T>) {
    this.emitter.on(type, handler);
    return () => void this.emitter.off(type, handler);
  }
}

/** One process: events go straight to the subscribers of this process. */
export function createLocalBus(): EventBus {
  const local = new LocalDelivery();
  return {
    async publish(type, payload) {
      local.deliver(type, payload);
    },
    subscribe: (type, handler) => local.subscribe(type, handler),
    async close() {},
  };
}

const CHANNEL = "preau:events";

/**
 * Several instances: every event goes through Redis pub/sub and reaches the subscribers of every instance,
 * the publisher's included, exactly once each.
 */
export async function createRedisBus(url: string): Promise<EventBus> {
  const local = new LocalDelivery();
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  subscriber.on("message", (_channel: string, message: string) => {
    const { type, payload } = JSON.parse(message) as { type: string; payload: unknown };
    local.deliver(type, payload);
  });
  await subscriber.subscribe(CHANNEL);
  return {
    async publish(type, payload) {
      await publisher.publish(CHANNEL, JSON.stringify({ type, payload }));
    },
    subscribe: (type, handler) => local.subscribe(type, handler),
    async close() {
      await Promise.all([subscriber.quit(), publisher.quit()]);
    },
  };
}
