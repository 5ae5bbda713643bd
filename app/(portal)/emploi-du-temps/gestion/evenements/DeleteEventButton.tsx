"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../timetable.module.css";

export function DeleteEventButton({ eventId, title }: { eventId: string; title: string }) {
  const t = useTranslations("timetable.events");
  const router = useRouter();
  const trpc = useTRPC();
  const remove = useMutation(trpc.timetable.deleteEvent.mutationOptions());
  async function confirmAndDelete() {
    if (!window.confirm(t("deleteConfirm", { title }))) return;
    await remove.mutateAsync({ eventId });
    router.refresh();
  }
  return (
    <button type="button" className={`${ui.button} ${ui.secondary} ${styles.danger}`} disabled={remove.isPending} onClick={() => void confirmAndDelete()}>
      {t("delete")}
      <span className="visually-hidden"> {title}</span>
    </button>
  );
}
