"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "@/app/trpc/client";
import { useLiveEvents } from "./LiveEvents";
import styles from "./nav.module.css";

/**
 * How many conversations hold messages the person has not read (null while Messagerie is not theirs). Counted again
 * when a message arrives on the live channel and when the person moves to another page (reading a conversation marks
 * it read). Called once per navigation, for both places that show it.
 */
export function useUnreadMessages(initialCount: number | null): number | null {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const shown = initialCount !== null;
  const unread = useQuery({ ...trpc.messaging.unreadCount.queryOptions(), initialData: initialCount ?? 0, enabled: shown });
  const recount = () => {
    if (shown) void queryClient.invalidateQueries(trpc.messaging.unreadCount.queryFilter());
  };
  useLiveEvents((event) => {
    if (event.type === "message" && !event.fromMe) recount();
  });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- counted again on each new page, not on each render
  useEffect(recount, [pathname]);
  return shown ? (unread.data ?? 0) : null;
}

/**
 * The count beside "Messagerie" (and the phone's Menu button). The figure is shown; screen readers hear it as the
 * description `descriptionId` of the link, whose name stays "Messagerie" (so that voice control and tests find it by
 * its name whatever the count).
 */
export function UnreadMessages({ count, descriptionId }: { count: number; descriptionId: string }) {
  const t = useTranslations("nav");
  return (
    <>
      {count > 0 ? (
        <span className={styles.count} aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
      <span id={descriptionId} hidden>
        {count > 0 ? t("unreadMessages", { count }) : ""}
      </span>
    </>
  );
}
