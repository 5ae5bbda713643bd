"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";

/** Archives the space (after a confirmation: everything in it turns read-only for everyone), or brings it back. */
export function ArchiveButton({ spaceId, archived }: { spaceId: string; archived: boolean }) {
  const t = useTranslations("spaces.settings");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const archive = useMutation(trpc.spaces.archive.mutationOptions());
  const restore = useMutation(trpc.spaces.restore.mutationOptions());
  const { error, reset, showFailure } = useFormErrors();

  async function toggle() {
    if (!archived && !window.confirm(t("archive.confirm"))) return;
    reset();
    try {
      await (archived ? restore : archive).mutateAsync({ spaceId });
      router.refresh();
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <>
      <FormAlert message={error} />
      <button
        className={archived ? ui.button : `${ui.button} ${ui.secondary}`}
        type="button"
        disabled={archive.isPending || restore.isPending}
        onClick={() => void toggle()}
      >
        {archived ? t("restore.submit") : t("archive.submit")}
      </button>
    </>
  );
}
