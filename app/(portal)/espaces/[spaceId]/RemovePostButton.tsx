"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Removes a post (its author, or the space's owners moderating), after asking. */
export function RemovePostButton({ postId }: { postId: string }) {
  const t = useTranslations("spaces.stream");
  const router = useRouter();
  const trpc = useTRPC();
  const remove = useMutation(trpc.spaces.removePost.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div>
      <button
        type="button"
        className={`${ui.button} ${ui.secondary}`}
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(t("removeConfirm"))) remove.mutate({ postId });
        }}
      >
        {t("remove")}
      </button>
    </div>
  );
}
