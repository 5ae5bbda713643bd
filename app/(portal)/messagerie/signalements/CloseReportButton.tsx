"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

export function CloseReportButton({ reportId }: { reportId: string }) {
  const t = useTranslations("messaging.reports");
  const trpc = useTRPC();
  const router = useRouter();
  const close = useMutation(trpc.messaging.closeReport.mutationOptions());
  return (
    <button
      type="button"
      className={`${ui.button} ${ui.secondary}`}
      disabled={close.isPending}
      onClick={() => close.mutateAsync({ reportId }).then(() => router.refresh())}
    >
      {t("close")}
    </button>
  );
}
