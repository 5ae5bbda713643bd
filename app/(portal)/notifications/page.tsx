import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import ui from "@/app/components/ui.module.css";
import { messageParams, type NotificationKind } from "@/server/notifications/kinds";
import { serverCaller } from "@/server/trpc/request-context";
import styles from "../messagerie/messaging.module.css";
import { MarkAllRead } from "./MarkAllRead";
import { PreferencesForm } from "./PreferencesForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** The notification centre: what happened lately, and how one wants to be told by e-mail. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const pageNumber = Math.max(0, Math.min(1000, Number.parseInt(page ?? "0", 10) || 0));
  const { api } = await serverCaller();
  const [t, format] = await Promise.all([getTranslations("notifications"), getFormatter()]);
  const [list, preferences] = await Promise.all([api.notifications.list({ page: pageNumber }), api.notifications.preferences()]);
  return (
    <div className={ui.stack}>
      <h1>{t("title")}</h1>
      <section className={ui.card} aria-labelledby="latest">
        <h2 id="latest">{t("latest")}</h2>
        {list.notifications.some((n) => !n.readAt) ? <MarkAllRead /> : null}
        {list.notifications.length === 0 ? <p className={ui.muted}>{t("none")}</p> : null}
        <ul className={styles.conversations}>
          {list.notifications.map((n) => (
            <li key={n.id} className={`${styles.conversation} ${n.readAt ? "" : styles.unread}`}>
              <span>
                <Link href={n.link}>{t(`kinds.${n.kind as NotificationKind}`, messageParams(n.params))}</Link>
                {n.readAt ? null : <span className="visually-hidden"> ({t("unread")})</span>}
              </span>
              <span className={ui.muted}>{format.dateTime(n.createdAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}</span>
            </li>
          ))}
        </ul>
        <p className={styles.tabs}>
          {pageNumber > 0 ? <Link href={`/notifications?page=${pageNumber - 1}`}>{t("previous")}</Link> : null}
          {list.hasMore ? <Link href={`/notifications?page=${pageNumber + 1}`}>{t("next")}</Link> : null}
        </p>
      </section>
      <section className={ui.card} aria-labelledby="preferences">
        <h2 id="preferences">{t("preferences.title")}</h2>
        {!preferences.mailConfigured ? <p className={ui.alert}>{t("preferences.noSmtp")}</p> : null}
        {preferences.mailConfigured && !preferences.email ? <p className={ui.alert}>{t("preferences.noAddress")}</p> : null}
        {preferences.email ? <p className={ui.muted}>{t("preferences.address", { email: preferences.email })}</p> : null}
        <p className={ui.hint}>{t("preferences.quiet")}</p>
        <PreferencesForm initial={preferences.mail} />
      </section>
    </div>
  );
}
