import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { notificationPreferences, notifications, people } from "@/drizzle/schema";
import type { Locale } from "@/app/i18n/locales";
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { serverTranslator } from "@/server/i18n/translate";
import { DEFAULT_MAIL, type MailDelivery, messageParams, type NotificationKind } from "./kinds";
import type { Mail, Mailer } from "./mailer";
import { isQuietHours, lastDigestTime } from "./quiet-hours";
import type { Notification } from "./centre";

/** The e-mail choice of each notification's person for its kind, read in SQL with the defaults. */
function deliveryOf() {
  const defaults = sql.join(
    Object.entries(DEFAULT_MAIL).map(([kind, mail]) => sql`when ${kind} then ${mail}`),
    sql` `,
  );
  return sql<MailDelivery>`coalesce(${notificationPreferences.mail}::text, case ${notifications.kind}::text ${defaults} end)`;
}

const isPupil = sql<boolean>`exists (select 1 from profiles p where p.person_id = ${notifications.personId} and p.role = 'student')`;

/** What is waiting to be e-mailed: one's own address known, not sent yet, and the choice asked for. */
async function pending(db: Db, delivery: MailDelivery, createdBefore?: Date) {
  return db
    .select({ notification: notifications, email: people.email, language: people.preferredLanguage, pupil: isPupil })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.personId))
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.personId, notifications.personId), eq(notificationPreferences.kind, notifications.kind)),
    )
    .where(
      and(
        isNull(notifications.emailedAt),
        sql`${people.email} is not null`,
        sql`${deliveryOf()} = ${delivery}`,
        createdBefore ? lt(notifications.createdAt, createdBefore) : undefined,
      ),
    )
    .orderBy(asc(notifications.createdAt))
    .limit(500);
}

/** Claims notifications for sending: of several instances ticking at once, each row goes out once. */
async function claim(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const claimed = await db
    .update(notifications)
    .set({ emailedAt: new Date() })
    .where(and(inArray(notifications.id, ids), isNull(notifications.emailedAt)))
    .returning({ id: notifications.id });
  return new Set(claimed.map((r) => r.id));
}

async function release(db: Db, ids: string[]) {
  await db.update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, ids));
}

export function notificationText(locale: Locale, n: Pick<Notification, "kind" | "params">): string {
  return serverTranslator(locale)(`notifications.kinds.${n.kind as NotificationKind}`, messageParams(n.params));
}

const linkOf = (n: Pick<Notification, "link">) => new URL(n.link, env().PUBLIC_URL).toString();

/**
 * Sends what is due by e-mail at `now`: each immediate notification alone, and after the digest hour one digest per
 * person of what arrived before it. Pupils get nothing during quiet hours: it waits for the morning.
 */
export async function deliverMail(db: Db, mailer: Mailer, now: Date): Promise<number> {
  const quiet = isQuietHours(now);
  const sending: Promise<boolean>[] = [];
  const immediate = (await pending(db, "immediate")).filter((row) => !(row.pupil && quiet));
  const mine = await claim(db, immediate.map((row) => row.notification.id));
  for (const row of immediate.filter((r) => mine.has(r.notification.id))) {
    const text = notificationText(row.language, row.notification);
    const mail = { to: row.email!, subject: text, text: `${text}\n\n${linkOf(row.notification)}\n` };
    sending.push(sendOrRelease(db, mailer, mail, [row.notification.id], "an e-mail"));
  }
  const digest = (await pending(db, "digest", lastDigestTime(now))).filter((row) => !(row.pupil && quiet));
  const byPerson = new Map<string, typeof digest>();
  for (const row of digest) byPerson.set(row.notification.personId, [...(byPerson.get(row.notification.personId) ?? []), row]);
  for (const rows of byPerson.values()) {
    const ids = [...(await claim(db, rows.map((r) => r.notification.id)))];
    if (ids.length === 0) continue;
    const { email, language } = rows[0];
    const t = serverTranslator(language);
    const lines = rows.filter((r) => ids.includes(r.notification.id)).map((r) => `• ${notificationText(language, r.notification)}\n  ${linkOf(r.notification)}`);
    const mail = { to: email!, subject: t("notifications.mail.digestSubject", { count: ids.length }), text: `${lines.join("\n")}\n` };
    sending.push(sendOrRelease(db, mailer, mail, ids, "a digest"));
  }
  // all at once: the mailer's pool of SMTP connections sends them side by side
  return (await Promise.all(sending)).filter(Boolean).length;
}

/** Sends one e-mail; when it cannot leave, its notifications are released for the next round. */
async function sendOrRelease(db: Db, mailer: Mailer, mail: Mail, ids: string[], what: string): Promise<boolean> {
  try {
    await mailer.send(mail);
    return true;
  } catch (error) {
    console.error(`[notifications] ${what} could not be sent`, error);
    await release(db, ids);
    return false;
  }
}
