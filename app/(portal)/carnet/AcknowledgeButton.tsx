"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** The guardian's "vu": the note's author sees it at once. */
export function AcknowledgeButton({ noteId, title }: { noteId: string; title: string }) {
  const t = useTranslations("messaging.carnet");
  const trpc = useTRPC();
  const router = useRouter();
  const acknowledge = useMutation(trpc.messaging.carnet.acknowledge.mutationOptions());
  return (
    <button
      type="button"
      className={ui.button}
      disabled={acknowledge.isPending}
      onClick={() => acknowledge.mutateAsync({ noteId }).then(() => router.refresh())}
    >
      {t("acknowledge")}
      <span className="visually-hidden"> — {title}</span>
    </button>
  );
}
