"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useTRPC } from "@/app/trpc/client";
import { useLiveEvents } from "./LiveEvents";
import styles from "./nav.module.css";

/**
 * Beside "Messagerie": how many conversations hold messages the person has not read. Counted again when a message
 * arrives on the live channel and when the person moves to another page (reading a conversation marks it read).
 * The figure is shown; screen readers hear it as the description `descriptionId` of the link, whose name stays
 * "Messagerie" (so that voice control and tests find it by its name whatever the count).
 */
export function UnreadMessages({ initialCount, descriptionId }: { initialCount: number; descriptionId: string }) {
  const t = useTranslations("nav");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const unread = useQuery({ ...trpc.messaging.unreadCount.queryOptions(), initialData: initialCount });
  const recount = () => void queryClient.invalidateQueries(trpc.messaging.unreadCount.queryFilter());
  useLiveEvents((event) => {
    if (event.type === "message" && !event.fromMe) recount();
  });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- counted again on each new page, not on each render
  useEffect(recount, [pathname]);
  const count = unread.data ?? 0;
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
