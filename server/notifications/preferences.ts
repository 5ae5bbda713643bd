import { eq } from "drizzle-orm";
import { notificationPreferences, profiles } from "@/drizzle/schema";
import type { Db } from "@/server/db";
import { DEFAULT_MAIL, kindsReceivedBy, type MailDelivery, type NotificationKind } from "./kinds";

export interface MailPreference {
  kind: NotificationKind;
  mail: MailDelivery;
}

/**
 * A person's e-mail choice for every kind their profiles (in any establishment) may receive: their own where they made
 * one, the default elsewhere. A guardian is not asked about assignments to hand in, which only pupils receive.
 */
export async function mailPreferences(db: Db, personId: string): Promise<MailPreference[]> {
  const [rows, held] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId)),
    db.selectDistinct({ role: profiles.role }).from(profiles).where(eq(profiles.personId, personId)),
  ]);
  const chosen = new Map(rows.map((r) => [r.kind, r.mail]));
  return kindsReceivedBy(held.map((r) => r.role)).map((kind) => ({ kind, mail: chosen.get(kind) ?? DEFAULT_MAIL[kind] }));
}

export async function setMailPreference(db: Db, personId: string, kind: NotificationKind, mail: MailDelivery) {
  await db
    .insert(notificationPreferences)
    .values({ personId, kind, mail })
    .onConflictDoUpdate({ target: [notificationPreferences.personId, notificationPreferences.kind], set: { mail } });
}
