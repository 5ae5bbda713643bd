import { eq } from "drizzle-orm";
import { notificationPreferences } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DEFAULT_MAIL, type MailDelivery, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

/** A person's e-mail choice for every kind, their own where they made one, the default elsewhere. */
export async function mailPreferences(db: Db, personId: string): Promise<Record<NotificationKind, MailDelivery>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId));
  const chosen = new Map(rows.map((r) => [r.kind, r.mail]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_MAIL[kind]])) as Record<
    NotificationKind,
    MailDelivery
  >;
}

export async function setMailPreference(db: Db, personId: string, kind: NotificationKind, mail: MailDelivery) {
  await db
    .insert(notificationPreferences)
    .values({ personId, kind, mail })
    .onConflictDoUpdate({ target: [notificationPreferences.personId, notificationPreferences.kind], set: { mail } });
}
