import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { notifications } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import type { EventBus } from "@/server/events";
import type { NotificationKind } from "./kinds";

export interface NewNotification {
  personId: string;
  establishmentId: string;
  kind: NotificationKind;
  /** What caused it (a message's id...): one notification per person, kind and source, however many instances hear the event. */
  source: string;
  params: Record<string, string>;
  link: string;
}

export type Notification = typeof notifications.$inferSelect;

export const NOTIFICATIONS_PER_PAGE = 30;

/**
 * Writes notifications and tells their people's open pages. Every instance of the app receives the same event and
 * tries; the unique (person, kind, source) lets one write each, and only that one goes on (e-mail included).
 */
export async function notify(db: Db, bus: EventBus, items: NewNotification[]): Promise<Notification[]> {
  if (items.length === 0) return [];
  const written = await db.insert(notifications).values(items).onConflictDoNothing().returning();
  await Promise.all(written.map((n) => bus.publish("notification.created", { personId: n.personId, notificationId: n.id })));
  return written;
}

export async function listNotifications(db: Db, personId: string, page: number) {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.personId, personId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE + 1)
    .offset(page * NOTIFICATIONS_PER_PAGE);
  return { notifications: rows.slice(0, NOTIFICATIONS_PER_PAGE), hasMore: rows.length > NOTIFICATIONS_PER_PAGE };
}

export async function unreadNotifications(db: Db, personId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(notifications)
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)));
  return row.count;
}

/** Marks some of one's notifications read (or all of them when no ids are given). */
export async function markNotificationsRead(db: Db, personId: string, ids?: string[]) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
}
