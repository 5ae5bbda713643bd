"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { TextField } from "@/app/components/TextField";
import { FormAlert, useFormErrors } from "@/app/components/useFormErrors";
import ui from "@/app/components/ui.module.css";
import { useTRPC } from "@/app/trpc/client";
import styles from "../../spaces.module.css";

/** Starts a new co-edited document in the space and opens it. */
export function CreateDocumentForm({ spaceId }: { spaceId: string }) {
  const t = useTranslations("spaces.documents");
  const tAll = useTranslations();
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.spaces.createDocument.mutationOptions());
  const { fieldErrors, error, reset, showFailure } = useFormErrors<"title">();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    try {
      const { id } = await create.mutateAsync({ spaceId, title: String(new FormData(event.currentTarget).get("title") ?? "") });
      router.push(`/espaces/${spaceId}/documents/${id}`);
    } catch (cause) {
      showFailure(cause, tAll("errors.internal"));
    }
  }

  return (
    <form className={`${ui.card} ${ui.stack}`} onSubmit={submit} noValidate>
      <FormAlert message={error} />
      <div className={styles.inline}>
        <TextField name="title" label={t("newTitle")} required maxLength={200} error={fieldErrors.title} />
        <button className={ui.button} type="submit" disabled={create.isPending}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}
