"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Reminds the families who have not acknowledged the note yet. */
export function RemindButton({ noteId }: { noteId: string }) {
  const t = useTranslations("messaging.carnet");
  const trpc = useTRPC();
  const router = useRouter();
  const remind = useMutation(trpc.messaging.carnet.remind.mutationOptions());
  return (
    <p>
      <button type="button" className={ui.button} disabled={remind.isPending} onClick={() => remind.mutateAsync({ noteId }).then(() => router.refresh())}>
        {t("remind")}
      </button>
      {remind.data ? <span role="status"> {t("reminded", { count: remind.data.reminded })}</span> : null}
    </p>
  );
}
