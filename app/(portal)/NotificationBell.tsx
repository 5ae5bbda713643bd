"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/trpc/client";
import { useLiveEvents } from "./LiveEvents";
import styles from "./messagerie/messaging.module.css";

/** The bell of the header: how many notifications are unread, kept current by the live channel. */
export function NotificationBell({ initialCount }: { initialCount: number }) {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), initialData: initialCount });
  useLiveEvents((event) => {
    if (event.type === "notification") void queryClient.invalidateQueries(trpc.notifications.unreadCount.queryFilter());
  });
  const count = unread.data ?? 0;
  return (
    <Link href="/notifications" className={styles.bell} aria-label={t("bell", { count })} data-testid="notification-bell">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 ? <span className={styles.bellCount}>{count > 99 ? "99+" : count}</span> : null}
    </Link>
  );
}
