"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Makes a draft's marks visible to its pupils and their families, after the teacher confirms. */
export function PublishButton({ evaluationId }: { evaluationId: string }) {
  const t = useTranslations("grades");
  const router = useRouter();
  const trpc = useTRPC();
  const publish = useMutation(trpc.grades.publish.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <button
      className={ui.button}
      type="button"
      disabled={publish.isPending}
      onClick={() => {
        if (window.confirm(t("publishConfirm"))) publish.mutate({ evaluationId });
      }}
    >
      {t("publish")}
    </button>
  );
}
