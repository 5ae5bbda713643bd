import { DateTime } from "luxon";
import type { Db } from "@/server/db";
import type { DomainEvents, EventBus, EventType } from "@/server/events";
import { type NewNotification, notify } from "./centre";
import { deliverMail } from "./mail";
import type { Mailer } from "./mailer";
import { SCHOOL_ZONE } from "./quiet-hours";
import {
  announcementsDue,
  homeworkDueOn,
  onAbsence,
  onAnnouncement,
  onAssignment,
  onCarnet,
  onGrades,
  onHandInReturned,
  onLessonChange,
  onMessage,
  onVirtualClassScheduled,
} from "./sources";

/** How often deferred e-mails, digests, tomorrow's homework and announcements whose time came are looked at. */
const TICK_MS = 5 * 60_000;
/** From this hour (school time) pupils and families are told about tomorrow's homework. */
const HOMEWORK_REMINDER_HOUR = 16;

export interface NotificationService {
  /** One round of the periodic work at `now` (what the timer does; tests call it with their own time). */
  tick(now: Date): Promise<void>;
  /** Resolves once every event received so far has been handled (tests wait on it). */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * The notification centre's writer: it listens to the event bus, writes each person's notifications, e-mails them as
 * they chose (when SMTP is configured), and every few minutes sends what waited (night, digest) and tomorrow's
 * homework. Started once per process; with several instances each hears every event, and the centre's unique keys
 * keep one notification and one e-mail each.
 */
export function startNotifications(db: Db, bus: EventBus, mailer: Mailer | null, options: { timer: boolean } = { timer: true }): NotificationService {
  let running: Promise<unknown> = Promise.resolve();
  const enqueue = (work: () => Promise<unknown>) => {
    running = running.then(work).catch((error: unknown) => console.error("[notifications] an event could not be handled", error));
    return running;
  };
  const deliver = async (items: NewNotification[]) => {
    const written = await notify(db, bus, items);
    if (mailer && written.length) await deliverMail(db, mailer, new Date());
  };
  const on = <T extends EventType>(type: T, source: (db: Db, event: DomainEvents[T]) => Promise<NewNotification[]>) =>
    bus.subscribe(type, (event) => void enqueue(async () => deliver(await source(db, event))));
  const unsubscribe = [
    on("message.sent", onMessage),
    on("carnet.sent", onCarnet),
    on("grade.published", onGrades),
    on("absence.recorded", onAbsence),
    on("lesson.changed", onLessonChange),
    on("assignment.created", onAssignment),
    on("handIn.returned", onHandInReturned),
    on("announcement.published", onAnnouncement),
    on("virtualClass.scheduled", onVirtualClassScheduled),
  ];
  // The day whose homework this process already told about: the unique keys would absorb a second pass, the work not.
  let toldAbout: string | null = null;
  const tick = async (now: Date) => {
    const local = DateTime.fromJSDate(now, { zone: SCHOOL_ZONE });
    const tomorrow = local.plus({ days: 1 }).toISODate()!;
    if (local.hour >= HOMEWORK_REMINDER_HOUR && toldAbout !== tomorrow) {
      await notify(db, bus, await homeworkDueOn(db, tomorrow));
      toldAbout = tomorrow;
    }
    for (const due of await announcementsDue(db, now)) await notify(db, bus, await onAnnouncement(db, due));
    if (mailer) await deliverMail(db, mailer, now);
  };
  const timer = options.timer ? setInterval(() => void enqueue(() => tick(new Date())), TICK_MS) : null;
  timer?.unref();
  return {
    tick: (now) => enqueue(() => tick(now)).then(() => undefined),
    settled: () => running.then(() => undefined),
    stop() {
      if (timer) clearInterval(timer);
      for (const off of unsubscribe) off();
      mailer?.close();
    },
  };
}
