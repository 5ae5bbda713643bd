"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

export function MarkAllRead() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const mark = useMutation(trpc.notifications.markRead.mutationOptions());
  return (
    <p>
      <button
        type="button"
        className={`${ui.button} ${ui.secondary}`}
        disabled={mark.isPending}
        onClick={() =>
          mark.mutateAsync({}).then(async () => {
            await queryClient.invalidateQueries(trpc.notifications.unreadCount.queryFilter());
            router.refresh();
          })
        }
      >
        {t("markAllRead")}
      </button>
    </p>
  );
}
